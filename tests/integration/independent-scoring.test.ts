// Independent scoring, per started interview (lib/scorecards/visibility.ts), and the attacks the
// security review reproduced:
//  (6) a panelist on two interviews of one candidate submits the first card, then reads everyone's
//      feedback while their card for the second, started interview is still owed;
//  (10) reading the live scorecard (GET, page) inserted a draft;
//  (11) calibration and question analytics ignored "hold leads to independent scoring".
// Fixture (committed once; each test runs in a rolled-back transaction): Ana has a technical interview two days ago (panel Rita the recruiter + Paul) and a
// collaboration interview under way (Rita + Petra); Ben has one interview yesterday (Rita + Paul).
// Rita holds scorecard:read_all (recruiters coordinate the debrief), so finding 6 runs with the
// organization holding leads to the rule: as a lead on those panels she is held like any panelist.
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, scorecards, users } from '@/db/schema';
import { getCandidateTimeline } from '@/lib/candidates/queries';
import type { Ctx } from '@/lib/context';
import { getCalibration } from '@/lib/dashboard/calibration';
import { getDecisionPacket } from '@/lib/dashboard/decision-packet';
import { exportOpeningGridCsv } from '@/lib/dashboard/export';
import { compareCandidates, getOpeningGrid } from '@/lib/dashboard/queries';
import { getQuestionAnalytics } from '@/lib/dashboard/question-analytics';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { getKit } from '@/lib/kits/queries';
import { updateOrganization } from '@/lib/orgs/mutations';
import { InterviewNotStartedError, openScorecard, submitScorecard } from '@/lib/scorecards/mutations';
import { getInterviewScorecard, getScorecard, listCandidateFeedback } from '@/lib/scorecards/queries';
import { canSeeOthersFeedback, OwedScorecardsError } from '@/lib/scorecards/visibility';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';
import {
  createApplicant,
  createInterview,
  createOpeningWithStages,
  createPublishedKit,
  fillScorecard,
  skillIdsBySlug,
  submitFilledScorecard,
} from './support/interview-factories';

const HOUR = 3_600_000;
const ORG_NAME = 'Visibility Co';
const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });
let admin: Ctx;
let rita: Ctx; // recruiter: dashboard:read, candidate:read and scorecard:read_all — held by the setting when on a panel
let paul: Ctx;
let petra: Ctx;
let hank: Ctx; // hiring manager: scorecard:read_all
let openingId: string;
let kitQuestionId: string; // the kit's one question
let stageIds: string[];
let ratings: Record<string, 3>;
const ana = { candidateId: '', applicationId: '', technical: '', collaboration: '' };
const ben = { candidateId: '', applicationId: '', interview: '' };
const cards = { paulOnAna: '', petraOnAna: '', ritaOnAna: '' };
let ritaFirstSubmit: Awaited<ReturnType<typeof submitScorecard>>;

async function named(ctx: Ctx, name: string) {
  await t.db.update(users).set({ name }).where(eq(users.id, ctx.userId));
}

const holdLeads = (on: boolean) => updateOrganization(admin, { name: ORG_NAME, leadsScoreIndependently: on });

async function scorecardRows(interviewId: string) {
  const [row] = await t.db.select({ n: count() }).from(scorecards).where(eq(scorecards.interviewId, interviewId));
  return row!.n;
}

/** Every multi-candidate read path, as the viewer sees Ana: grid row, CSV row, packet evidence, comparison. */
async function anaAsSeenBy(viewer: Ctx) {
  const grid = await getOpeningGrid(viewer, openingId);
  const { csv } = await exportOpeningGridCsv(viewer, openingId);
  const packet = await getDecisionPacket(viewer, { candidateId: ana.candidateId, openingId });
  const compare = await compareCandidates(viewer, { openingId, candidateIds: [ana.candidateId, ben.candidateId] }).catch((e) => e);
  return {
    gridNames: grid.candidates.map((c) => c.name).sort(),
    hiddenCandidates: grid.hiddenCandidates,
    csvHasAna: csv.includes('Ana Fixture'),
    packetEvidence: packet.evidence,
    compare,
  };
}

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db, ORG_NAME)).ctx;
  rita = (await addMember(t.db, admin.organizationId, 'recruiter')).ctx;
  paul = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  petra = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  hank = (await addMember(t.db, admin.organizationId, 'hiring_manager')).ctx;
  await named(paul, 'Paul Panel');
  await named(petra, 'Petra Panel');
  await named(rita, 'Rita Recruiter');
  const slug = await skillIdsBySlug(t.db);
  const A = slug['sql-databases']!;
  const B = slug['communication']!;
  ratings = { [A]: 3, [B]: 3 };
  const kitId = await createPublishedKit(admin, [
    { skillId: A, weight: 60 },
    { skillId: B, weight: 40 },
  ]);
  kitQuestionId = (await getKit(admin, kitId)).sections[0]!.items[0]!.questionId;
  ({ openingId, stageIds } = await createOpeningWithStages(admin, kitId, ['Technical', 'Collaboration']));

  Object.assign(ana, await createApplicant(admin, openingId, 'Ana Fixture'));
  ana.technical = await createInterview(admin, { applicationId: ana.applicationId, stageId: stageIds[0]!, panel: [rita, paul], startsInMs: -48 * HOUR });
  ana.collaboration = await createInterview(admin, { applicationId: ana.applicationId, stageId: stageIds[1]!, panel: [rita, petra], startsInMs: -HOUR / 6 });
  // Held while Rita first submits, so that submit answers as the rule would for a held panelist.
  await holdLeads(true);
  const ritaDraft = await fillScorecard(rita, ana.technical, ratings);
  cards.ritaOnAna = ritaDraft.scorecardId;
  ritaFirstSubmit = await submitScorecard(rita, { scorecardId: ritaDraft.scorecardId, baseRevision: ritaDraft.revision });
  cards.paulOnAna = await submitFilledScorecard(paul, ana.technical, ratings, 'strong_yes');
  cards.petraOnAna = await submitFilledScorecard(petra, ana.collaboration, ratings, 'no');

  Object.assign(ben, await createApplicant(admin, openingId, 'Ben Fixture'));
  ben.interview = await createInterview(admin, { applicationId: ben.applicationId, stageId: stageIds[0]!, panel: [rita, paul], startsInMs: -24 * HOUR });
  await submitFilledScorecard(rita, ben.interview, ratings);
  await submitFilledScorecard(paul, ben.interview, ratings);
  await holdLeads(false); // committed default; finding 6 turns it on inside each of its tests
});

describe('finding 6: independent scoring per started interview', () => {
  beforeEach(() => holdLeads(true)); // inside each test's transaction, so rolled back with it
  it('hides everyone else’s feedback from a panelist who owes a started interview’s card (no scorecard row yet)', async () => {
    expect(await scorecardRows(ana.collaboration)).toBe(1); // Petra's only: Rita never opened it
    // Her first submit already told her the candidate stays hidden.
    expect(ritaFirstSubmit.othersFeedbackVisible).toBe(false);
    const feedback = await listCandidateFeedback(rita, { candidateId: ana.candidateId });
    expect(feedback.othersVisible).toBe(false);
    expect(feedback.scorecards.map((s) => s.id)).toEqual([cards.ritaOnAna]);
    // Neither the card on the interview she owes nor the one on the interview she submitted.
    await expect(getScorecard(rita, cards.petraOnAna)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getScorecard(rita, cards.paulOnAna)).rejects.toBeInstanceOf(NotFoundError);
    expect(await canSeeOthersFeedback(rita, ana.candidateId)).toBe(false);

    const seen = await anaAsSeenBy(rita);
    expect(seen.gridNames).toEqual(['Ben Fixture']);
    expect(seen.hiddenCandidates).toBe(1);
    expect(seen.csvHasAna).toBe(false);
    expect(seen.packetEvidence).toBeNull();
    expect(seen.compare).toBeInstanceOf(ValidationError);
    const timeline = await getCandidateTimeline(rita, ana.candidateId);
    expect(timeline.filter((e) => e.kind === 'feedback').map((e) => e.text)).toEqual([expect.stringMatching(/^Rita Recruiter submitted/)]);
    // Ben, whose only interview she has submitted, stays visible: the rule is per candidate.
    expect(await canSeeOthersFeedback(rita, ben.candidateId)).toBe(true);
  });

  it('still hides it while her card for the started interview is a draft', async () => {
    await fillScorecard(rita, ana.collaboration, ratings);
    expect((await listCandidateFeedback(rita, { candidateId: ana.candidateId })).othersVisible).toBe(false);
    await expect(getScorecard(rita, cards.petraOnAna)).rejects.toBeInstanceOf(NotFoundError);
    expect((await anaAsSeenBy(rita)).gridNames).toEqual(['Ben Fixture']);
  });

  it('shows it on every read path once she has submitted the second card', async () => {
    const { scorecardId, revision } = await fillScorecard(rita, ana.collaboration, ratings);
    expect((await submitScorecard(rita, { scorecardId, baseRevision: revision })).othersFeedbackVisible).toBe(true);

    const feedback = await listCandidateFeedback(rita, { candidateId: ana.candidateId });
    expect(feedback.othersVisible).toBe(true);
    expect(feedback.scorecards.map((s) => s.interviewerName).sort()).toEqual(['Paul Panel', 'Petra Panel', 'Rita Recruiter', 'Rita Recruiter']);
    expect((await getScorecard(rita, cards.petraOnAna)).scorecard.recommendation).toBe('no');
    const seen = await anaAsSeenBy(rita);
    expect(seen.gridNames).toEqual(['Ana Fixture', 'Ben Fixture']);
    expect(seen.hiddenCandidates).toBe(0);
    expect(seen.csvHasAna).toBe(true);
    expect(seen.packetEvidence!.scorecards).toHaveLength(4);
    expect(seen.compare.candidates.map((c: { name: string }) => c.name).sort()).toEqual(['Ana Fixture', 'Ben Fixture']);
  });

  it('counts only started interviews: a later one does not block, and cannot be submitted early', async () => {
    await submitFilledScorecard(rita, ana.collaboration, ratings); // she owes nothing started
    const final = await createInterview(admin, { applicationId: ana.applicationId, stageId: stageIds[1]!, panel: [rita, hank], startsInMs: 2 * HOUR });
    expect((await listCandidateFeedback(rita, { candidateId: ana.candidateId })).othersVisible).toBe(true);

    const { scorecardId, revision } = await fillScorecard(rita, final, ratings);
    const early = await submitScorecard(rita, { scorecardId, baseRevision: revision }).catch((e) => e);
    expect(early).toBeInstanceOf(InterviewNotStartedError);
    expect(early).toBeInstanceOf(ConflictError);
    expect(early.status).toBe(409);
    expect(early.message).toMatch(/has not started yet/);
    const [card] = await t.db.select().from(scorecards).where(eq(scorecards.id, scorecardId));
    expect(card).toMatchObject({ status: 'draft', revision, submittedAt: null });
    const submitted = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'scorecard.submitted'), eq(auditEvents.entityId, scorecardId)));
    expect(submitted).toEqual([]);
  });

  it('lets scorecard:read_all see everything, unless the organization holds leads on the panel to the rule', async () => {
    // Hank sits only on an interview still ahead: as a lead he sees all, held to the rule nothing.
    await createInterview(admin, { applicationId: ana.applicationId, stageId: stageIds[1]!, panel: [rita, hank], startsInMs: 2 * HOUR });
    await holdLeads(false);
    expect((await listCandidateFeedback(hank, { candidateId: ana.candidateId })).othersVisible).toBe(true);
    expect((await getOpeningGrid(hank, openingId)).candidates).toHaveLength(2);
    await holdLeads(true);
    expect((await listCandidateFeedback(hank, { candidateId: ana.candidateId })).othersVisible).toBe(false);
    await expect(getScorecard(hank, cards.petraOnAna)).rejects.toBeInstanceOf(NotFoundError);
    const held = await anaAsSeenBy(hank);
    // Held on Ana's panel (not yet interviewed, so nothing to clear by); on none of Ben's, so Ben stays visible.
    expect(held.gridNames).toEqual(['Ben Fixture']);
    expect(held.hiddenCandidates).toBe(1);
    expect(held.packetEvidence).toBeNull();
    // The admin, on no panel at all, reads both: the setting holds leads who sit on the panel.
    expect((await getOpeningGrid(admin, openingId)).hiddenCandidates).toBe(0);
    expect(await canSeeOthersFeedback(admin, ana.candidateId)).toBe(true);
  });
});

describe('finding 10: reading a scorecard never writes', () => {
  it('answers the would-be empty draft without inserting; the first write creates exactly one', async () => {
    const interviewId = await createInterview(admin, { applicationId: ben.applicationId, stageId: stageIds[1]!, panel: [petra], startsInMs: 24 * HOUR });
    const auditsBefore = (await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.organizationId, admin.organizationId)))[0]!.n;

    const read = await getInterviewScorecard(petra, { interviewId });
    expect(read.scorecard).toMatchObject({ id: null, status: 'draft', revision: 0, notes: {}, ratings: {}, recommendation: null });
    expect(read.interview).toMatchObject({ id: interviewId, started: false });
    expect(read.kit.sections.flatMap((s) => s.items).length).toBeGreaterThan(0);
    await getInterviewScorecard(petra, { interviewId });
    await expect(getInterviewScorecard(admin, { interviewId })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await scorecardRows(interviewId)).toBe(0);
    const auditsAfterReads = (await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.organizationId, admin.organizationId)))[0]!.n;
    expect(auditsAfterReads).toBe(auditsBefore);

    // Two tabs making their first write at once: one draft, one audit event, the same id for both.
    const [first, second] = await Promise.all([openScorecard(petra, { interviewId }), openScorecard(petra, { interviewId })]);
    expect(first.scorecard.id).toBe(second.scorecard.id);
    expect(await scorecardRows(interviewId)).toBe(1);
    const created = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'scorecard.draft_created'), eq(auditEvents.entityId, first.scorecard.id)));
    expect(created).toHaveLength(1);
    expect(created[0]!.data).toEqual({ interviewId });
    expect((await getInterviewScorecard(petra, { interviewId })).scorecard.id).toBe(first.scorecard.id);
  });
});

describe('finding 11: calibration and question analytics under "hold leads to independent scoring"', () => {
  it('shows a held lead the aggregates only while they owe no started scorecard', async () => {
    const interviewId = await createInterview(admin, { applicationId: ben.applicationId, stageId: stageIds[0]!, panel: [hank], startsInMs: -HOUR });
    // Not held: scorecard:read_all is enough, owed cards or not.
    const fixtureRaters = [
      ['Paul Panel', 2],
      ['Petra Panel', 1],
      ['Rita Recruiter', 2],
    ];
    const raters = (calibration: Awaited<ReturnType<typeof getCalibration>>) => calibration.interviewers.map((i) => [i.name, i.scorecards]).sort();
    expect(raters(await getCalibration(hank))).toEqual(fixtureRaters);
    const analytics = await getQuestionAnalytics(hank, {});
    // Asked in the three interviews with a submitted card; no per-question ratings in this fixture.
    expect(analytics.questions.map((q) => [q.questionId, q.timesAsked, q.ratings])).toEqual([[kitQuestionId, 3, 0]]);
    await holdLeads(true); // rolled back with the test
    const refused = await getCalibration(hank).catch((e) => e);
    expect(refused).toBeInstanceOf(OwedScorecardsError);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect(refused).toMatchObject({ status: 403, owed: 1 });
    await expect(getQuestionAnalytics(hank, { openingId })).rejects.toBeInstanceOf(OwedScorecardsError);
    // A lead who owes nothing (the admin sits on no panel) reads them as before.
    expect(raters(await getCalibration(admin))).toEqual(fixtureRaters);

    await submitFilledScorecard(hank, interviewId, ratings);
    const calibration = await getCalibration(hank);
    expect(calibration.interviewers.map((i) => i.userId)).toContain(hank.userId);
    const afterSubmit = await getQuestionAnalytics(hank, { openingId });
    expect(afterSubmit.opening).toEqual({ id: openingId, title: expect.any(String) });
    expect(afterSubmit.questions.map((q) => [q.questionId, q.timesAsked, q.ratings])).toEqual([[kitQuestionId, 4, 0]]);
  });
});
