// Candidates' data rights: erasure (personal data gone, anonymous ratings kept so nobody else's
// figures move), retention by policy with a fixed clock, the subject access export, the audit log
// page's reads, an audit trail free of personal values, and a member erasing their own account.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, auditEvents, candidates, memberships, organizations, scorecardNotes, scorecardRatings, scorecards, skills, users } from '@/db/schema';
import { auditActionLabel, listAuditEvents, listAuditFilterOptions } from '@/lib/audit-log';
import { eraseAccount, FORMER_MEMBER_NAME } from '@/lib/auth/account-erasure';
import { authenticateWithPassword } from '@/lib/auth/accounts';
import { createAuthSession } from '@/lib/auth/sessions';
import { loadAccount } from '@/lib/auth/token-session';
import { getCandidateDataExport } from '@/lib/candidates/data-export';
import { candidatePseudonym, eraseCandidate } from '@/lib/candidates/erasure';
import { applyToOpening, createCandidate, moveApplication, updateCandidate } from '@/lib/candidates/mutations';
import { getCandidateProfile, getCandidateTimeline } from '@/lib/candidates/queries';
import { candidatesDueForErasure, eraseExpiredCandidates, getRetentionOverview } from '@/lib/candidates/retention';
import type { Ctx } from '@/lib/context';
import { getCalibration } from '@/lib/dashboard/calibration';
import { getDecisionPacket } from '@/lib/dashboard/decision-packet';
import { getOpeningGrid } from '@/lib/dashboard/queries';
import { getQuestionAnalytics } from '@/lib/dashboard/question-analytics';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { cancelInterview, scheduleInterview } from '@/lib/interviews/mutations';
import { createKit, publishKit, saveKitDraft } from '@/lib/kits/mutations';
import { createOpening } from '@/lib/openings/mutations';
import { getOpening } from '@/lib/openings/queries';
import { createInvitation } from '@/lib/orgs/invitations';
import { updateOrganization } from '@/lib/orgs/mutations';
import { searchQuestions } from '@/lib/questions/queries';
import { openScorecard, reopenScorecard, saveScorecard, submitScorecard } from '@/lib/scorecards/mutations';
import type { SkillRatingValue } from '@/lib/scorecards/schemas';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin, PASSWORD } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true });
let admin: Ctx;
let recruiter: Ctx;
let interviewer: Ctx;
let amara: Ctx;
let liam: Ctx;
let amaraEmail: string;
let other: Ctx; // another organization's admin
let openingId: string;
let stageId: string;
let kitItemIds: string[];
const S = { A: '', B: '' };
const cand: Record<'ana' | 'ben' | 'cleo', string> = { ana: '', ben: '', cleo: '' };

// Ana's personal values, as typed into every free-text field that is about her.
const ANA = {
  name: 'Anastasia Quellwood',
  email: 'anastasia.quellwood@example.test',
  phone: '+44 7700 900123',
  location: 'Quellbridge',
  notes: 'Referred by Quellwood senior; prefers mornings',
  summary: 'Anastasia Quellwood explained sharding well',
  note: 'Quellwood drew the indexes unprompted',
  cancel: 'Anastasia Quellwood was ill that week',
  reopen: 'Wrong rating for Anastasia Quellwood entered',
  draft: 'Draft: ask Quellwood about the migration',
};

async function rate(rater: Ctx, interviewId: string, ratings: Record<string, SkillRatingValue>, recommendation: 'strong_no' | 'no' | 'yes' | 'strong_yes', summary: string, notes: Record<string, string> = {}, questionRatings: Record<string, 1 | 2 | 3 | 4> = {}) {
  const { scorecard } = await openScorecard(rater, { interviewId });
  const { revision } = await saveScorecard(rater, { scorecardId: scorecard.id, baseRevision: scorecard.revision, ratings, recommendation, summary, notes, questionRatings });
  await submitScorecard(rater, { scorecardId: scorecard.id, baseRevision: revision });
  return scorecard.id;
}

/** A one-stage loop on a newly published two-question kit (SQL 60, communication 40) of ctx's organization. */
async function loop(ctx: Ctx) {
  const { kitId } = await createKit(ctx, { name: 'Rights kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 60 });
  const first = (await searchQuestions(ctx, { skill: S.A, pageSize: 1 })).rows[0]!;
  const second = (await searchQuestions(ctx, { skill: S.B, pageSize: 1 })).rows[0]!;
  await saveKitDraft(ctx, {
    kitId, revision: 0, name: 'Rights kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 60,
    weights: [{ skillId: S.A, weight: 60 }, { skillId: S.B, weight: 40 }],
    sections: [{ title: 'All', items: [{ questionVersionId: first.versionId, minutes: 20 }, { questionVersionId: second.versionId, minutes: 20 }] }],
  });
  await publishKit(ctx, { kitId, revision: 1 });
  return [{ name: 'Technical', kitId, durationMinutes: 60 }];
}

async function applicationOf(candidateId: string) {
  return (await t.db.select().from(applications).where(eq(applications.candidateId, candidateId)))[0]!;
}

async function interview(candidateId: string, panel: Ctx[], daysAgo: number) {
  const app = await applicationOf(candidateId);
  const scheduledAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  return (await scheduleInterview(admin, { applicationId: app.id, openingStageId: stageId, scheduledAt, durationMinutes: 60, panelUserIds: panel.map((p) => p.userId) })).interviewId;
}

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db, 'Rights Co')).ctx;
  recruiter = (await addMember(t.db, admin.organizationId, 'recruiter')).ctx;
  interviewer = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  const a = await addMember(t.db, admin.organizationId, 'interviewer');
  amara = a.ctx;
  amaraEmail = a.email;
  liam = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  await t.db.update(users).set({ name: 'Amara Okafor' }).where(eq(users.id, amara.userId));
  await t.db.update(users).set({ name: 'Liam Byrne' }).where(eq(users.id, liam.userId));
  other = (await createOrgWithAdmin(t.db, 'Other Co')).ctx;

  const all = await t.db.select().from(skills);
  S.A = all.find((s) => s.slug === 'sql-databases')!.id;
  S.B = all.find((s) => s.slug === 'communication')!.id;
  ({ openingId } = await createOpening(admin, { title: 'Rights opening', level: 'mid', stages: await loop(admin) }));
  stageId = (await getOpening(admin, openingId)).stages[0]!.id;

  ({ candidateId: cand.ana } = await createCandidate(admin, { name: ANA.name, email: ANA.email, phone: ANA.phone, location: ANA.location, openingId }));
  const anaApp = await applicationOf(cand.ana);
  const anaDetails = await updateCandidate(admin, { candidateId: cand.ana, revision: 0, notes: ANA.notes });
  expect(anaDetails.revision).toBe(1);
  ({ candidateId: cand.ben } = await createCandidate(admin, { name: 'Ben Ode', email: 'ben.ode@example.test', openingId }));
  ({ candidateId: cand.cleo } = await createCandidate(admin, { name: 'Cleo Park', email: 'cleo.park@example.test', openingId }));

  const anaInterview = await interview(cand.ana, [amara, liam], 3);
  kitItemIds = (await openScorecard(amara, { interviewId: anaInterview })).kit.sections[0]!.items.map((i) => i.id);
  const [q1, q2] = kitItemIds as [string, string];
  const amaraCard = await rate(amara, anaInterview, { [S.A]: 4, [S.B]: 3 }, 'strong_yes', ANA.summary, { [q1]: ANA.note, [q2]: 'Clear on trade-offs' }, { [q1]: 4, [q2]: 3 });
  await rate(liam, anaInterview, { [S.A]: 2, [S.B]: 3 }, 'no', 'Shaky on transactions', { [q1]: 'Missed isolation levels' }, { [q1]: 2 });
  // Reopened with a reason that names her, then submitted again unchanged.
  const { revision } = await reopenScorecard(admin, { scorecardId: amaraCard, reason: ANA.reopen });
  await submitScorecard(amara, { scorecardId: amaraCard, baseRevision: revision });
  // A second interview for Ana, cancelled with a reason that names her; Amara's draft stays inert.
  const cancelled = await interview(cand.ana, [amara], -2);
  const draft = (await openScorecard(amara, { interviewId: cancelled })).scorecard;
  await saveScorecard(amara, { scorecardId: draft.id, baseRevision: draft.revision, summary: ANA.draft, notes: { [q1]: ANA.draft } });
  await cancelInterview(admin, { interviewId: cancelled, revision: 0, reason: ANA.cancel });

  const benInterview = await interview(cand.ben, [amara, liam], 2);
  await rate(amara, benInterview, { [S.A]: 3, [S.B]: 2 }, 'yes', 'Ben: solid', { [q1]: 'Good' }, { [q1]: 3 });
  await rate(liam, benInterview, { [S.A]: 1, [S.B]: 2 }, 'no', 'Ben: weak', {}, { [q1]: 1 });
  const cleoInterview = await interview(cand.cleo, [amara, liam], 1);
  await rate(amara, cleoInterview, { [S.A]: 2, [S.B]: 4 }, 'yes', 'Cleo: fine', {}, { [q1]: 2 });
  await rate(liam, cleoInterview, { [S.A]: 3, [S.B]: 'no_evidence' }, 'strong_yes', 'Cleo: great', {}, { [q1]: 4 });
  await moveApplication(admin, { applicationId: anaApp.id, stage: 'rejected' });
});

/** Every row in the organization that could carry text about a person, as one JSON string. */
async function organizationText(organizationId: string): Promise<string> {
  const tables = ['candidates', 'applications', 'interviews', 'scorecards', 'scorecard_notes', 'audit_events', 'invitations'];
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await t.db.execute(sql`select coalesce(json_agg(x), '[]'::json)::text as j from ${sql.identifier(table)} x where x.organization_id = ${organizationId}`);
    const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { j: string }[];
    parts.push(list[0]!.j);
  }
  return parts.join('\n');
}

describe('erasing a candidate', () => {
  it('refuses without the permission (403), in another organization (404) and without the typed confirmation (422)', async () => {
    for (const ctx of [recruiter, interviewer]) await expect(eraseCandidate(ctx, { candidateId: cand.ana, confirmation: 'erase' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(eraseCandidate(other, { candidateId: cand.ana, confirmation: 'erase' })).rejects.toBeInstanceOf(NotFoundError);
    const bad = await eraseCandidate(admin, { candidateId: cand.ana, confirmation: 'yes please' }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors)).toEqual(['confirmation']);
    expect((await t.db.select().from(candidates).where(eq(candidates.id, cand.ana)))[0]!.name).toBe(ANA.name);
  });

  it('removes every personal value and keeps the ratings: no one else’s figures move', async () => {
    const before = {
      grid: await getOpeningGrid(admin, openingId),
      calibration: await getCalibration(admin),
      questions: await getQuestionAnalytics(admin, { openingId }),
      ratings: await t.db.select().from(scorecardRatings).where(eq(scorecardRatings.organizationId, admin.organizationId)),
      recommendations: await t.db.select({ id: scorecards.id, status: scorecards.status, recommendation: scorecards.recommendation, submittedAt: scorecards.submittedAt }).from(scorecards).where(eq(scorecards.organizationId, admin.organizationId)),
      questionRatings: await t.db.select({ id: scorecardNotes.scorecardId, item: scorecardNotes.kitItemId, rating: scorecardNotes.rating }).from(scorecardNotes).where(eq(scorecardNotes.organizationId, admin.organizationId)),
    };
    const text = await organizationText(admin.organizationId);
    for (const value of Object.values(ANA)) expect(text).toContain(value); // the scan below would find them

    const pseudonym = candidatePseudonym(cand.ana);
    expect(pseudonym).toMatch(/^Erased candidate [0-9A-F]{4}$/);
    const result = await eraseCandidate(admin, { candidateId: cand.ana, confirmation: pseudonym.toLowerCase() });
    expect(result).toEqual({ pseudonym, applications: 1, interviews: 2, scorecards: 3, notes: 4 });

    const after = await organizationText(admin.organizationId);
    for (const value of [...Object.values(ANA), 'Quellwood', 'anastasia']) expect(after.toLowerCase()).not.toContain(value.toLowerCase());

    const [row] = await t.db.select().from(candidates).where(eq(candidates.id, cand.ana));
    expect(row).toMatchObject({ name: pseudonym, phone: null, location: null, source: null, notes: '' });
    expect(row!.email).toMatch(/@erased\.invalid$/);
    expect(row!.erasedAt).toBeInstanceOf(Date);

    // The numbers are exactly as they were, for her and everyone else.
    expect(await t.db.select().from(scorecardRatings).where(eq(scorecardRatings.organizationId, admin.organizationId))).toEqual(before.ratings);
    expect(await t.db.select({ id: scorecards.id, status: scorecards.status, recommendation: scorecards.recommendation, submittedAt: scorecards.submittedAt }).from(scorecards).where(eq(scorecards.organizationId, admin.organizationId))).toEqual(before.recommendations);
    expect(await t.db.select({ id: scorecardNotes.scorecardId, item: scorecardNotes.kitItemId, rating: scorecardNotes.rating }).from(scorecardNotes).where(eq(scorecardNotes.organizationId, admin.organizationId))).toEqual(before.questionRatings);
    const grid = await getOpeningGrid(admin, openingId);
    expect(grid.candidates.map((c) => ({ ...c, name: c.candidateId === cand.ana ? ANA.name : c.name }))).toEqual(before.grid.candidates);
    expect(grid.candidates.find((c) => c.candidateId === cand.ana)!.name).toBe(pseudonym);
    expect(await getCalibration(admin)).toEqual(before.calibration);
    expect(await getQuestionAnalytics(admin, { openingId })).toEqual(before.questions);

    // Pages that read her still work, under the pseudonym and without the reasons.
    const timeline = await getCandidateTimeline(admin, cand.ana);
    expect(timeline.find((e) => e.kind === 'cancelled')!.text).toMatch(/cancelled$/);
    expect((await getDecisionPacket(admin, { candidateId: cand.ana, openingId })).candidate.name).toBe(pseudonym);

    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'candidate.erased'), eq(auditEvents.entityId, cand.ana)));
    expect(event).toMatchObject({ actorUserId: admin.userId, entityType: 'candidate', data: { trigger: 'request', applications: 1, interviews: 2, scorecards: 3, notes: 4 } });
  });

  it('refuses to edit or erase an erased candidate again (409)', async () => {
    const { revision } = (await getCandidateProfile(admin, cand.ana)).candidate;
    await expect(updateCandidate(admin, { candidateId: cand.ana, revision, name: 'Back Again' })).rejects.toBeInstanceOf(ConflictError);
    await expect(eraseCandidate(admin, { candidateId: cand.ana, confirmation: 'erase' })).rejects.toBeInstanceOf(ConflictError);
    const app = await applicationOf(cand.ana);
    await expect(moveApplication(admin, { applicationId: app.id, stage: 'active' })).rejects.toBeInstanceOf(ConflictError);
    const { openingId: another } = await createOpening(admin, { title: 'Another opening', level: 'mid', stages: await loop(admin) });
    await expect(applyToOpening(admin, { candidateId: cand.ana, openingId: another })).rejects.toBeInstanceOf(ConflictError);
    expect((await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'candidate.erased'), eq(auditEvents.entityId, cand.ana))))).toHaveLength(1);
  });
});

describe('subject access export', () => {
  it('holds the candidate, applications with history, interviews with panels, every scorecard, decisions and audit events', async () => {
    const data = await getCandidateDataExport(admin, cand.ben);
    expect(Object.keys(data)).toEqual(['format', 'generatedAt', 'candidate', 'applications', 'interviews', 'scorecards', 'decisions', 'auditEvents', 'selfIdentification', 'postHireOutcomes']);
    expect(data.candidate).toMatchObject({ id: cand.ben, name: 'Ben Ode', email: 'ben.ode@example.test', erasedAt: null });
    expect(data.applications).toHaveLength(1);
    expect(data.applications[0]).toMatchObject({ opening: { id: openingId, title: 'Rights opening' }, stage: 'active', currentStage: 'Technical' });
    expect(data.interviews).toHaveLength(1);
    expect(data.interviews[0]!.panel.sort()).toEqual(['Amara Okafor', 'Liam Byrne']);
    // Both interviewers' feedback, whatever the independent-scoring rule shows colleagues.
    expect(data.scorecards.map((s) => [s.interviewer, s.status, s.recommendation, s.summary]).sort()).toEqual([
      ['Amara Okafor', 'submitted', 'yes', 'Ben: solid'],
      ['Liam Byrne', 'submitted', 'no', 'Ben: weak'],
    ]);
    const amaras = data.scorecards.find((s) => s.interviewer === 'Amara Okafor')!;
    expect(amaras.ratings).toHaveLength(2);
    expect(amaras.notes.find((n) => n.note === 'Good')).toMatchObject({ rating: 3 });
    expect(data.auditEvents.map((e) => e.action)).toEqual(expect.arrayContaining(['candidate.created', 'interview.scheduled', 'scorecard.submitted']));
    expect(JSON.stringify(data.auditEvents)).not.toContain('"data"');

    await moveApplication(admin, { applicationId: data.applications[0]!.id, stage: 'hired' });
    const later = await getCandidateDataExport(admin, cand.ben);
    expect(later.applications[0]!.statusHistory).toEqual([{ at: expect.any(String), from: 'active', to: 'hired' }]);
    expect(later.decisions).toEqual([{ applicationId: data.applications[0]!.id, opening: 'Rights opening', outcome: 'hired', at: expect.any(String), rationale: null, decidedBy: null }]);
  });

  it('is for admins only (403) and scoped to the organization (404)', async () => {
    for (const ctx of [recruiter, interviewer]) await expect(getCandidateDataExport(ctx, cand.ben)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getCandidateDataExport(other, cand.ben)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCandidateDataExport(admin, 'not-an-id')).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('retention', () => {
  const now = new Date('2031-06-15T12:00:00Z');
  let org: Ctx;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    org = (await createOrgWithAdmin(t.db, 'Retention Co')).ctx;
    const stages = await loop(org);
    const { openingId: o } = await createOpening(org, { title: 'Kept opening', level: 'mid', stages });
    // Closed at fixed times (moved through the domain function, then dated for the fixed clock).
    const closed = async (key: string, stage: 'rejected' | 'withdrawn' | 'hired' | 'active', closedAt: string | null) => {
      ({ candidateId: c[key] } = await createCandidate(org, { name: `Person ${key}`, email: `${key}.retention@example.test`, openingId: o }));
      const app = await applicationOf(c[key]!);
      if (stage !== 'active') await moveApplication(org, { applicationId: app.id, stage });
      if (closedAt) await t.db.update(applications).set({ closedAt: new Date(closedAt) }).where(eq(applications.id, app.id));
      return app.id;
    };
    await closed('old', 'rejected', '2030-12-01T00:00:00Z'); // due 2031-06-01: now
    await closed('soon', 'withdrawn', '2031-01-01T00:00:00Z'); // due 2031-07-01: within 30 days
    await closed('later', 'rejected', '2031-03-01T00:00:00Z'); // due 2031-09-01: beyond
    await closed('hired', 'hired', '2029-01-01T00:00:00Z'); // never
    await closed('active', 'active', null); // never
    // Two applications: one still active keeps the candidate.
    const mixedApp = await closed('mixed', 'rejected', '2029-01-01T00:00:00Z');
    const { openingId: o2 } = await createOpening(org, { title: 'Second kept opening', level: 'mid', stages });
    await applyToOpening(org, { candidateId: c.mixed!, openingId: o2 });
    expect(mixedApp).toBeTruthy();
  });

  it('validates the period (1–120 months) in the organization settings', async () => {
    for (const bad of ['0', '121', '2.5', 'ten']) {
      const error = await updateOrganization(org, { name: 'Retention Co', candidateRetentionMonths: bad }).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys(error.fieldErrors)).toEqual(['candidateRetentionMonths']);
    }
    await expect(updateOrganization(recruiter, { name: 'X', candidateRetentionMonths: '6' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await candidatesDueForErasure(t.db, { organizationId: org.organizationId, now, horizonDays: 30 })).toEqual([]); // no policy: kept forever
    await updateOrganization(org, { name: 'Retention Co', candidateRetentionMonths: '6' });
    // Leaving the field out keeps the policy (other settings forms, API clients).
    await updateOrganization(org, { name: 'Retention Co' });
    expect((await t.db.select().from(organizations).where(eq(organizations.id, org.organizationId)))[0]!.candidateRetentionMonths).toBe(6);
  });

  it('lists who is due now and within the horizon, with the date', async () => {
    const due = await candidatesDueForErasure(t.db, { organizationId: org.organizationId, now, horizonDays: 30 });
    expect(due.map((d) => [d.name, d.dueAt.toISOString()])).toEqual([
      ['Person old', '2031-06-01T00:00:00.000Z'],
      ['Person soon', '2031-07-01T00:00:00.000Z'],
    ]);
    const overview = await getRetentionOverview(org, { now });
    expect(overview.retentionMonths).toBe(6);
    expect(overview.dueNow.map((d) => d.candidateId)).toEqual([c.old]);
    expect(overview.dueSoon.map((d) => d.candidateId)).toEqual([c.soon]);
    await expect(getRetentionOverview(recruiter, { now })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('erases the expired candidates as the system, once, leaving everyone else', async () => {
    const first = await eraseExpiredCandidates(t.db, now);
    expect(first).toMatchObject({ erased: 1 });
    const [old] = await t.db.select().from(candidates).where(eq(candidates.id, c.old!));
    expect(old).toMatchObject({ name: candidatePseudonym(c.old!), erasedAt: now });
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'candidate.erased'), eq(auditEvents.entityId, c.old!)));
    expect(event).toMatchObject({ actorUserId: null, organizationId: org.organizationId, data: { trigger: 'retention' } });
    expect(await eraseExpiredCandidates(t.db, now)).toMatchObject({ erased: 0 });
    const kept = await t.db.select({ name: candidates.name }).from(candidates).where(inArray(candidates.id, [c.soon!, c.later!, c.hired!, c.active!, c.mixed!]));
    expect(kept.map((k) => k.name).sort()).toEqual(['Person active', 'Person hired', 'Person later', 'Person mixed', 'Person soon']);
    // A month later "soon" is due too.
    expect(await eraseExpiredCandidates(t.db, new Date('2031-07-02T00:00:00Z'))).toMatchObject({ erased: 1 });
    expect((await t.db.select().from(candidates).where(eq(candidates.id, c.soon!)))[0]!.erasedAt).not.toBeNull();
  });
});

describe('audit log', () => {
  it('holds no personal values after the main writes', async () => {
    const email = 'zelda.fairweather@example.test';
    const { candidateId } = await createCandidate(admin, { name: 'Zelda Fairweather', email, phone: '+1 555 0100 77', openingId });
    await updateCandidate(admin, { candidateId, revision: 0, name: 'Zelda Fairweather-Gray', notes: 'Knows Fairweather from the meetup', email: 'zelda.gray@example.test' });
    await createInvitation(admin, { email: 'invitee.fairweather@example.test', role: 'interviewer' });
    const interviewId = await interview(candidateId, [liam], -5);
    await cancelInterview(admin, { interviewId, revision: 0, reason: 'Zelda Fairweather asked to postpone' });
    const rows = await t.db.select({ data: auditEvents.data }).from(auditEvents);
    const text = JSON.stringify(rows).toLowerCase();
    for (const value of ['fairweather', 'zelda', '555 0100', 'postpone', 'meetup', 'example.test']) expect(text).not.toContain(value);
  });

  it('filters by actor, entity and date, newest first, a page at a time, in one organization', async () => {
    const all = await listAuditEvents(admin, { limit: 200 });
    expect(all.entries.length).toBeGreaterThan(10);
    const times = all.entries.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.entries.every((e) => e.entityType)).toBe(true);
    expect(auditActionLabel('candidate.erased')).toBe('Erased a candidate’s personal data');
    expect(auditActionLabel('webhook.delivered')).toBe('Webhook delivered');

    // Pages of 3 walk the same list with no gaps or repeats.
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents(admin, { limit: 3, cursor });
      walked.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(walked).toEqual(all.entries.map((e) => e.id));

    const byAmara = await listAuditEvents(admin, { actorUserId: amara.userId, limit: 200 });
    expect(byAmara.entries.length).toBeGreaterThan(0);
    expect(byAmara.entries.every((e) => e.actor?.id === amara.userId && e.actor.name === 'Amara Okafor')).toBe(true);
    const aboutAna = await listAuditEvents(admin, { entityType: 'candidate', entityId: cand.ana });
    expect(aboutAna.entries.map((e) => e.action)).toEqual(['candidate.erased', 'candidate.updated', 'candidate.created']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(admin, { from: today, to: today, limit: 200 })).entries).toHaveLength(all.entries.length);
    expect((await listAuditEvents(admin, { to: '2001-01-01' })).entries).toEqual([]);
    const bad = await listAuditEvents(admin, { from: 'yesterday', timeZone: 'Mars/Olympus' }).catch((e) => e);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['from', 'timeZone']);

    const options = await listAuditFilterOptions(admin);
    expect(options.actors.map((a) => a.id)).toEqual(expect.arrayContaining([admin.userId, amara.userId]));
    expect(options.entityTypes).toEqual(expect.arrayContaining(['candidate', 'scorecard', 'interview']));

    // Another organization sees none of it, even when asking by this one's ids.
    const theirs = await listAuditEvents(other, { entityId: cand.ana, limit: 200 });
    expect(theirs.entries).toEqual([]);
    expect((await listAuditEvents(other, { limit: 200 })).entries.every((e) => !all.entries.some((mine) => mine.id === e.id))).toBe(true);
    for (const ctx of [recruiter, interviewer]) {
      await expect(listAuditEvents(ctx, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listAuditFilterOptions(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe('erasing an account', () => {
  it('keeps the scorecards the member wrote working everywhere, under "Former member"', async () => {
    const gridBefore = await getOpeningGrid(admin, openingId);
    const calibrationBefore = await getCalibration(admin);
    const [before] = await t.db.select().from(users).where(eq(users.id, amara.userId));
    const session = await createAuthSession(t.db, { userId: amara.userId });
    expect(await loadAccount(t.db, { uid: amara.userId, sv: before!.sessionVersion, sid: session.id })).not.toBeNull();

    await expect(eraseAccount({ db: t.db }, amara.userId, { confirmation: 'erase' })).rejects.toBeInstanceOf(ValidationError);
    expect(await eraseAccount({ db: t.db }, amara.userId, { confirmation: 'Erase my account' })).toEqual({ memberships: 1 });

    const [after] = await t.db.select().from(users).where(eq(users.id, amara.userId));
    expect(after).toMatchObject({ name: FORMER_MEMBER_NAME, passwordHash: null, image: null, sessionVersion: before!.sessionVersion + 1 });
    expect(after!.email).toMatch(/@erased\.invalid$/);
    expect(await t.db.select().from(memberships).where(eq(memberships.userId, amara.userId))).toEqual([]);
    expect(await loadAccount(t.db, { uid: amara.userId, sv: before!.sessionVersion, sid: session.id })).toBeNull();
    await expect(authenticateWithPassword({ db: t.db }, { email: amaraEmail, password: PASSWORD, ip: '203.0.113.9' })).rejects.toThrow();

    expect(await getOpeningGrid(admin, openingId)).toEqual(gridBefore);
    const calibration = await getCalibration(admin);
    expect(calibration.interviewers.find((i) => i.userId === amara.userId)?.name).toBe(FORMER_MEMBER_NAME);
    expect(calibration.bySkill).toEqual(calibrationBefore.bySkill);
    const packet = await getDecisionPacket(admin, { candidateId: cand.cleo, openingId });
    expect(packet.evidence!.scorecards.map((s) => s.interviewerName).sort()).toEqual([FORMER_MEMBER_NAME, 'Liam Byrne']);
    expect((await getCandidateDataExport(admin, cand.cleo)).scorecards.map((s) => s.interviewer).sort()).toEqual([FORMER_MEMBER_NAME, 'Liam Byrne']);

    await expect(eraseAccount({ db: t.db }, amara.userId, { confirmation: 'erase my account' })).rejects.toBeInstanceOf(ConflictError);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'member.erased'), eq(auditEvents.actorUserId, amara.userId)));
    expect(event).toMatchObject({ organizationId: admin.organizationId, data: { userId: amara.userId, role: 'interviewer' } });
  });

  it('refuses while the member is an organization’s only admin', async () => {
    const error = await eraseAccount({ db: t.db }, other.userId, { confirmation: 'erase my account' }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain('Other Co');
    expect((await t.db.select().from(users).where(eq(users.id, other.userId)))[0]!.erasedAt).toBeNull();
  });
});

