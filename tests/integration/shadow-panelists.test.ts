// Shadow panelists: a fixture where the shadow's card, if it counted, would change every figure —
// the grid cell and composite, the recommendation tally, disagreement, Krippendorff's alpha,
// leniency, question analytics, the adverse-impact score levels and the running tallies — and
// the proof that it changes none of them: after submit, after a role change, after a reopen.
// Also: "all feedback is in" does not wait for a shadow, and kit qualification with its warning.
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rebuildScoreAnalytics } from '@/db/analytics';
import { kits, memberships } from '@/db/schema';
import { getCalibration } from '@/lib/dashboard/calibration';
import { getDebrief } from '@/lib/dashboard/debrief';
import { getDecisionPacket } from '@/lib/dashboard/decision-packet';
import { getOpeningGrid } from '@/lib/dashboard/queries';
import { getQuestionAnalytics } from '@/lib/dashboard/question-analytics';
import { listApplicationsAwaitingDecision } from '@/lib/decisions/queries';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { getAdverseImpactReport } from '@/lib/fairness/report';
import { rescheduleInterview, scheduleInterview } from '@/lib/interviews/mutations';
import { loadInterviewSchedule } from '@/lib/interviews/queries';
import { listKitQualifications, setKitQualification } from '@/lib/kits/qualifications';
import { reopenScorecard } from '@/lib/scorecards/mutations';
import { queryRows } from '@/lib/sql';
import { setupTestDatabase } from './support/database';
import { makeApplicant, makeDraftScorecard, makeInterview, makeKit, makeMember, makeOpening, makeOrganization, makeSubmittedScorecard, qualifyForKit, type TestKit, type TestMember, type TestOrganization } from './support/factories';

const t = setupTestDatabase({ isolation: 'transaction' });

interface Fixture extends TestOrganization {
  kit: TestKit;
  openingId: string;
  stageId: string;
  a: TestMember;
  b: TestMember;
  shadow: TestMember;
  apps: { applicationId: string; candidateId: string; interviewId: string }[];
  shadowCards: string[];
}

/**
 * Two candidates, each interviewed by A and B (interviewers, who agree exactly) and S (shadow,
 * who disagrees wildly). Candidate 1: A and B give 3/3, S gives 1/1 and strong no. Candidate 2:
 * A and B give 2/2, S gives 4/4 and strong yes. Without S: alpha = 1, leniency 0, no disagreement.
 */
async function makeFixture(): Promise<Fixture> {
  const org = await makeOrganization(t.db);
  const kit = await makeKit(org.admin.ctx);
  const { openingId, stageIds } = await makeOpening(org.admin.ctx, { kitId: kit.kitId });
  const [a, b, shadow] = [org.interviewer, await makeMember(t.db, org.organizationId, 'interviewer', { name: 'Bea Interviewer' }), await makeMember(t.db, org.organizationId, 'interviewer', { name: 'Sam Shadow' })];
  const [s1, s2] = kit.skillIds as [string, string];
  const apps = [];
  const shadowCards = [];
  for (const [agreed, shadowRating, shadowRecommendation] of [
    [3, 1, 'strong_no'],
    [2, 4, 'strong_yes'],
  ] as const) {
    const { applicationId, candidateId } = await makeApplicant(org.recruiter.ctx, { openingId });
    const interviewId = await makeInterview(org.recruiter.ctx, { applicationId, stageId: stageIds[0]!, panel: [a.ctx, b.ctx, shadow.ctx], roles: { [shadow.user.id]: 'shadow' } });
    for (const rater of [a, b]) {
      await makeSubmittedScorecard(rater.ctx, { interviewId, ratings: { [s1]: agreed, [s2]: agreed }, recommendation: 'yes', questionRatings: [agreed] });
    }
    shadowCards.push(await makeSubmittedScorecard(shadow.ctx, { interviewId, ratings: { [s1]: shadowRating, [s2]: shadowRating }, recommendation: shadowRecommendation, questionRatings: [shadowRating] }));
    apps.push({ applicationId, candidateId, interviewId });
  }
  return { ...org, kit, openingId, stageId: stageIds[0]!, a, b, shadow, apps, shadowCards };
}

/** Every running tally of the organization, as comparable rows. */
async function tallies(organizationId: string) {
  const read = (table: string, order: string) => queryRows<Record<string, unknown>>(t.db, sql`select * from ${sql.identifier(table)} where organization_id = ${organizationId} order by ${sql.raw(order)}`);
  return {
    applicationSkill: await read('application_skill_tallies', 'application_id, skill_id'),
    application: await read('application_tallies', 'application_id'),
    interviewer: await read('interviewer_tallies', 'user_id'),
    question: await read('question_tallies', 'opening_id, question_id'),
    patterns: await read('reliability_patterns', 'grouping, group_id, n1, n2, n3, n4'),
    groups: await read('reliability_groups', 'grouping, group_id'),
    raters: await read('reliability_raters', 'grouping, group_id, user_id'),
  };
}

/** The running tallies equal a rebuild from the ratings (so no stale shadow contribution hides in them). */
async function expectTalliesExact(organizationId: string) {
  const running = await tallies(organizationId);
  await rebuildScoreAnalytics(t.db, organizationId);
  const rebuilt = await tallies(organizationId);
  // Rows that fell to zero stay in the running tables; a rebuild never writes them. For the
  // reliability tables the counts n1..n4 are part of the key, so only their value column decides.
  const valueColumn: Partial<Record<keyof typeof running, string>> = { patterns: 'units', groups: 'candidates', raters: 'ratings' };
  for (const key of Object.keys(running) as (keyof typeof running)[]) {
    const column = valueColumn[key];
    const live = (r: Record<string, unknown>) =>
      column ? Number(r[column]) !== 0 : Object.entries(r).some(([k, v]) => !k.endsWith('_id') && k !== 'grouping' && Number(v) !== 0);
    expect(running[key].filter(live).map(normalize), key).toEqual(rebuilt[key].filter(live).map(normalize));
  }
}

const normalize = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?(e-?\d+)?$/.test(v)) ? Math.round(Number(v) * 1e9) / 1e9 : v]));

/** The figures a shadow's card could move, as the product shows them. */
async function expectFiguresWithoutShadow(f: Fixture, options: { shadowCardSubmitted?: boolean } = {}) {
  const [s1, s2] = f.kit.skillIds as [string, string];
  const grid = await getOpeningGrid(f.admin.ctx, f.openingId);
  const row = (i: number) => grid.candidates.find((c) => c.applicationId === f.apps[i]!.applicationId)!;
  expect(row(0).cells[s1]).toMatchObject({ mean: 3, n: 2, min: 3, max: 3, disagreement: false });
  expect(row(0).cells[s2]).toMatchObject({ mean: 3, n: 2 });
  expect(row(0).composite).toBeCloseTo(3, 9);
  expect(row(0).recommendations).toEqual({ strong_no: 0, no: 0, yes: 2, strong_yes: 0 });
  expect(row(1).cells[s1]).toMatchObject({ mean: 2, n: 2, disagreement: false });
  expect(row(1).composite).toBeCloseTo(2, 9);
  expect(row(1).recommendations).toEqual({ strong_no: 0, no: 0, yes: 2, strong_yes: 0 });

  const calibration = await getCalibration(f.admin.ctx);
  expect(calibration.interviewers.map((i) => i.userId).sort()).toEqual([f.a.user.id, f.b.user.id].sort());
  for (const i of calibration.interviewers) expect(i).toMatchObject({ leniency: 0, leniencyN: 4, scorecards: 2 });
  const skillRow = calibration.bySkill.find((r) => r.units > 0)!;
  expect(skillRow).toMatchObject({ alpha: 1, units: 2, raters: 2, candidates: 2 });
  expect(calibration.byKit[0]).toMatchObject({ alpha: 1, units: 4, raters: 2 });

  const questions = await getQuestionAnalytics(f.admin.ctx, { openingId: f.openingId });
  const q1 = questions.questions.find((q) => q.ratings > 0)!;
  expect(q1).toMatchObject({ ratings: 4, distribution: { '1': 0, '2': 2, '3': 2, '4': 0 }, mean: 2.5, timesAsked: 2 });
  expect(q1.r).toBeCloseTo(1, 9);

  const packet = await getDecisionPacket(f.admin.ctx, { candidateId: f.apps[0]!.candidateId, openingId: f.openingId });
  expect(packet.evidence!.disagreements).toEqual([]);
  expect(packet.evidence!.composite).toBeCloseTo(3, 9);
  // The shadow's card is still there to read, marked as not counted.
  const shadowCard = packet.evidence!.scorecards.find((c) => c.interviewerName === 'Sam Shadow');
  if (options.shadowCardSubmitted === false) expect(shadowCard).toBeUndefined();
  else expect(shadowCard).toMatchObject({ counted: false, panelRole: expect.stringMatching(/^(shadow|reverse_shadow)$/), recommendation: 'strong_no' });
  expect(packet.evidence!.scorecards.filter((c) => c.counted)).toHaveLength(2);

  await expectTalliesExact(f.organizationId);
}

describe('a shadow’s card counts nowhere', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await makeFixture();
  });

  it('after submit: grid, composite, tally, disagreement, alpha, leniency, question analytics, packet and tallies', async () => {
    await expectFiguresWithoutShadow(f);
    const { rows } = { rows: await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from interviewer_tallies where user_id = ${f.shadow.user.id} and scorecards <> 0`) };
    expect(rows[0]!.n).toBe(0);
  });

  it('after a role change: becoming an interviewer counts the card; back to shadow removes it again', async () => {
    const [s1] = f.kit.skillIds as [string];
    const { interviewId } = f.apps[0]!;
    const current = await loadInterviewSchedule(f.recruiter.ctx, interviewId);
    const promoted = await rescheduleInterview(f.recruiter.ctx, { interviewId, revision: current.revision, scheduledAt: current.scheduledAt, durationMinutes: current.durationMinutes, panelUserIds: current.panelUserIds, panelRoles: { [f.shadow.user.id]: 'interviewer' } });
    expect(promoted.panelRoles[f.shadow.user.id]).toBe('interviewer');
    const grid = await getOpeningGrid(f.admin.ctx, f.openingId);
    const row = grid.candidates.find((c) => c.applicationId === f.apps[0]!.applicationId)!;
    // With the former shadow's 1 beside two 3s: n 3, range 1–3, a disagreement; a strong no in the tally.
    expect(row.cells[s1]).toMatchObject({ n: 3, min: 1, max: 3, disagreement: true });
    expect(row.recommendations.strong_no).toBe(1);
    await expectTalliesExact(f.organizationId);

    await rescheduleInterview(f.recruiter.ctx, { interviewId, revision: promoted.revision, scheduledAt: promoted.scheduledAt, durationMinutes: promoted.durationMinutes, panelUserIds: promoted.panelUserIds, panelRoles: { [f.shadow.user.id]: 'reverse_shadow' } });
    await expectFiguresWithoutShadow(f);
  });

  it('after the shadow’s card is reopened and submitted again', async () => {
    await reopenScorecard(f.admin.ctx, { scorecardId: f.shadowCards[0]!, reason: 'Training: rewrite the summary please' });
    await expectFiguresWithoutShadow(f, { shadowCardSubmitted: false });
    const [s1, s2] = f.kit.skillIds as [string, string];
    await makeSubmittedScorecard(f.shadow.ctx, { interviewId: f.apps[0]!.interviewId, ratings: { [s1]: 1, [s2]: 1 }, recommendation: 'strong_no', questionRatings: [1] });
    await expectFiguresWithoutShadow(f);
  });

  it('adverse-impact score levels: a candidate rated only by a shadow is not scored', async () => {
    const { applicationId } = await makeApplicant(f.recruiter.ctx, { openingId: f.openingId });
    const interviewId = await makeInterview(f.recruiter.ctx, { applicationId, stageId: f.stageId, panel: [f.a.ctx, f.shadow.ctx], roles: { [f.shadow.user.id]: 'shadow' } });
    const [s1, s2] = f.kit.skillIds as [string, string];
    await makeSubmittedScorecard(f.shadow.ctx, { interviewId, ratings: { [s1]: 4, [s2]: 4 }, recommendation: 'strong_yes' });
    const report = await getAdverseImpactReport(f.admin.ctx, { openingId: f.openingId });
    expect(report.scores.scored).toBe(2);
    expect(report.scores.median).toBeCloseTo(2.5, 9);
    const grid = await getOpeningGrid(f.admin.ctx, f.openingId);
    expect(grid.candidates.find((c) => c.applicationId === applicationId)).toMatchObject({ composite: null, cells: {}, recommendations: { strong_no: 0, no: 0, yes: 0, strong_yes: 0 } });
  });
});

describe('who owes feedback', () => {
  it('a shadow owes a card but never holds up “all feedback is in”', async () => {
    const org = await makeOrganization(t.db);
    const kit = await makeKit(org.admin.ctx);
    const { openingId, stageIds } = await makeOpening(org.admin.ctx, { kitId: kit.kitId, hiringManagerUserId: org.hiringManager.user.id });
    const shadow = await makeMember(t.db, org.organizationId, 'interviewer');
    const { applicationId } = await makeApplicant(org.recruiter.ctx, { openingId });
    const interviewId = await makeInterview(org.recruiter.ctx, { applicationId, stageId: stageIds[0]!, panel: [org.interviewer.ctx, shadow.ctx], roles: { [shadow.user.id]: 'shadow' } });
    const allSkills = (v: 1 | 2 | 3 | 4) => Object.fromEntries(kit.skillIds.map((id) => [id, v]));
    await makeDraftScorecard(shadow.ctx, { interviewId, ratings: allSkills(2) });
    expect(await listApplicationsAwaitingDecision(org.hiringManager.ctx)).toEqual([]);
    await makeSubmittedScorecard(org.interviewer.ctx, { interviewId, ratings: allSkills(3) });
    expect((await listApplicationsAwaitingDecision(org.hiringManager.ctx)).map((a) => a.applicationId)).toEqual([applicationId]);
    const debrief = await getDebrief(org.hiringManager.ctx, { applicationId });
    expect(debrief.owed).toEqual([expect.objectContaining({ userId: shadow.user.id, role: 'shadow', counted: false, draft: true })]);
  });
});

describe('panel roles when scheduling', () => {
  it('refuses roles for people off the panel and a panel of shadows only, changing nothing', async () => {
    const org = await makeOrganization(t.db);
    const kit = await makeKit(org.admin.ctx);
    const { openingId, stageIds } = await makeOpening(org.admin.ctx, { kitId: kit.kitId });
    const { applicationId } = await makeApplicant(org.recruiter.ctx, { openingId });
    const base = { applicationId, openingStageId: stageIds[0]!, scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), durationMinutes: 60 };
    await expect(scheduleInterview(org.recruiter.ctx, { ...base, panelUserIds: [org.interviewer.user.id], panelRoles: { [org.interviewer.user.id]: 'shadow' } })).rejects.toMatchObject({
      fieldErrors: { panelRoles: [expect.stringContaining('interviewer role')] },
    });
    await expect(scheduleInterview(org.recruiter.ctx, { ...base, panelUserIds: [org.interviewer.user.id], panelRoles: { [org.admin.user.id]: 'shadow' } })).rejects.toBeInstanceOf(ValidationError);
    await expect(scheduleInterview(org.recruiter.ctx, { ...base, panelUserIds: [org.interviewer.user.id], panelRoles: { [org.interviewer.user.id]: 'observer' } })).rejects.toBeInstanceOf(ValidationError);
    const [{ n }] = (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from interviews where application_id = ${applicationId}`)) as [{ n: number }];
    expect(n).toBe(0);
  });
});

describe('kit qualification', () => {
  it('warns — never refuses — until an interviewer-role panelist is qualified; a qualified shadow does not count', async () => {
    const org = await makeOrganization(t.db);
    const kit = await makeKit(org.admin.ctx);
    const { openingId, stageIds } = await makeOpening(org.admin.ctx, { kitId: kit.kitId });
    const trainee = await makeMember(t.db, org.organizationId, 'interviewer');
    const { applicationId } = await makeApplicant(org.recruiter.ctx, { openingId });
    const scheduled = await scheduleInterview(org.recruiter.ctx, {
      applicationId,
      openingStageId: stageIds[0]!,
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      durationMinutes: 60,
      panelUserIds: [org.interviewer.user.id, trainee.user.id],
      panelRoles: { [trainee.user.id]: 'shadow' },
    });
    expect(scheduled.warnings).toEqual([expect.stringContaining('No interviewer on this panel is qualified')]);

    // The shadow being qualified does not help: they are not sitting as an interviewer.
    await qualifyForKit(org.admin.ctx, kit.kitId, trainee.user.id);
    expect((await loadInterviewSchedule(org.recruiter.ctx, scheduled.interviewId)).warnings).toHaveLength(1);

    await qualifyForKit(org.admin.ctx, kit.kitId, org.interviewer.user.id);
    expect((await loadInterviewSchedule(org.recruiter.ctx, scheduled.interviewId)).warnings).toEqual([]);
    expect((await listKitQualifications(org.recruiter.ctx, kit.kitId)).map((q) => q.userId).sort()).toEqual([org.interviewer.user.id, trainee.user.id].sort());

    await setKitQualification(org.admin.ctx, { kitId: kit.kitId, userId: org.interviewer.user.id, qualified: false });
    expect((await loadInterviewSchedule(org.recruiter.ctx, scheduled.interviewId)).warnings).toHaveLength(1);
    const audit = await queryRows<{ action: string; data: Record<string, unknown> }>(t.db, sql`select action, data from audit_events where organization_id = ${org.organizationId} and action like 'kit.qualification%' order by created_at, id`);
    expect(audit.map((e) => e.action).sort()).toEqual(['kit.qualification_granted', 'kit.qualification_granted', 'kit.qualification_revoked']);
    expect(Object.keys(audit[0]!.data)).toEqual(['userId']);
  });

  it('qualifies a person for a built-in kit in each of their organizations on its own', async () => {
    const org = await makeOrganization(t.db);
    // Built-in kits are shared by every organization, and one person may belong to several.
    const [builtin] = await t.db.insert(kits).values({ organizationId: null, builtinKey: `shared-${org.organizationId}`, isTemplate: true, name: 'Shared template' }).returning({ id: kits.id });
    const other = await makeOrganization(t.db);
    const person = org.interviewer.user.id;
    await t.db.insert(memberships).values({ organizationId: other.organizationId, userId: person, role: 'interviewer' });

    expect(await setKitQualification(org.admin.ctx, { kitId: builtin!.id, userId: person, qualified: true })).toEqual({ changed: true });
    expect(await setKitQualification(other.admin.ctx, { kitId: builtin!.id, userId: person, qualified: true })).toEqual({ changed: true });
    expect((await listKitQualifications(other.admin.ctx, builtin!.id)).map((q) => q.userId)).toEqual([person]);
    // Withdrawing it in one organization leaves the other's as it was.
    await setKitQualification(org.admin.ctx, { kitId: builtin!.id, userId: person, qualified: false });
    expect(await listKitQualifications(org.admin.ctx, builtin!.id)).toEqual([]);
    expect((await listKitQualifications(other.admin.ctx, builtin!.id)).map((q) => q.userId)).toEqual([person]);
  });

  it('needs kit:qualify (403); another organization’s kit or member is a 404; bad input is a 422', async () => {
    const org = await makeOrganization(t.db);
    const other = await makeOrganization(t.db);
    const kit = await makeKit(org.admin.ctx);
    const otherKit = await makeKit(other.admin.ctx);
    for (const member of [org.recruiter, org.hiringManager, org.interviewer]) {
      await expect(setKitQualification(member.ctx, { kitId: kit.kitId, userId: org.interviewer.user.id, qualified: true })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(setKitQualification(org.admin.ctx, { kitId: otherKit.kitId, userId: org.interviewer.user.id, qualified: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setKitQualification(org.admin.ctx, { kitId: kit.kitId, userId: other.interviewer.user.id, qualified: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listKitQualifications(other.admin.ctx, kit.kitId)).rejects.toBeInstanceOf(NotFoundError);
    // Who is qualified is a list of colleagues: not for members who cannot read the member list.
    await expect(listKitQualifications(org.interviewer.ctx, kit.kitId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setKitQualification(org.admin.ctx, { kitId: kit.kitId, userId: 'nope', qualified: true })).rejects.toMatchObject({ fieldErrors: { userId: [expect.any(String)] } });
    expect(await listKitQualifications(org.admin.ctx, kit.kitId)).toEqual([]);
  });
});
