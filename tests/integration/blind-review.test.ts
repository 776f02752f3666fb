// Blind review (issue 14, part 4): an opening's mode decides who sees the application's code
// instead of the candidate, on every read path — the panel's pages, messages and invites, the
// dashboard's grid, comparison, debrief, packet and CSV, the candidate pages and search, and the
// REST API — until a hire or reject is recorded. Each check serializes what the reader gets and
// looks for the name's parts and the e-mail as plain strings, and for the code.
//
// Isolation 'file': the REST checks call route handlers, which read the process-wide handle
// (setConnection). Every test builds its own organization, so they do not see each other's rows.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getDebriefRoute } from '@/app/api/v1/applications/[applicationId]/debrief/route';
import { GET as getCandidateFeedbackRoute } from '@/app/api/v1/candidates/[candidateId]/feedback/route';
import { GET as getPacketRoute } from '@/app/api/v1/candidates/[candidateId]/packet/route';
import { GET as getCandidateRoute } from '@/app/api/v1/candidates/[candidateId]/route';
import { GET as listCandidatesRoute } from '@/app/api/v1/candidates/route';
import { GET as listInterviewsRoute } from '@/app/api/v1/interviews/route';
import { GET as exportCsvRoute } from '@/app/api/v1/openings/[openingId]/dashboard/route';
import { GET as getGridRoute } from '@/app/api/v1/openings/[openingId]/grid/route';
import { GET as getOpeningRoute } from '@/app/api/v1/openings/[openingId]/route';
import { GET as getScorecardRoute } from '@/app/api/v1/scorecards/[scorecardId]/route';
import { GET as listScorecardsRoute } from '@/app/api/v1/scorecards/route';
import { setConnection } from '@/db/client';
import { flushApiKeyUses } from '@/lib/api-keys/uses';
import { applications, auditEvents } from '@/db/schema';
import { READ_ONLY_SCOPES } from '@/lib/auth/permissions';
import { isIdentityHidden, loadBlindViews } from '@/lib/candidates/blind';
import { updateCandidate } from '@/lib/candidates/mutations';
import { getCandidateDetails, getCandidateProfile, getCandidateTimeline, listCandidates } from '@/lib/candidates/queries';
import { getDebrief } from '@/lib/dashboard/debrief';
import { getDecisionPacket, listPacketOpenings } from '@/lib/dashboard/decision-packet';
import { exportOpeningGridCsv } from '@/lib/dashboard/export';
import { compareCandidates, getOpeningGrid } from '@/lib/dashboard/queries';
import { recordDecision } from '@/lib/decisions/mutations';
import { listApplicationsAwaitingDecision } from '@/lib/decisions/queries';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { listInterviewOverview } from '@/lib/interviews/overview';
import { groupMyInterviews } from '@/lib/interviews/queries';
import { listNotifications } from '@/lib/notifications/queries';
import { sendDueFeedbackReminders } from '@/lib/notifications/reminders';
import { updateOpening } from '@/lib/openings/mutations';
import { getOpening, getOpeningForEdit, getOpeningOverview } from '@/lib/openings/queries';
import { BLIND_REVIEW_MODES, type BlindReviewMode } from '@/lib/openings/schemas';
import { getInterviewScorecard, listCandidateFeedback } from '@/lib/scorecards/queries';
import { callApi, makeApiKey } from './support/api';
import { setupTestDatabase } from './support/database';
import {
  makeApplicant,
  makeInterview,
  makeKit,
  makeMember,
  makeOpening,
  makeOrganization,
  makeSubmittedScorecard,
  setBlindReview,
  type TestMember,
  type TestOrganization,
  uniqueEmail,
} from './support/factories';
import { mailsTo, parseInvite, runFeedbackCompleteChecks } from './support/notifications';

const t = setupTestDatabase({ isolation: 'file' });

beforeAll(() => setConnection(t.connection));
// Key uses are written in the background: let them land before the file's database goes away.
afterAll(async () => {
  await flushApiKeyUses();
  setConnection(undefined);
});

const CODE = /^C-[2-9A-HJ-NP-Z]{4}$/;
const RATIONALE = 'Clear evidence across the panel on caching and SQL; the decision follows the rubric.';

interface BlindLoop extends TestOrganization {
  openingId: string;
  stageId: string;
  second: TestMember;
  candidate: { candidateId: string; applicationId: string; name: string; email: string; code: string };
  other: { candidateId: string; applicationId: string; name: string; email: string; code: string };
  interviewId: string;
  skillIds: string[];
  /** A read-only API key (no candidate:contact). */
  token: string;
}

/**
 * An opening in the given mode with a hiring manager, two applicants whose names appear in the
 * panel's summaries, and an interview of the first under way whose two panelists submitted.
 */
async function blindLoop(mode: BlindReviewMode): Promise<BlindLoop> {
  const org = await makeOrganization(t.db);
  const kit = await makeKit(org.admin.ctx);
  const { openingId, stageIds } = await makeOpening(org.admin.ctx, { kitId: kit.kitId, hiringManagerUserId: org.hiringManager.user.id, blindReview: mode });
  const person = async (name: string) => {
    const email = uniqueEmail(name.split(' ')[0]!.toLowerCase());
    const applicant = await makeApplicant(org.recruiter.ctx, { openingId, name, email });
    const [row] = await t.db.select({ code: applications.blindCode }).from(applications).where(eq(applications.id, applicant.applicationId));
    return { ...applicant, email, code: row!.code };
  };
  const candidate = await person('Zelda Quorvik');
  const other = await person('Bertil Yansson');
  const second = await makeMember(t.db, org.organizationId, 'interviewer');
  const ratings = Object.fromEntries(kit.skillIds.map((id) => [id, 3 as const]));
  const interviewId = await makeInterview(org.recruiter.ctx, { applicationId: candidate.applicationId, stageId: stageIds[0]!, panel: [org.interviewer.ctx, second.ctx] });
  await makeSubmittedScorecard(org.interviewer.ctx, { interviewId, ratings, summary: `Zelda reasoned well about caching; Quorvik's SQL was solid (reach her at ${candidate.email}).` });
  await makeSubmittedScorecard(second.ctx, { interviewId, ratings, recommendation: 'strong_yes', summary: 'zelda quorvik: the strongest system design answer this month.' });
  const otherInterview = await makeInterview(org.recruiter.ctx, { applicationId: other.applicationId, stageId: stageIds[0]!, panel: [org.interviewer.ctx] });
  await makeSubmittedScorecard(org.interviewer.ctx, { interviewId: otherInterview, ratings, summary: 'Bertil was thorough.' });
  const token = await makeApiKey(t.db, { organizationId: org.organizationId, scopes: READ_ONLY_SCOPES });
  return { ...org, openingId, stageId: stageIds[0]!, second, candidate, other, interviewId, skillIds: kit.skillIds, token };
}

/** What the reader got, as text: any part of the name or the e-mail would show up here. */
function text(value: unknown): string {
  return (typeof value === 'string' ? value : JSON.stringify(value)).toLowerCase();
}

function expectBlind(value: unknown, who: BlindLoop['candidate']) {
  const seen = text(value);
  expect(seen).not.toContain('zelda');
  expect(seen).not.toContain('quorvik');
  expect(seen).not.toContain(who.email.toLowerCase());
  expect(seen).toContain(who.code.toLowerCase());
}

function expectNamed(value: unknown, who: BlindLoop['candidate']) {
  expect(text(value)).toContain(who.name.toLowerCase());
}

async function api(path: string, token: string, handler: (r: Request, c: { params: Promise<never> }) => Promise<Response>, params: Record<string, string> = {}) {
  const response = await callApi(handler as never, { path, token, params: params as never });
  expect(response.status).toBe(200);
  return response.headers.get('content-type')?.includes('json') ? await response.json() : { body: await response.text(), disposition: response.headers.get('content-disposition') };
}

const hire = (loop: BlindLoop, outcome: 'hire' | 'reject' | 'advance' | 'hold' = 'hire') => recordDecision(loop.hiringManager.ctx, { applicationId: loop.candidate.applicationId, outcome, rationale: `${RATIONALE} Zelda Quorvik.` });

describe('the opening setting', () => {
  it('is saved on the opening form with a new revision, audited by field, refused when stale, forbidden without opening:write, 422 naming the field', async () => {
    const org = await makeOrganization(t.db);
    const kit = await makeKit(org.admin.ctx);
    const { openingId } = await makeOpening(org.admin.ctx, { kitId: kit.kitId });
    expect((await getOpeningForEdit(org.admin.ctx, openingId)).blindReview).toBe('off');
    const before = (await getOpening(org.admin.ctx, openingId)).opening;

    const { revision } = await setBlindReview(org.recruiter.ctx, openingId, 'interviewers_and_dashboard');
    expect(revision).toBe(before.revision + 1);
    expect((await getOpeningForEdit(org.admin.ctx, openingId)).blindReview).toBe('interviewers_and_dashboard');
    const [event] = await t.db
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, openingId), eq(auditEvents.action, 'opening.updated')));
    expect(event!.data).toMatchObject({ revision, fields: ['blindReview'], blindReview: 'interviewers_and_dashboard' });

    const stages = (await getOpening(org.admin.ctx, openingId)).stages.map((s) => ({ id: s.id, name: s.name, kitId: s.kitId, durationMinutes: s.durationMinutes }));
    const edit = { openingId, title: before.title, level: before.level, status: before.status, stages };
    await expect(updateOpening(org.admin.ctx, { ...edit, revision: before.revision, blindReview: 'off' })).rejects.toBeInstanceOf(ConflictError);
    await expect(setBlindReview(org.interviewer.ctx, openingId, 'off')).rejects.toBeInstanceOf(ForbiddenError);
    const invalid = await updateOpening(org.admin.ctx, { ...edit, revision, blindReview: 'everyone' }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).fieldErrors).toHaveProperty('blindReview');
    // An edit that leaves the field out (an older API client) keeps the mode.
    await updateOpening(org.admin.ctx, { ...edit, revision, title: `${before.title} (renamed)` });
    expect((await getOpeningForEdit(org.admin.ctx, openingId)).blindReview).toBe('interviewers_and_dashboard');
    expect(await api(`/api/v1/openings/${openingId}`, await makeApiKey(t.db, { organizationId: org.organizationId }), getOpeningRoute, { openingId })).toMatchObject({ opening: { blindReview: 'interviewers_and_dashboard' } });
  });

  it('gives every application a code like C-4F7Q, stable and unique within the opening, also to applications made before blind review was switched on', async () => {
    const org = await makeOrganization(t.db);
    const kit = await makeKit(org.admin.ctx);
    const { openingId } = await makeOpening(org.admin.ctx, { kitId: kit.kitId });
    const made = [];
    for (let i = 0; i < 12; i++) made.push(await makeApplicant(org.recruiter.ctx, { openingId }));
    const codes = await t.db.select({ id: applications.id, code: applications.blindCode }).from(applications).where(eq(applications.openingId, openingId));
    expect(codes).toHaveLength(12);
    for (const c of codes) expect(c.code).toMatch(CODE);
    expect(new Set(codes.map((c) => c.code)).size).toBe(12);
    await setBlindReview(org.admin.ctx, openingId, 'interviewers');
    const again = await t.db.select({ id: applications.id, code: applications.blindCode }).from(applications).where(eq(applications.openingId, openingId));
    expect(new Map(again.map((c) => [c.id, c.code]))).toEqual(new Map(codes.map((c) => [c.id, c.code])));
  });

  it('draws another code when the one drawn is already taken in the opening', async () => {
    const org = await makeOrganization(t.db);
    const kit = await makeKit(org.admin.ctx);
    const { openingId } = await makeOpening(org.admin.ctx, { kitId: kit.kitId });
    const first = await makeApplicant(org.recruiter.ctx, { openingId });
    const [taken] = await t.db.select({ code: applications.blindCode }).from(applications).where(eq(applications.id, first.applicationId));
    // An insert naming the taken code (as a colliding draw would) gets a fresh one from the trigger.
    // A direct insert: no domain path lets a caller choose the code.
    const elsewhere = await makeApplicant(org.recruiter.ctx, { openingId: (await makeOpening(org.admin.ctx, { kitId: kit.kitId })).openingId });
    const [redrawn] = await t.db
      .insert(applications)
      .values({ organizationId: org.organizationId, candidateId: elsewhere.candidateId, openingId, blindCode: taken!.code })
      .returning({ code: applications.blindCode });
    expect(redrawn!.code).toMatch(CODE);
    expect(redrawn!.code).not.toBe(taken!.code);
  });
});

describe('one rule, two forms', () => {
  it('the SQL fragment agrees with the TypeScript predicate for every mode, surface and role, before and after a hire', async () => {
    const loop = await blindLoop('off');
    const roles = [loop.admin, loop.recruiter, loop.hiringManager, loop.interviewer];
    for (const decided of [false, true]) {
      if (decided) await hire(loop);
      for (const mode of BLIND_REVIEW_MODES) {
        await setBlindReview(loop.admin.ctx, loop.openingId, mode);
        for (const surface of ['panel', 'dashboard', 'candidate'] as const)
          for (const member of roles) {
            const views = await loadBlindViews(member.ctx, surface, [loop.candidate.applicationId]);
            expect([mode, surface, member.ctx.role, decided, views.get(loop.candidate.applicationId)!.hidden]).toEqual([mode, surface, member.ctx.role, decided, isIdentityHidden(surface, { mode, decided }, member.ctx)]);
          }
      }
    }
  });
});

describe("'interviewers and dashboard' mode", () => {
  let loop: BlindLoop;
  beforeAll(async () => {
    loop = await blindLoop('interviewers_and_dashboard');
  });

  it("the panel's pages: My interviews, the interview page and scorecard header, the debrief and others' feedback", async () => {
    const ivy = loop.interviewer.ctx;
    const mine = await groupMyInterviews(ivy);
    const row = [...mine.today, ...mine.done].find((i) => i.id === loop.interviewId);
    expect(row?.candidate).toBe(loop.candidate.code);
    expectBlind(mine, loop.candidate);

    const page = await getInterviewScorecard(ivy, { interviewId: loop.interviewId });
    expect(page.interview).toMatchObject({ candidateName: loop.candidate.code, blind: true });
    // The panelist's own card is theirs to edit: it stays as they wrote it.
    expect(page.scorecard.summary).toContain('Zelda');
    expectBlind(page.interview, loop.candidate);

    const debrief = await getDebrief(ivy, { applicationId: loop.candidate.applicationId });
    expect(debrief.candidate).toMatchObject({ name: loop.candidate.code, blind: true });
    const others = debrief.evidence!.scorecards.filter((s) => !s.mine);
    expect(others).toHaveLength(1);
    expectBlind({ candidate: debrief.candidate, others }, loop.candidate);
    expect(others[0]!.summary).toBe(`${loop.candidate.code}: the strongest system design answer this month.`);

    const feedback = await listCandidateFeedback(ivy, { candidateId: loop.candidate.candidateId });
    expect(text(feedback.scorecards.filter((s) => !s.mine))).not.toContain('zelda');
  });

  it("the panel's messages: invite e-mail and calendar title, in-app notifications", async () => {
    const invites = await mailsTo(t.db, loop.interviewer.email, 'interview_invite');
    const invite = invites.find((m) => m.subject.includes(loop.candidate.code));
    expect(invite).toBeDefined();
    expectBlind({ subject: invite!.subject, body: invite!.body }, loop.candidate);
    const calendar = parseInvite(invite!.calendar);
    expectBlind({ summary: calendar.summary, description: calendar.description }, loop.candidate);
    const notes = await listNotifications(loop.interviewer.ctx);
    expect(notes.some((n) => n.candidate === loop.candidate.code)).toBe(true);
    expectBlind(notes.filter((n) => n.interviewId === loop.interviewId), loop.candidate);
  });

  it('"all feedback is in" to the hiring manager: e-mail and notification', async () => {
    await runFeedbackCompleteChecks(t.db);
    const mails = await mailsTo(t.db, loop.hiringManager.email, 'feedback_complete');
    const mail = mails.find((m) => m.subject.includes(loop.candidate.code));
    expect(mail).toBeDefined();
    expectBlind({ subject: mail!.subject, body: mail!.body }, loop.candidate);
    const notes = await listNotifications(loop.hiringManager.ctx);
    expectBlind(notes.filter((n) => n.applicationId === loop.candidate.applicationId && n.kind === 'feedback_complete'), loop.candidate);
  });

  it("the dashboard: grid, CSV export and its file name, comparison, debrief, decision packet, awaiting decision — for recruiters too", async () => {
    for (const reader of [loop.hiringManager.ctx, loop.recruiter.ctx]) {
      const grid = await getOpeningGrid(reader, loop.openingId);
      const row = grid.candidates.find((c) => c.applicationId === loop.candidate.applicationId);
      expect(row).toMatchObject({ name: loop.candidate.code, blind: true });
      expectBlind(grid, loop.candidate);
      expect(text(grid)).not.toContain('bertil');

      const csv = await exportOpeningGridCsv(reader, loop.openingId);
      expectBlind(csv.csv, loop.candidate);
      expect(text(csv.filename)).not.toContain('zelda');

      const compared = await compareCandidates(reader, { openingId: loop.openingId, candidateIds: [loop.candidate.candidateId, loop.other.candidateId] });
      expectBlind(compared, loop.candidate);
      expect(text(compared)).not.toContain('bertil');

      const debrief = await getDebrief(reader, { applicationId: loop.candidate.applicationId });
      expectBlind(debrief, loop.candidate);

      const packet = await getDecisionPacket(reader, { candidateId: loop.candidate.candidateId, openingId: loop.openingId });
      expect(packet.candidate).toMatchObject({ name: loop.candidate.code, email: null, blind: true });
      expect(packet.evidence!.scorecards).toHaveLength(2);
      expectBlind(packet, loop.candidate);
      expectBlind(await listPacketOpenings(reader, { candidateId: loop.candidate.candidateId }), loop.candidate);
    }
    expectBlind(await listApplicationsAwaitingDecision(loop.hiringManager.ctx), loop.candidate);
  });

  it('candidate pages, list, search, opening page and loop overview: blind to the hiring manager, named for the recruiter who contacts them', async () => {
    const hm = loop.hiringManager.ctx;
    const profile = await getCandidateProfile(hm, loop.candidate.candidateId);
    expect(profile.blind).toBe(true);
    expect(profile.candidate).toMatchObject({ name: loop.candidate.code, email: '', phone: null, notes: '' });
    expectBlind({ candidate: profile.candidate, timeline: await getCandidateTimeline(hm, loop.candidate.candidateId) }, loop.candidate);
    expectBlind(await getCandidateDetails(hm, loop.candidate.candidateId), loop.candidate);
    expect(text(await listCandidateFeedback(hm, { candidateId: loop.candidate.candidateId }))).not.toContain('zelda');

    const all = await listCandidates(hm, {});
    expectBlind(all, loop.candidate);
    expect((await listCandidates(hm, { q: 'Zelda' })).total).toBe(0);
    expect((await listCandidates(hm, { q: loop.candidate.email })).total).toBe(0);
    // Ordered by what is shown, and paged by it: the cursor carries a code, not a name.
    const byName = await listCandidates(hm, { sort: 'name', limit: 1 });
    expect(byName.rows[0]!.name).toBe([loop.candidate.code, loop.other.code].sort()[0]);
    expect(Buffer.from(byName.nextCursor!, 'base64url').toString()).not.toMatch(/zelda|bertil/);
    const byCode = await listCandidates(hm, { q: loop.candidate.code.toLowerCase() });
    expect(byCode.rows.map((r) => r.id)).toContain(loop.candidate.candidateId);

    expectBlind(await getOpeningOverview(hm, loop.openingId), loop.candidate);
    expectBlind(await listInterviewOverview(hm, {}), loop.candidate);
    await expect(updateCandidate(hm, { candidateId: loop.candidate.candidateId, revision: 0, notes: 'Zelda called back.' })).rejects.toBeInstanceOf(ForbiddenError);

    const recruiter = loop.recruiter.ctx;
    expect((await getCandidateProfile(recruiter, loop.candidate.candidateId)).candidate).toMatchObject({ name: loop.candidate.name, email: loop.candidate.email });
    expect((await listCandidates(recruiter, { q: 'quorvik' })).rows.map((r) => r.name)).toEqual([loop.candidate.name]);
    expectNamed(await getOpeningOverview(recruiter, loop.openingId), loop.candidate);
    expectNamed(await listInterviewOverview(recruiter, {}), loop.candidate);
  });

  it('the REST API: grid, CSV, candidates and search, candidate, feedback, packet, debrief, scorecards, interviews', async () => {
    const { token, candidate } = loop;
    const c = { candidateId: candidate.candidateId };
    expectBlind(await api(`/api/v1/openings/${loop.openingId}/grid`, token, getGridRoute, { openingId: loop.openingId }), candidate);
    const csv = await api(`/api/v1/openings/${loop.openingId}/dashboard`, token, exportCsvRoute, { openingId: loop.openingId });
    expectBlind(csv, candidate);
    const listed = (await api('/api/v1/candidates?limit=100', token, listCandidatesRoute)) as { candidates: { id: string; name: string; email: string | null; blind: boolean }[] };
    expect(listed.candidates.find((x) => x.id === candidate.candidateId)).toMatchObject({ name: candidate.code, email: null, blind: true });
    expectBlind(listed, candidate);
    expect(await api('/api/v1/candidates?q=quorvik', token, listCandidatesRoute)).toMatchObject({ candidates: [] });
    expectBlind(await api(`/api/v1/candidates/${candidate.candidateId}`, token, getCandidateRoute, c), candidate);
    expect(text(await api(`/api/v1/candidates/${candidate.candidateId}/feedback`, token, getCandidateFeedbackRoute, c))).not.toContain('zelda');
    expectBlind(await api(`/api/v1/candidates/${candidate.candidateId}/packet?opening=${loop.openingId}`, token, getPacketRoute, c), candidate);
    expectBlind(await api(`/api/v1/applications/${candidate.applicationId}/debrief`, token, getDebriefRoute, { applicationId: candidate.applicationId }), candidate);
    const cards = await api(`/api/v1/scorecards?openingId=${loop.openingId}`, token, listScorecardsRoute);
    expect(text(cards)).not.toContain('zelda');
    expect(text(cards)).toContain(candidate.code.toLowerCase());
    // One card at a time too: the ids the masked list hands out must not lead to the unmasked text.
    const cardIds = (cards as { scorecards: { id: string }[] }).scorecards.map((card) => card.id);
    expect(cardIds.length).toBeGreaterThan(0);
    for (const scorecardId of cardIds) {
      const one = await api(`/api/v1/scorecards/${scorecardId}`, token, getScorecardRoute, { scorecardId });
      expect(text(one)).not.toContain('zelda');
      expect(text(one)).toMatch(/c-[a-z0-9]{4}/); // the opening's cards name its candidates by code
    }
    const from = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expectBlind(await api(`/api/v1/interviews?from=${from}&timeZone=UTC`, token, listInterviewsRoute), candidate);
  });
});

describe('lifting the blind', () => {
  it('"advance" and "hold" keep it; a hire lifts it for everyone on every path', async () => {
    const loop = await blindLoop('interviewers_and_dashboard');
    await hire(loop, 'advance');
    await hire(loop, 'hold');
    expectBlind(await getOpeningGrid(loop.hiringManager.ctx, loop.openingId), loop.candidate);
    const rationale = (await getDebrief(loop.hiringManager.ctx, { applicationId: loop.candidate.applicationId })).decisions[0]!.rationale;
    expect(rationale).toContain(loop.candidate.code);
    expect(rationale).not.toContain('Zelda');

    await hire(loop, 'hire');
    expectNamed(await getOpeningGrid(loop.hiringManager.ctx, loop.openingId), loop.candidate);
    expectNamed(await groupMyInterviews(loop.interviewer.ctx), loop.candidate);
    expectNamed((await getInterviewScorecard(loop.interviewer.ctx, { interviewId: loop.interviewId })).interview, loop.candidate);
    const packet = await getDecisionPacket(loop.hiringManager.ctx, { candidateId: loop.candidate.candidateId, openingId: loop.openingId });
    expect(packet.candidate).toMatchObject({ name: loop.candidate.name, email: loop.candidate.email, blind: false });
    expect(text(packet)).toContain('zelda reasoned well');
    expect((await getCandidateProfile(loop.hiringManager.ctx, loop.candidate.candidateId)).blind).toBe(false);
    expect((await listCandidates(loop.hiringManager.ctx, { q: 'quorvik' })).total).toBe(1);
    // The other applicant has no decision: still blind.
    const grid = await getOpeningGrid(loop.hiringManager.ctx, loop.openingId);
    expect(grid.candidates.find((c) => c.applicationId === loop.other.applicationId)?.name).toBe(loop.other.code);
  });

  it('a reject lifts it too', async () => {
    const loop = await blindLoop('interviewers');
    await hire(loop, 'reject');
    expectNamed(await groupMyInterviews(loop.interviewer.ctx), loop.candidate);
  });
});

describe("'interviewers' mode", () => {
  it('blinds the panel and leaves the dashboard and candidate pages named', async () => {
    const loop = await blindLoop('interviewers');
    expectBlind(await groupMyInterviews(loop.interviewer.ctx), loop.candidate);
    expectBlind((await getInterviewScorecard(loop.second.ctx, { interviewId: loop.interviewId })).interview, loop.candidate);
    const debrief = await getDebrief(loop.interviewer.ctx, { applicationId: loop.candidate.applicationId });
    expectBlind({ candidate: debrief.candidate, others: debrief.evidence!.scorecards.filter((s) => !s.mine) }, loop.candidate);
    const [invite] = await mailsTo(t.db, loop.second.email, 'interview_invite');
    expect(invite).toBeDefined();
    expectBlind({ subject: invite!.subject, calendar: parseInvite(invite!.calendar).summary }, loop.candidate);

    // A feedback reminder to a panelist who owes a card names the code too.
    const owed = await makeInterview(loop.recruiter.ctx, { applicationId: loop.other.applicationId, stageId: loop.stageId, panel: [loop.second.ctx] });
    await sendDueFeedbackReminders(t.db, new Date(Date.now() + 3 * 3_600_000));
    const reminder = (await mailsTo(t.db, loop.second.email, 'feedback_reminder')).find((m) => m.body.includes(`/interviews/${owed}`));
    expect(reminder).toBeDefined();
    expect(text({ subject: reminder!.subject, body: reminder!.body })).not.toContain('bertil');
    expect(text({ subject: reminder!.subject, body: reminder!.body })).toContain(loop.other.code.toLowerCase());

    const hm = loop.hiringManager.ctx;
    expectNamed(await getOpeningGrid(hm, loop.openingId), loop.candidate);
    expectNamed(await getDebrief(hm, { applicationId: loop.candidate.applicationId }), loop.candidate);
    expect((await getDecisionPacket(hm, { candidateId: loop.candidate.candidateId, openingId: loop.openingId })).candidate.email).toBe(loop.candidate.email);
    expectNamed(await getCandidateProfile(hm, loop.candidate.candidateId), loop.candidate);
    expect((await listCandidates(hm, { q: 'zelda' })).total).toBe(1);
    expectNamed(await api(`/api/v1/openings/${loop.openingId}/grid`, loop.token, getGridRoute, { openingId: loop.openingId }), loop.candidate);
  });
});

describe("'off' mode", () => {
  it('changes nothing: names on the panel, the dashboard, the messages and the API', async () => {
    const loop = await blindLoop('off');
    expectNamed(await groupMyInterviews(loop.interviewer.ctx), loop.candidate);
    expect((await getInterviewScorecard(loop.interviewer.ctx, { interviewId: loop.interviewId })).interview).toMatchObject({ candidateName: loop.candidate.name, blind: false });
    const grid = await getOpeningGrid(loop.hiringManager.ctx, loop.openingId);
    expect(grid.candidates.find((c) => c.applicationId === loop.candidate.applicationId)).toMatchObject({ name: loop.candidate.name, blind: false });
    const packet = await getDecisionPacket(loop.hiringManager.ctx, { candidateId: loop.candidate.candidateId, openingId: loop.openingId });
    expect(packet.candidate.email).toBe(loop.candidate.email);
    expect(text(packet)).toContain('zelda reasoned well');
    const invites = await mailsTo(t.db, loop.interviewer.email, 'interview_invite');
    expect(invites.some((m) => m.subject.includes(loop.candidate.name))).toBe(true);
    expectNamed(await api(`/api/v1/candidates?q=zelda`, loop.token, listCandidatesRoute), loop.candidate);
  });
});

describe('tenant isolation', () => {
  it("another organization's ids stay missing, blind or not", async () => {
    const loop = await blindLoop('interviewers_and_dashboard');
    const outsider = await makeOrganization(t.db);
    await expect(getOpeningGrid(outsider.admin.ctx, loop.openingId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDebrief(outsider.admin.ctx, { applicationId: loop.candidate.applicationId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setBlindReview(outsider.admin.ctx, loop.openingId, 'off')).rejects.toBeInstanceOf(NotFoundError);
  });
});
