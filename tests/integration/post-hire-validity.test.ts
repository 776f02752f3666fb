// Post-hire outcomes and predictive validity (issue 14, part 2): recording and editing outcomes
// (revision → 409, bad input → 422, 403, another organization → 404, not hired / not yet open →
// 409), the validity report's figures on a hand-computed fixture, its "not enough data" threshold
// and trainees' (shadow, reverse shadow) cards left out of it, suggested weights that change
// nothing until accepted, and "outcome due" reminders sent once per checkpoint.
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rebuildScoreAnalytics } from '@/db/analytics';
import { applications, auditEvents, interviewPanelists, kitItems, openingSkillWeights, openings, outcomeReminders, postHireOutcomes } from '@/db/schema';
import { getCandidateDataExport } from '@/lib/candidates/data-export';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { moveApplication } from '@/lib/candidates/mutations';
import { sendDueOutcomeReminders } from '@/lib/notifications/outcome-reminders';
import { recordOutcome } from '@/lib/outcomes/mutations';
import { getApplicationOutcomes } from '@/lib/outcomes/queries';
import { acceptSuggestedWeights, getValidityReport, suggestionFingerprint, type ValidityReport } from '@/lib/validity/report';
import { MIN_VALIDITY_N } from '@/lib/validity/statistics';
import { setupTestDatabase } from './support/database';
import { makeApplicant, makeHire, makeKit, makeMember, makeOpening, makeOrganization, makeOutcome, makeSkill, type TestKit, type TestOrganization } from './support/factories';
import { mailsTo, notificationsOf } from './support/notifications';

const t = setupTestDatabase({ isolation: 'transaction' });
const DAY = 24 * 60 * 60 * 1000;

let org: TestOrganization;
let outsider: TestOrganization;
let kit: TestKit;
let openingId: string;
let stageId: string;
let skillA: string;
let skillB: string;
let questionItemA: string;

beforeEach(async () => {
  org = await makeOrganization(t.db);
  outsider = await makeOrganization(t.db);
  skillA = (await makeSkill(org.admin.ctx, { name: 'Skill A' })).id;
  skillB = (await makeSkill(org.admin.ctx, { name: 'Skill B' })).id;
  kit = await makeKit(org.admin.ctx, { weights: [{ skillId: skillA, weight: 60 }, { skillId: skillB, weight: 40 }] });
  const opening = await makeOpening(org.admin.ctx, { kitId: kit.kitId, hiringManagerUserId: org.hiringManager.user.id });
  openingId = opening.openingId;
  stageId = opening.stageIds[0]!;
  const [item] = await t.db
    .select({ id: kitItems.id })
    .from(kitItems)
    .where(and(eq(kitItems.kitVersionId, kit.versionId), eq(kitItems.questionVersionId, kit.questionVersionIds[0]!)));
  questionItemA = item!.id;
});

function hire(ratings: { a: number; b: number }, hiredDaysAgo = 100, drafts: Parameters<typeof makeHire>[2]['drafts'] = []) {
  return makeHire(t.db, org.admin.ctx, {
    openingId,
    stageId,
    rater: org.interviewer.ctx,
    ratings: { [skillA]: ratings.a as 1 | 2 | 3 | 4, [skillB]: ratings.b as 1 | 2 | 3 | 4 },
    questionRatings: { [questionItemA]: ratings.a as 1 | 2 | 3 | 4 },
    hiredDaysAgo,
    drafts,
  });
}

const outcomeInput = (applicationId: string, extra: Record<string, unknown> = {}) => ({
  applicationId,
  checkpoint: '90_days',
  overallRating: '3',
  stillEmployed: 'yes',
  skillRatings: { [skillA]: '3', [skillB]: '' },
  expectedRevision: '0',
  ...extra,
});

describe('recording outcomes', () => {
  it('the hiring manager records the 90-day outcome, edits it on the current revision, and a stale edit is refused (409) without changing it', async () => {
    const { applicationId, candidateId, hiredAt } = await hire({ a: 3, b: 3 });
    const before = await getApplicationOutcomes(org.hiringManager.ctx, { applicationId });
    expect(before.hiredAt).toBe(hiredAt.toISOString());
    expect(before.skills.map((s) => s.name).sort()).toEqual(['Skill A', 'Skill B']);
    const ninety = before.checkpoints.find((c) => c.checkpoint === '90_days')!;
    expect(new Date(ninety.dueAt).getTime()).toBe(hiredAt.getTime() + 90 * DAY);
    expect(ninety.status).toBe('due');
    expect(before.checkpoints.find((c) => c.checkpoint === '12_months')!.status).toBe('upcoming');

    expect(await recordOutcome(org.hiringManager.ctx, outcomeInput(applicationId))).toMatchObject({ checkpoint: '90_days', revision: 1 });
    const edited = await recordOutcome(org.hiringManager.ctx, outcomeInput(applicationId, { overallRating: '4', stillEmployed: 'no', expectedRevision: '1' }));
    expect(edited.revision).toBe(2);

    // A second manager still on revision 1, and one who never saw the first recording (0): both refused.
    await expect(recordOutcome(org.admin.ctx, outcomeInput(applicationId, { overallRating: '1', expectedRevision: '1' }))).rejects.toBeInstanceOf(ConflictError);
    await expect(recordOutcome(org.admin.ctx, outcomeInput(applicationId, { overallRating: '1', expectedRevision: '0' }))).rejects.toBeInstanceOf(ConflictError);
    const after = (await getApplicationOutcomes(org.admin.ctx, { applicationId })).checkpoints.find((c) => c.checkpoint === '90_days')!;
    expect(after.status).toBe('recorded');
    expect(after.outcome).toMatchObject({ overallRating: 4, stillEmployed: false, revision: 2, skillRatings: { [skillA]: 3 } });

    // The audit trail names the checkpoint and revision, never a rating.
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, org.organizationId), eq(auditEvents.entityId, applicationId)));
    const outcomeEvents = events.filter((e) => e.action.startsWith('outcome.'));
    expect(outcomeEvents.map((e) => e.action).sort()).toEqual(['outcome.recorded', 'outcome.updated']);
    for (const e of outcomeEvents) expect(Object.keys(e.data as object).sort()).toEqual(['checkpoint', 'outcomeId', 'revision']);

    // Performance ratings are data about the person: their subject-access export carries them.
    const exported = await getCandidateDataExport(org.admin.ctx, candidateId);
    expect(exported.postHireOutcomes).toMatchObject([{ applicationId, checkpoint: '90_days', overallRating: 4, stillEmployed: false, skillRatings: [{ skill: 'Skill A', rating: 3 }] }]);
  });

  it('refuses bad input with the field named (422) and writes nothing', async () => {
    const { applicationId } = await hire({ a: 3, b: 3 });
    const foreignSkill = (await makeSkill(org.admin.ctx)).id;
    const cases: [Record<string, unknown>, string][] = [
      [{ overallRating: '5' }, 'overallRating'],
      [{ overallRating: '' }, 'overallRating'],
      [{ stillEmployed: '' }, 'stillEmployed'],
      [{ checkpoint: '6_months' }, 'checkpoint'],
      [{ skillRatings: { [skillA]: '0' } }, `skillRatings.${skillA}`],
      [{ skillRatings: { [foreignSkill]: '3' } }, `skillRatings.${foreignSkill}`],
    ];
    for (const [extra, field] of cases) {
      const error = await recordOutcome(org.hiringManager.ctx, outcomeInput(applicationId, extra)).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field);
    }
    expect(await t.db.select().from(postHireOutcomes).where(eq(postHireOutcomes.applicationId, applicationId))).toEqual([]);
  });

  it('is for hiring managers, admins and the opening’s hiring manager (403); another organization’s application is 404', async () => {
    const { applicationId } = await hire({ a: 3, b: 3 });
    await expect(recordOutcome(org.interviewer.ctx, outcomeInput(applicationId))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordOutcome(org.recruiter.ctx, outcomeInput(applicationId))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getApplicationOutcomes(org.recruiter.ctx, { applicationId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordOutcome(outsider.admin.ctx, outcomeInput(applicationId))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getApplicationOutcomes(outsider.hiringManager.ctx, { applicationId })).rejects.toBeInstanceOf(NotFoundError);

    // A recruiter who is this opening's hiring manager may, like for decisions.
    await t.db.update(openings).set({ hiringManagerUserId: org.recruiter.user.id }).where(eq(openings.id, openingId));
    expect((await recordOutcome(org.recruiter.ctx, outcomeInput(applicationId))).revision).toBe(1);
  });

  it('refuses (409) an application that is not hired; a checkpoint not yet due is upcoming and may be recorded early', async () => {
    const { applicationId: active } = await makeApplicant(org.admin.ctx, { openingId });
    await expect(recordOutcome(org.hiringManager.ctx, outcomeInput(active))).rejects.toBeInstanceOf(ConflictError);
    expect((await getApplicationOutcomes(org.hiringManager.ctx, { applicationId: active })).checkpoints).toEqual([]);
    const { applicationId: fresh } = await hire({ a: 3, b: 3 }, 10);
    expect((await getApplicationOutcomes(org.hiringManager.ctx, { applicationId: fresh })).checkpoints.map((c) => c.status)).toEqual(['upcoming', 'upcoming']);
    expect((await recordOutcome(org.hiringManager.ctx, outcomeInput(fresh))).revision).toBe(1);
  });
});

// The validity fixture: ten hires, one interviewer each, rating skill A = a, skill B = b and the
// question on skill A = a; 90-day overall outcome y, and the skill-A outcome = y.
const A = [1, 1, 2, 2, 2, 3, 3, 3, 4, 4];
const B = [3, 2, 2, 3, 3, 2, 3, 2, 3, 2];
const Y = [1, 2, 2, 3, 2, 3, 3, 4, 3, 4];
// Expected values, by hand (deviation sums S, n = 10): Σa = 25, Σb = 25, Σy = 27, Σa² = 73,
// Σb² = 65, Σy² = 81, Σay = 75, Σby = 66, Σab = 62 → Saa = 10.5, Sbb = 2.5, Syy = 8.1, Say = 7.5,
// Sby = −1.5, Sab = −0.5.
//  skill A (and question A, skill-A outcome): r = 7.5/√(10.5·8.1) = 0.813250
//  skill B: r = −1.5/√(2.5·8.1) = −1.5/4.5 = −0.333333
//  composite c = 0.6a + 0.4b (weights 60/40): Scy = 0.6·7.5 + 0.4·(−1.5) = 3.9,
//    Scc = 0.36·10.5 + 0.16·2.5 + 0.48·(−0.5) = 3.94 → r = 3.9/√(3.94·8.1) = 0.690357
//  kit and interviewer: mean (a + b)/2: Sky = (7.5 − 1.5)/2 = 3, Skk = (10.5 + 2.5 − 1)/4 = 3 → r = 3/√(3·8.1) = 0.608581
//  95 % intervals by Fisher's z: tanh(atanh(r) ± 1.959964/√7), e.g. skill A [0.376312, 0.954256],
//  composite [0.107425, 0.920063], skill B [−0.795916, 0.374995].
async function hireTen(count = 10, drafts: Parameters<typeof makeHire>[2]['drafts'] = []) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { applicationId } = await hire({ a: A[i]!, b: B[i]! }, 100, i === 0 ? drafts : []);
    await makeOutcome(org.hiringManager.ctx, { applicationId, overallRating: Y[i]!, skillRatings: i < 9 ? { [skillA]: Y[i]!, [skillB]: Y[i]! } : { [skillA]: Y[i]! } });
    ids.push(applicationId);
  }
  return ids;
}

function row(report: ValidityReport, dimension: keyof ValidityReport['rows'], id: string) {
  const found = report.rows[dimension].find((r) => r.id === id);
  if (!found) throw new Error(`no ${dimension} row ${id}`);
  return found.result;
}

function expectOk(result: ReturnType<typeof row>, r: number, lower: number, upper: number) {
  expect(result.status).toBe('ok');
  if (result.status !== 'ok') return;
  expect(result.n).toBe(10);
  expect(result.r).toBeCloseTo(r, 5);
  expect(result.lower).toBeCloseTo(lower, 5);
  expect(result.upper).toBeCloseTo(upper, 5);
}

describe('the validity report', () => {
  it(`shows "not enough data" below ${MIN_VALIDITY_N} hires, then the hand-computed correlations and Fisher intervals`, async () => {
    const ids = await hireTen(9);
    let report = await getValidityReport(org.hiringManager.ctx, { openingId, checkpoint: '90_days' });
    expect(report.hiresWithOutcome).toBe(9);
    expect(row(report, 'opening', openingId)).toEqual({ status: 'not_enough_data', n: 9 });

    const { applicationId } = await hire({ a: A[9]!, b: B[9]! });
    await makeOutcome(org.hiringManager.ctx, { applicationId, overallRating: Y[9]!, skillRatings: { [skillA]: Y[9]! } });
    ids.push(applicationId);
    report = await getValidityReport(org.hiringManager.ctx, { openingId, checkpoint: '90_days' });
    expect(report.hiresWithOutcome).toBe(10);

    expectOk(row(report, 'opening', openingId), 0.690357, 0.107425, 0.920063);
    expectOk(row(report, 'skill', skillA), 0.81325, 0.376312, 0.954256);
    expectOk(row(report, 'skill', skillB), -1 / 3, -0.795916, 0.374995);
    expectOk(row(report, 'question', (await questionOf(kit.questionVersionIds[0]!))!), 0.81325, 0.376312, 0.954256);
    expectOk(row(report, 'kit', kit.kitId), 0.608581, -0.03412, 0.89519);
    expectOk(row(report, 'interviewer', org.interviewer.user.id), 0.608581, -0.03412, 0.89519);
    expectOk(row(report, 'skill_outcome', skillA), 0.81325, 0.376312, 0.954256);
    // Skill B's outcome was rated for nine of the ten only.
    expect(row(report, 'skill_outcome', skillB)).toEqual({ status: 'not_enough_data', n: 9 });
    expect(report.rangeRestriction).toMatchObject({ applicants: 10, hires: 10 });

    // Another organization's report over all its openings sees none of this; our opening is 404 to it.
    const theirs = await getValidityReport(outsider.admin.ctx, { checkpoint: '90_days' });
    expect(theirs.hiresWithOutcome).toBe(0);
    expect(Object.values(theirs.rows).flat()).toEqual([]);
    await expect(getValidityReport(outsider.admin.ctx, { openingId, checkpoint: '90_days' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('counts only submitted cards and hires: a draft and a hire moved to rejected leave the figures alone', async () => {
    // The first hire's interview also had the hiring manager on the panel, whose card stayed a draft.
    await hireTen(10, [{ rater: org.hiringManager.ctx, ratings: { [skillA]: 4, [skillB]: 4 }, questionRatings: { [questionItemA]: 4 } }]);
    const base = row(await getValidityReport(org.admin.ctx, { openingId, checkpoint: '90_days' }), 'opening', openingId);
    // Exactly the hand-computed composite figure: the draft is in none of the sums.
    expect(base.status === 'ok' && base.r).toBeCloseTo(0.690357, 5);
    // A hire moved to rejected afterwards no longer counts as a hire.
    const { applicationId } = await hire({ a: 4, b: 4 });
    await makeOutcome(org.hiringManager.ctx, { applicationId, overallRating: 1 });
    await t.db.update(applications).set({ stage: 'rejected' }).where(eq(applications.id, applicationId));
    const report = await getValidityReport(org.admin.ctx, { openingId, checkpoint: '90_days' });
    expect(row(report, 'opening', openingId)).toEqual(base);
    expect(report.rows.interviewer.map((r) => r.id)).toEqual([org.interviewer.user.id]);
  });

  it('leaves out the submitted cards of shadows and reverse shadows, which would flatten every score if they counted', async () => {
    // The ten hires of the fixture, each with a trainee on the panel (shadow on hires 1–5, reverse
    // shadow on 6–10) who submits the mirror image of the interviewer's card: skill A 5 − a, skill B
    // 5 − b, question A 5 − a. Counted, every hire's skill means would be (a + 5 − a)/2 = 2.5 and
    // (b + 5 − b)/2 = 2.5, so the composite, skill, question and kit scores would all be 2.5 for
    // everyone (no variation, no r), and the trainee would get an interviewer row with
    // x = 5 − (a + b)/2, r = −0.608581. Not counted, the figures are the hand-computed ones above.
    const trainee = await makeMember(t.db, org.organizationId, 'interviewer', { name: 'Tess Trainee' });
    const mirror = (v: number) => (5 - v) as 1 | 2 | 3 | 4;
    for (let i = 0; i < 10; i++) {
      const { applicationId } = await makeHire(t.db, org.admin.ctx, {
        openingId,
        stageId,
        rater: org.interviewer.ctx,
        ratings: { [skillA]: A[i] as 1 | 2 | 3 | 4, [skillB]: B[i] as 1 | 2 | 3 | 4 },
        questionRatings: { [questionItemA]: A[i] as 1 | 2 | 3 | 4 },
        shadows: [{ rater: trainee.ctx, role: i < 5 ? 'shadow' : 'reverse_shadow', ratings: { [skillA]: mirror(A[i]!), [skillB]: mirror(B[i]!) }, questionRatings: { [questionItemA]: mirror(A[i]!) } }],
      });
      await makeOutcome(org.hiringManager.ctx, { applicationId, overallRating: Y[i]!, skillRatings: { [skillA]: Y[i]! } });
    }

    const report = await getValidityReport(org.admin.ctx, { openingId, checkpoint: '90_days' });
    expect(report.hiresWithOutcome).toBe(10);
    expectOk(row(report, 'opening', openingId), 0.690357, 0.107425, 0.920063);
    expectOk(row(report, 'skill', skillA), 0.81325, 0.376312, 0.954256);
    expectOk(row(report, 'skill', skillB), -1 / 3, -0.795916, 0.374995);
    const questionA = (await questionOf(kit.questionVersionIds[0]!))!;
    expectOk(row(report, 'question', questionA), 0.81325, 0.376312, 0.954256);
    expectOk(row(report, 'kit', kit.kitId), 0.608581, -0.03412, 0.89519);
    expectOk(row(report, 'skill_outcome', skillA), 0.81325, 0.376312, 0.954256);
    expect(report.rows.interviewer.map((r) => r.id)).toEqual([org.interviewer.user.id]);
    expectOk(row(report, 'interviewer', org.interviewer.user.id), 0.608581, -0.03412, 0.89519);

    // The counterfactual, to show the fixture has teeth: seat the trainee as an interviewer
    // (a direct write — no product path rewrites past seats) and rebuild the tallies from the
    // ratings; now the trainee's cards count and the figures go flat as computed above.
    await t.db.update(interviewPanelists).set({ role: 'interviewer' }).where(eq(interviewPanelists.userId, trainee.user.id));
    await rebuildScoreAnalytics(t.db, org.organizationId);
    const counted = await getValidityReport(org.admin.ctx, { openingId, checkpoint: '90_days' });
    for (const [dimension, id] of [['opening', openingId], ['skill', skillA], ['skill', skillB], ['question', questionA], ['kit', kit.kitId], ['skill_outcome', skillA]] as const) {
      expect(row(counted, dimension, id), `${dimension} ${id}`).toEqual({ status: 'no_variation', n: 10 });
    }
    expectOk(row(counted, 'interviewer', trainee.user.id), -0.608581, -0.89519, 0.03412);
  });

  it('is readable with dashboard:read only (interviewers 403), aggregates only', async () => {
    await expect(getValidityReport(org.interviewer.ctx, { checkpoint: '90_days' })).rejects.toBeInstanceOf(ForbiddenError);
    const report = await getValidityReport(org.recruiter.ctx, { checkpoint: '12_months' });
    expect(report.hiresWithOutcome).toBe(0);
    await expect(getValidityReport(org.recruiter.ctx, { openingId: 'not-a-uuid' })).rejects.toBeInstanceOf(ValidationError);
  });
});

async function questionOf(versionId: string) {
  const { questionVersions } = await import('@/db/schema');
  const [v] = await t.db.select({ questionId: questionVersions.questionId }).from(questionVersions).where(eq(questionVersions.id, versionId));
  return v?.questionId;
}

describe('suggested weights', () => {
  it('are shown without changing anything, and applied through the opening only when accepted (stale → 409)', async () => {
    await hireTen();
    const weights = async () =>
      Object.fromEntries((await t.db.select().from(openingSkillWeights).where(eq(openingSkillWeights.openingId, openingId))).map((w) => [w.skillId, w.weight]));
    const report = await getValidityReport(org.hiringManager.ctx, { openingId, checkpoint: '90_days' });
    // Skill A's interval is above zero, skill B's includes it: all of A and B's 100 goes to A, B drops to the minimum 1.
    expect(report.suggestion!.map((w) => [w.name, w.current, w.weight])).toEqual([
      ['Skill A', 60, 100],
      ['Skill B', 40, 1],
    ]);
    expect(await weights()).toEqual({ [skillA]: 60, [skillB]: 40 });
    const revision = report.opening!.revision;
    const shown = suggestionFingerprint(report.suggestion!).join(',');

    // Interviewers may not; a suggestion that is not the current one and a stale opening revision are 409s.
    await expect(acceptSuggestedWeights(org.interviewer.ctx, { openingId, checkpoint: '90_days', revision, shown })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acceptSuggestedWeights(org.hiringManager.ctx, { openingId, checkpoint: '90_days', revision, shown: `${skillA}:60,${skillB}:40` })).rejects.toBeInstanceOf(ConflictError);
    await expect(acceptSuggestedWeights(org.hiringManager.ctx, { openingId, checkpoint: '90_days', revision: revision + 1, shown })).rejects.toBeInstanceOf(ConflictError);
    await expect(acceptSuggestedWeights(outsider.admin.ctx, { openingId, checkpoint: '90_days', revision, shown })).rejects.toBeInstanceOf(NotFoundError);
    expect(await weights()).toEqual({ [skillA]: 60, [skillB]: 40 });

    const result = await acceptSuggestedWeights(org.hiringManager.ctx, { openingId, checkpoint: '90_days', revision, shown });
    expect(result.revision).toBe(revision + 1);
    expect(await weights()).toEqual({ [skillA]: 100, [skillB]: 1 });
    const actions = (await t.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, openingId))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['opening.updated', 'validity.weights_accepted']));
    // With the new weights the composite is nearly skill A alone, so its validity follows A's.
    const next = await getValidityReport(org.hiringManager.ctx, { openingId, checkpoint: '90_days' });
    const composite = row(next, 'opening', openingId);
    expect(composite.status === 'ok' && composite.r).toBeGreaterThan(0.8);
  });
});

describe('outcome-due reminders', () => {
  it('go once per checkpoint to the opening’s hiring manager and the hire’s decider, and never for a recorded checkpoint', async () => {
    const { applicationId: due } = await hire({ a: 3, b: 3 }, 91);
    const { applicationId: recorded } = await hire({ a: 3, b: 3 }, 91);
    await makeOutcome(org.hiringManager.ctx, { applicationId: recorded, overallRating: 3 });
    const { applicationId: notYet } = await hire({ a: 3, b: 3 }, 80);
    const now = new Date();

    const first = await sendDueOutcomeReminders(t.db, now);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(await notificationsOf(t.db, org.hiringManager.user.id, { applicationId: due })).toMatchObject([{ kind: 'outcome_due' }]);
    expect(await notificationsOf(t.db, org.admin.user.id, { applicationId: due })).toMatchObject([{ kind: 'outcome_due' }]);
    // The interviewer has their panel invite about this application, and nothing more.
    expect((await notificationsOf(t.db, org.interviewer.user.id, { applicationId: due })).filter((n) => n.kind === 'outcome_due')).toEqual([]);
    expect(await notificationsOf(t.db, org.hiringManager.user.id, { applicationId: recorded })).toEqual([]);
    expect(await notificationsOf(t.db, org.hiringManager.user.id, { applicationId: notYet })).toEqual([]);
    expect((await mailsTo(t.db, org.hiringManager.email, 'outcome_reminder')).length).toBeGreaterThanOrEqual(1);

    // A second sweep (or a second worker) sends nothing more; the ledger has one row per checkpoint.
    const again = await sendDueOutcomeReminders(t.db, new Date(now.getTime() + 60_000));
    expect(await notificationsOf(t.db, org.hiringManager.user.id, { applicationId: due })).toHaveLength(1);
    expect(again.sent).toBe(0);
    expect(await t.db.select().from(outcomeReminders).where(eq(outcomeReminders.applicationId, due))).toMatchObject([{ checkpoint: '90_days' }]);
  });

  it('name the hire by code while the opening’s blind review holds (a hire moved by hand, no decision)', async () => {
    const blind = await makeOpening(org.admin.ctx, { kitId: kit.kitId, hiringManagerUserId: org.hiringManager.user.id, blindReview: 'interviewers_and_dashboard' });
    const { applicationId } = await makeApplicant(org.admin.ctx, { openingId: blind.openingId, name: 'Quillon Vasquez-Ortega' });
    await moveApplication(org.admin.ctx, { applicationId, stage: 'hired' });
    await t.db.update(applications).set({ closedAt: new Date(Date.now() - 91 * DAY) }).where(eq(applications.id, applicationId));
    const [{ code } = { code: '' }] = await t.db.select({ code: applications.blindCode }).from(applications).where(eq(applications.id, applicationId));

    await sendDueOutcomeReminders(t.db, new Date());
    const mails = (await mailsTo(t.db, org.hiringManager.email, 'outcome_reminder')).filter((m) => m.subject.includes(code));
    expect(mails).toHaveLength(1);
    expect(JSON.stringify(mails)).not.toContain('Quillon');
    expect(await notificationsOf(t.db, org.hiringManager.user.id, { applicationId })).toMatchObject([{ kind: 'outcome_due' }]);
  });
});
