// The debrief and the hiring decision (issue 11): who reads the panel's feedback on an application,
// for each role and panel situation, and the decision rules — permission, stage moves, history,
// concurrent decisions, erased candidates and withdrawn applications, and an audit trail free of
// the rationale. Fixture: Cara's application to an opening whose hiring manager is Rex (a
// recruiter); a technical interview two hours ago (panel Ivy + Ian) and an onsite ahead (panel Hugo,
// a hiring manager). Rhea (recruiter) and the admin sit on no panel; Olga (interviewer) neither.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationDecisions, applications, auditEvents, users } from '@/db/schema';
import { getCandidateDataExport } from '@/lib/candidates/data-export';
import { eraseCandidate } from '@/lib/candidates/erasure';
import { moveApplication } from '@/lib/candidates/mutations';
import type { Ctx } from '@/lib/context';
import { getDebrief } from '@/lib/dashboard/debrief';
import { getOpeningGrid } from '@/lib/dashboard/queries';
import { listApplicationDecisions, listApplicationsAwaitingDecision } from '@/lib/decisions/queries';
import { recordDecision } from '@/lib/decisions/mutations';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { updateOpening } from '@/lib/openings/mutations';
import { getOpening } from '@/lib/openings/queries';
import { updateOrganization } from '@/lib/orgs/mutations';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';
import { createApplicant, createInterview, createOpeningWithStages, createPublishedKit, skillIdsBySlug, submitFilledScorecard } from './support/interview-factories';

const HOUR = 3_600_000;
const ORG = 'Debrief Co';
const t = setupTestDatabase({ seedBuiltin: true });
let admin: Ctx, rhea: Ctx, rex: Ctx, hugo: Ctx, ivy: Ctx, ian: Ctx, olga: Ctx, outsider: Ctx;
let openingId: string;
let stageIds: string[];
let A: string, B: string;
const cara = { candidateId: '', applicationId: '', technical: '', onsite: '' };
const RATIONALE = 'Strong SQL depth across both interviews; communication concerns were addressed in the follow-up.';

const holdLeads = (on: boolean) => updateOrganization(admin, { name: ORG, leadsScoreIndependently: on });
const named = (ctx: Ctx, name: string) => t.db.update(users).set({ name }).where(eq(users.id, ctx.userId));

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db, ORG)).ctx;
  rhea = (await addMember(t.db, admin.organizationId, 'recruiter')).ctx;
  rex = (await addMember(t.db, admin.organizationId, 'recruiter')).ctx;
  hugo = (await addMember(t.db, admin.organizationId, 'hiring_manager')).ctx;
  ivy = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  ian = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  olga = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  outsider = (await createOrgWithAdmin(t.db)).ctx;
  await named(ivy, 'Ivy Panel');
  await named(ian, 'Ian Panel');
  const slug = await skillIdsBySlug(t.db);
  A = slug['sql-databases']!;
  B = slug['communication']!;
  const kitId = await createPublishedKit(admin, [
    { skillId: A, weight: 60 },
    { skillId: B, weight: 40 },
  ]);
  ({ openingId, stageIds } = await createOpeningWithStages(admin, kitId, ['Technical', 'Onsite']));
  const opening = await getOpening(admin, openingId);
  await updateOpening(admin, {
    openingId,
    revision: opening.opening.revision,
    title: opening.opening.title,
    level: opening.opening.level,
    status: opening.opening.status,
    hiringManagerUserId: rex.userId,
    stages: opening.stages.map((s) => ({ id: s.id, name: s.name, kitId: s.kitId, durationMinutes: s.durationMinutes })),
  });
  Object.assign(cara, await createApplicant(admin, openingId, 'Cara Fixture'));
  cara.technical = await createInterview(admin, { applicationId: cara.applicationId, stageId: stageIds[0]!, panel: [ivy, ian], startsInMs: -2 * HOUR });
  cara.onsite = await createInterview(admin, { applicationId: cara.applicationId, stageId: stageIds[1]!, panel: [hugo], startsInMs: 48 * HOUR });
});

afterAll(() => holdLeads(false));

describe('who reads the panel’s feedback on the debrief', () => {
  it('hides it from a panelist who has not submitted, saying which started interview they owe', async () => {
    const debrief = await getDebrief(ivy, { applicationId: cara.applicationId });
    expect(debrief.othersVisible).toBe(false);
    expect(debrief.evidence).toBeNull();
    expect(debrief.hiddenReason).toEqual({ kind: 'owed', interviews: [{ interviewId: cara.technical, stageName: 'Technical', scheduledAt: expect.any(Date) }] });
    expect(debrief.owed.map((o) => [o.name, o.interviewId])).toEqual([
      ['Ian Panel', cara.technical],
      ['Ivy Panel', cara.technical],
    ]);
    // An interviewer learns the candidate's name, never their contact details.
    expect(debrief.candidate).toEqual({ id: cara.candidateId, name: 'Cara Fixture', erased: false, blind: false });
    expect(JSON.stringify(debrief)).not.toMatch(/@example\.test/);
    expect(debrief.mayDecide).toBe(false);
    expect(debrief.mayReadCandidate).toBe(false);
  });

  it('shows a panelist who has submitted the panel’s submitted cards; the one still owed is listed, not shown', async () => {
    await submitFilledScorecard(ivy, cara.technical, { [A]: 4, [B]: 3 }, 'strong_yes');
    const debrief = await getDebrief(ivy, { applicationId: cara.applicationId });
    expect(debrief.hiddenReason).toBeNull();
    expect(debrief.evidence!.scorecards.map((s) => [s.interviewerName, s.mine])).toEqual([['Ivy Panel', true]]);
    expect(debrief.owed.map((o) => o.name)).toEqual(['Ian Panel']);
    // Ian, who owes his card, still reads nothing of Ivy's.
    const ians = await getDebrief(ian, { applicationId: cara.applicationId });
    expect(ians.evidence).toBeNull();
    expect(ians.hiddenReason?.kind).toBe('owed');
  });

  it('once both have submitted: side by side, disagreements first, the grid’s own composite', async () => {
    await submitFilledScorecard(ian, cara.technical, { [A]: 2, [B]: 3 }, 'no');
    const { evidence } = await getDebrief(ivy, { applicationId: cara.applicationId });
    expect(evidence!.scorecards.map((s) => s.interviewerName).sort()).toEqual(['Ian Panel', 'Ivy Panel']);
    expect(evidence!.scorecards.every((s) => s.interviewId === cara.technical)).toBe(true);
    expect(evidence!.disagreements.map((d) => [d.skillId, d.spread])).toEqual([[A, 2]]);
    expect(evidence!.recommendationsSplit).toBe(true);
    const row = (await getOpeningGrid(admin, openingId)).candidates.find((c) => c.candidateId === cara.candidateId)!;
    expect(evidence!.composite).toBeCloseTo(row.composite!, 10);
    expect(evidence!.composite).toBeCloseTo((60 * 3 + 40 * 3) / 100, 10);
    expect(evidence!.coverage).toBe(1);
  });

  it('shows a recruiter off the panel submitted feedback, setting or not', async () => {
    expect((await getDebrief(rhea, { applicationId: cara.applicationId })).evidence!.scorecards).toHaveLength(2);
    await holdLeads(true);
    try {
      expect((await getDebrief(rhea, { applicationId: cara.applicationId })).evidence!.scorecards).toHaveLength(2);
      expect((await getDebrief(admin, { applicationId: cara.applicationId })).othersVisible).toBe(true);
    } finally {
      await holdLeads(false);
    }
  });

  it('holds a hiring manager on the panel to the rule when the organization says so, and says why', async () => {
    expect((await getDebrief(hugo, { applicationId: cara.applicationId })).othersVisible).toBe(true);
    await holdLeads(true);
    try {
      const held = await getDebrief(hugo, { applicationId: cara.applicationId });
      expect(held.evidence).toBeNull();
      expect(held.hiddenReason).toEqual({ kind: 'not_started', interviews: [{ interviewId: cara.onsite, stageName: 'Onsite', scheduledAt: expect.any(Date) }] });
      // Deciding stays possible (with a warning on the page): the decision is not a rating.
      expect(held.mayDecide).toBe(true);
    } finally {
      await holdLeads(false);
    }
  });

  it('is a 404 for an interviewer on none of the application’s panels and for another organization; 422 for a bad id', async () => {
    await expect(getDebrief(olga, { applicationId: cara.applicationId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDebrief(outsider, { applicationId: cara.applicationId })).rejects.toBeInstanceOf(NotFoundError);
    const bad = await getDebrief(admin, { applicationId: 'nope' }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors)).toEqual(['applicationId']);
  });
});

describe('recording a decision', () => {
  it('lists the application as ready for a decision for those who may decide', async () => {
    const ready = await listApplicationsAwaitingDecision(hugo);
    expect(ready.map((r) => [r.applicationId, r.candidateName, r.submittedScorecards])).toEqual([[cara.applicationId, 'Cara Fixture', 2]]);
    expect(ready[0]!.lastFeedbackAt).toBeInstanceOf(Date);
    // Rex may decide as the opening's hiring manager; Rhea (recruiter) and Olga may not.
    expect((await listApplicationsAwaitingDecision(rex)).map((r) => r.applicationId)).toEqual([cara.applicationId]);
    expect(await listApplicationsAwaitingDecision(rhea)).toEqual([]);
    expect(await listApplicationsAwaitingDecision(olga)).toEqual([]);
    expect(await listApplicationsAwaitingDecision(outsider)).toEqual([]);
  });

  it('refuses members who may not decide (403), another organization (404) and bad input (422), writing nothing', async () => {
    const input = { applicationId: cara.applicationId, outcome: 'advance', rationale: RATIONALE, expectedRevision: 0 };
    await expect(recordDecision(ivy, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordDecision(rhea, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordDecision(outsider, input)).rejects.toBeInstanceOf(NotFoundError);
    const short = await recordDecision(hugo, { ...input, rationale: 'fine' }).catch((e) => e);
    expect(short).toBeInstanceOf(ValidationError);
    expect(Object.keys(short.fieldErrors)).toEqual(['rationale']);
    const outcome = await recordDecision(hugo, { ...input, outcome: 'maybe' }).catch((e) => e);
    expect(Object.keys(outcome.fieldErrors)).toEqual(['outcome']);
    expect(await t.db.select().from(applicationDecisions)).toEqual([]);
  });

  it('advances to the next loop stage, audits ids and the outcome without the rationale', async () => {
    const { decision, application } = await recordDecision(hugo, { applicationId: cara.applicationId, outcome: 'advance', rationale: RATIONALE, expectedRevision: 0 });
    expect(decision).toMatchObject({ revision: 1, outcome: 'advance', rationale: RATIONALE, decidedByUserId: hugo.userId });
    expect(application).toEqual({ id: cara.applicationId, stage: 'active', currentStageId: stageIds[1] });
    const [row] = await t.db.select().from(applications).where(eq(applications.id, cara.applicationId));
    expect(row).toMatchObject({ stage: 'active', currentStageId: stageIds[1], closedAt: null });
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, admin.organizationId), eq(auditEvents.action, 'application.decided')));
    expect(events.map((e) => e.data)).toEqual([
      { decisionId: decision.id, revision: 1, outcome: 'advance', from: 'active', to: 'active', fromStageId: stageIds[1], toStageId: stageIds[1] },
    ]);
    expect(JSON.stringify(await t.db.select().from(auditEvents))).not.toContain('SQL depth');
    // Decided since the last feedback: no longer waiting.
    expect(await listApplicationsAwaitingDecision(hugo)).toEqual([]);
  });

  it('lets only one of two decisions based on the same one through (409 with the current history)', async () => {
    const base = { applicationId: cara.applicationId, rationale: RATIONALE, expectedRevision: 1 };
    const results = await Promise.allSettled([recordDecision(hugo, { ...base, outcome: 'hire' }), recordDecision(rex, { ...base, outcome: 'hold' })]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
    expect(lost[0]!.reason.status).toBe(409);
    expect((lost[0]!.reason.current as { revision: number }[]).map((d) => d.revision)).toEqual([2, 1]);
    // The one who saw the second decision may supersede it; history keeps all three, latest first.
    await recordDecision(rex, { ...base, outcome: 'reject', expectedRevision: 2 });
    const history = await listApplicationDecisions(admin, cara.applicationId);
    expect(history.map((d) => d.revision)).toEqual([3, 2, 1]);
    expect(history[0]).toMatchObject({ outcome: 'reject', decidedByUserId: rex.userId });
    const [row] = await t.db.select().from(applications).where(eq(applications.id, cara.applicationId));
    expect(row!.stage).toBe('rejected');
    expect(row!.closedAt).toBeInstanceOf(Date);
    // Shown where the team looks: the grid's decision and the debrief's history.
    const gridRow = (await getOpeningGrid(admin, openingId)).candidates.find((c) => c.candidateId === cara.candidateId)!;
    expect(gridRow.decision?.outcome).toBe('reject');
    expect((await getDebrief(ivy, { applicationId: cara.applicationId })).decisions.map((d) => d.outcome)).toEqual(['reject', history[1]!.outcome, 'advance']);
  });

  it('hires: the application is hired', async () => {
    const { application } = await recordDecision(hugo, { applicationId: cara.applicationId, outcome: 'hire', rationale: RATIONALE });
    expect(application.stage).toBe('hired');
    const moves = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'application.moved'), eq(auditEvents.entityId, cara.applicationId)));
    expect(moves.map((m) => m.data).at(-1)).toEqual({ from: 'rejected', to: 'hired' });
    // The rationale is data held about the candidate: their subject-access export carries it.
    const exported = await getCandidateDataExport(admin, cara.candidateId);
    expect(exported.decisions.map((d) => [d.outcome, d.rationale])).toEqual([
      ['advance', RATIONALE],
      [expect.any(String), RATIONALE],
      ['reject', RATIONALE],
      ['hire', RATIONALE],
    ]);
  });

  it('refuses a withdrawn application and an erased candidate (409), and erasure removes the rationale', async () => {
    const other = await createApplicant(admin, openingId, 'Walt Fixture');
    await moveApplication(admin, { applicationId: other.applicationId, stage: 'withdrawn' });
    const withdrawn = await recordDecision(hugo, { applicationId: other.applicationId, outcome: 'hire', rationale: RATIONALE }).catch((e) => e);
    expect(withdrawn).toBeInstanceOf(ConflictError);
    expect(withdrawn.message).toMatch(/withdrew/);

    await eraseCandidate(admin, { candidateId: cara.candidateId, confirmation: 'erase' });
    const erased = await recordDecision(hugo, { applicationId: cara.applicationId, outcome: 'hold', rationale: RATIONALE }).catch((e) => e);
    expect(erased).toBeInstanceOf(ConflictError);
    expect(erased.message).toMatch(/erased/);
    const history = await listApplicationDecisions(admin, cara.applicationId);
    expect(history).toHaveLength(4);
    expect(history.every((d) => d.rationale === '')).toBe(true);
    expect((await getDebrief(hugo, { applicationId: cara.applicationId })).mayDecide).toBe(false);
  });
});
