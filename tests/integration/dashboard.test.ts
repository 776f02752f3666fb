// The dashboard grid against values computed by hand on a small fixture.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt } from 'drizzle-orm';
import { rebuildScoreAnalytics } from '@/db/analytics';
import { applicationSkillTallies, interviewerTallies, questionTallies, reliabilityGroups, reliabilityPatterns, reliabilityRaters, skills } from '@/db/schema';
import { createCandidate } from '@/lib/candidates/mutations';
import { getCandidate } from '@/lib/candidates/queries';
import type { Ctx } from '@/lib/context';
import { getCalibration } from '@/lib/dashboard/calibration';
import { compareCandidates, getOpeningGrid } from '@/lib/dashboard/queries';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { scheduleInterview } from '@/lib/interviews/mutations';
import { createKit, publishKit, saveKitDraft } from '@/lib/kits/mutations';
import { createOpening } from '@/lib/openings/mutations';
import { getOpening } from '@/lib/openings/queries';
import { searchQuestions } from '@/lib/questions/queries';
import { openScorecard, reopenScorecard, saveScorecard, submitScorecard } from '@/lib/scorecards/mutations';
import { listCandidateFeedback } from '@/lib/scorecards/queries';
import type { SkillRatingValue } from '@/lib/scorecards/schemas';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });
let admin: Ctx;
let openingId: string;
let A: string; // weight 60
let B: string; // weight 40
const raters: Ctx[] = [];
const candidateIds: Record<string, string> = {};

async function score(rater: Ctx, interviewId: string, ratings: Record<string, SkillRatingValue>, recommendation: 'strong_no' | 'no' | 'yes' | 'strong_yes') {
  const { scorecard } = await openScorecard(rater, { interviewId });
  const { revision } = await saveScorecard(rater, { scorecardId: scorecard.id, baseRevision: scorecard.revision, ratings, recommendation });
  await submitScorecard(rater, { scorecardId: scorecard.id, baseRevision: revision });
}

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db, 'Dashboard Co')).ctx;
  const bySlug = Object.fromEntries((await t.db.select().from(skills)).map((s) => [s.slug, s.id]));
  A = bySlug['sql-databases']!;
  B = bySlug['communication']!;
  const { kitId } = await createKit(admin, { name: 'Fixture kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 60 });
  const question = (await searchQuestions(admin, { skill: A, pageSize: 1 })).rows[0]!;
  await saveKitDraft(admin, {
    kitId, revision: 0, name: 'Fixture kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 60,
    weights: [{ skillId: A, weight: 60 }, { skillId: B, weight: 40 }],
    sections: [{ title: 'All', items: [{ questionVersionId: question.versionId, minutes: 20 }] }],
  });
  await publishKit(admin, { kitId, revision: 1 });
  ({ openingId } = await createOpening(admin, { title: 'Fixture opening', level: 'mid', stages: [{ name: 'Technical', kitId, durationMinutes: 60 }] }));
  const stageId = (await getOpening(admin, openingId)).stages[0]!.id;
  for (let i = 0; i < 3; i++) raters.push((await addMember(t.db, admin.organizationId, 'interviewer')).ctx);
  const interviewOf = async (name: string) => {
    const { candidateId } = await createCandidate(admin, { name, email: `${name.toLowerCase()}@example.test`, openingId });
    candidateIds[name] = candidateId;
    const applicationId = (await getCandidate(admin, candidateId)).applications[0]!.id;
    return (await scheduleInterview(admin, { applicationId, openingStageId: stageId, scheduledAt: new Date().toISOString(), durationMinutes: 60, panelUserIds: raters.map((r) => r.userId) })).interviewId;
  };
  // Ana: A rated 1, 3, 4 (mean 8/3, range 3 → disagreement); B rated 3, 3 and one "no evidence".
  const ana = await interviewOf('Ana');
  await score(raters[0]!, ana, { [A]: 1, [B]: 3 }, 'no');
  await score(raters[1]!, ana, { [A]: 3, [B]: 3 }, 'yes');
  await score(raters[2]!, ana, { [A]: 4, [B]: 'no_evidence' }, 'strong_yes');
  // Ben: A rated 2, 2, 2; B never evidenced; one draft that must not count.
  const ben = await interviewOf('Ben');
  await score(raters[0]!, ben, { [A]: 2, [B]: 'no_evidence' }, 'no');
  await score(raters[1]!, ben, { [A]: 2, [B]: 'no_evidence' }, 'no');
  await score(raters[2]!, ben, { [A]: 2, [B]: 'no_evidence' }, 'strong_no');
  const draft = await openScorecard(admin, { interviewId: ben }).catch(() => undefined);
  expect(draft).toBeUndefined(); // the admin is not on the panel: no stray draft either
});

describe('opening dashboard grid', () => {
  it('computes means, n, range, sd, composite, coverage, tallies and disagreement like the hand calculation', async () => {
    const grid = await getOpeningGrid(admin, openingId);
    expect(grid.skills.map((s) => [s.skillId, s.weight])).toEqual([
      [A, 60],
      [B, 40],
    ]);
    const [first, second] = grid.candidates;
    expect(first!.name).toBe('Ana');
    expect(first!.cells[A]).toMatchObject({ n: 3, min: 1, max: 4, disagreement: true });
    expect(first!.cells[A]!.mean).toBeCloseTo(8 / 3, 10);
    expect(first!.cells[A]!.sd).toBeCloseTo(Math.sqrt(((1 - 8 / 3) ** 2 + (3 - 8 / 3) ** 2 + (4 - 8 / 3) ** 2) / 3), 10);
    expect(first!.cells[B]).toMatchObject({ mean: 3, n: 2, disagreement: false });
    expect(first!.composite).toBeCloseTo((60 * (8 / 3) + 40 * 3) / 100, 10);
    expect(first!.coverage).toBe(1);
    expect(first!.recommendations).toEqual({ strong_no: 0, no: 1, yes: 1, strong_yes: 1 });

    expect(second!.name).toBe('Ben');
    expect(second!.cells[B]).toBeUndefined();
    expect(second!.composite).toBe(2);
    expect(second!.coverage).toBeCloseTo(0.6, 10);
    expect(second!.recommendations).toEqual({ strong_no: 1, no: 2, yes: 0, strong_yes: 0 });
  });

  it('restricted to one candidate, returns exactly that candidate’s grid row', async () => {
    const full = await getOpeningGrid(admin, openingId);
    const one = await getOpeningGrid(admin, openingId, { candidateId: candidateIds.Ben });
    expect(one.skills).toEqual(full.skills);
    expect(one.candidates).toEqual([full.candidates.find((c) => c.name === 'Ben')]);
    expect(one.hiddenCandidates).toBe(0);
    // A recruiter on no panel reads it (scorecard:read_all), the same row as the admin's.
    const recruiter = (await addMember(t.db, admin.organizationId, 'recruiter')).ctx;
    expect(await getOpeningGrid(recruiter, openingId, { candidateId: candidateIds.Ben })).toEqual(one);
    const bad = await getOpeningGrid(admin, openingId, { candidateId: 'nope' }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors)).toEqual(['candidateId']);
  });

  it('shows submitted feedback to a recruiter off the panel, refuses interviewers (403) and other organizations (404)', async () => {
    // Recruiters coordinate the debrief: scorecard:read_all, and on no panel the rule has nothing to hold back.
    // (Panelists held to the rule: tests/integration/independent-scoring.test.ts.)
    const recruiter = (await addMember(t.db, admin.organizationId, 'recruiter')).ctx;
    const seen = await getOpeningGrid(recruiter, openingId);
    expect(seen.candidates.map((c) => c.name)).toEqual(['Ana', 'Ben']);
    expect(seen.hiddenCandidates).toBe(0);
    await expect(getOpeningGrid(raters[0]!, openingId)).rejects.toBeInstanceOf(ForbiddenError);
    const other = (await createOrgWithAdmin(t.db)).ctx;
    await expect(getOpeningGrid(other, openingId)).rejects.toBeInstanceOf(NotFoundError);
    expect(Object.keys(candidateIds)).toEqual(['Ana', 'Ben']);
  });
});

describe('calibration', () => {
  it('computes each interviewer’s leniency against the rest of the panel, with n and distribution', async () => {
    const { interviewers, bySkill, byKit } = await getCalibration(admin);
    const of = (ctx: Ctx) => interviewers.find((i) => i.userId === ctx.userId)!;
    // Ana A: 1, 3, 4 → deviations −2.5, +0.5, +2; Ana B: 3, 3 → 0, 0; Ben A: 2, 2, 2 → 0, 0, 0.
    expect(of(raters[0]!).leniency).toBeCloseTo((-2.5 + 0 + 0) / 3, 10);
    expect(of(raters[0]!).leniencyN).toBe(3);
    expect(of(raters[1]!).leniency).toBeCloseTo((0.5 + 0 + 0) / 3, 10);
    expect(of(raters[2]!).leniency).toBeCloseTo((2 + 0) / 2, 10);
    expect(of(raters[2]!).leniencyN).toBe(2);
    expect(of(raters[0]!).distribution).toEqual({ '1': 1, '2': 1, '3': 1, '4': 0 });
    expect(of(raters[0]!).scorecards).toBe(2);
    expect(bySkill.map((r) => r.label).sort()).toEqual(['Communication', 'SQL databases']);
    // Two candidates and three raters: alpha is computed, but no verdict and no interval.
    expect(bySkill.every((r) => r.verdict === 'not enough data' && r.interval === null)).toBe(true);
    expect(bySkill.find((r) => r.label === 'SQL databases')).toMatchObject({ candidates: 2, units: 2 });
    expect(of(raters[0]!).leniencyVerdict).toBe('not enough data'); // 3 shared ratings, not 10
    expect(byKit.map((r) => r.label)).toEqual(['Fixture kit']);
  });

  it('needs dashboard:read and scorecard:read_all (403)', async () => {
    await expect(getCalibration(raters[0]!)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('side-by-side comparison', () => {
  it('returns each candidate’s strongest and weakest skills and the visible feedback', async () => {
    const { candidates } = await compareCandidates(admin, { openingId, candidateIds: [candidateIds.Ana, candidateIds.Ben] });
    expect(candidates.map((c) => c.name)).toEqual(['Ana', 'Ben']);
    expect(candidates[0]!.strongest).toEqual(['Communication']); // 3 > 8/3
    expect(candidates[0]!.weakest).toEqual(['SQL databases']);
    expect(candidates[1]!.strongest).toEqual(['SQL databases']);
    expect(candidates[1]!.weakest).toEqual([]);
    expect(candidates[0]!.scorecards).toHaveLength(3);
  });

  it('needs 2–5 candidates whose feedback the viewer can see', async () => {
    const one = await compareCandidates(admin, { openingId, candidateIds: [candidateIds.Ana] }).catch((e) => e);
    expect(one).toBeInstanceOf(ValidationError);
    expect(Object.keys(one.fieldErrors)).toEqual(['candidateIds']);
    await expect(compareCandidates(raters[0]!, { openingId, candidateIds: [candidateIds.Ana, candidateIds.Ben] })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('running tallies (db/analytics.ts)', () => {
  async function tallies() {
    const org = admin.organizationId;
    const round = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(9)) : v])));
    return {
      cells: await t.db.select().from(applicationSkillTallies).where(eq(applicationSkillTallies.organizationId, org)).orderBy(applicationSkillTallies.applicationId, applicationSkillTallies.skillId),
      interviewers: round(await t.db.select().from(interviewerTallies).where(and(eq(interviewerTallies.organizationId, org), gt(interviewerTallies.scorecards, 0))).orderBy(interviewerTallies.userId)),
      questions: round(
        (await t.db.select().from(questionTallies).where(eq(questionTallies.organizationId, org)).orderBy(questionTallies.openingId, questionTallies.questionId)).filter((q) => q.timesAsked > 0 || q.applications > 0),
      ),
      // Rows emptied by a reopen linger at 0; a rebuild does not create them.
      patterns: (await t.db.select().from(reliabilityPatterns).where(eq(reliabilityPatterns.organizationId, org)).orderBy(reliabilityPatterns.grouping, reliabilityPatterns.groupId, reliabilityPatterns.n1, reliabilityPatterns.n2, reliabilityPatterns.n3, reliabilityPatterns.n4)).filter((r) => r.units !== 0),
      groups: (await t.db.select().from(reliabilityGroups).where(eq(reliabilityGroups.organizationId, org)).orderBy(reliabilityGroups.grouping, reliabilityGroups.groupId)).filter((r) => r.candidates !== 0),
      raters: (await t.db.select().from(reliabilityRaters).where(eq(reliabilityRaters.organizationId, org)).orderBy(reliabilityRaters.grouping, reliabilityRaters.groupId, reliabilityRaters.userId)).filter((r) => r.ratings !== 0),
    };
  }

  it('stay equal to a rebuild from the ratings through a reopen and a new submit', async () => {
    const expectMatchesRebuild = async () => {
      const running = await tallies();
      await rebuildScoreAnalytics(t.db, admin.organizationId);
      expect(running).toEqual(await tallies());
    };
    await expectMatchesRebuild();
    const ana = (await listCandidateFeedback(admin, { candidateId: candidateIds.Ana })).scorecards.find((s) => s.interviewerUserId === raters[0]!.userId)!;
    await reopenScorecard(admin, { scorecardId: ana.id, reason: 'Rated against the wrong kit version' });
    await expectMatchesRebuild();
    // With the 1 gone, Ana's A is 3 and 4: n 2, mean 3.5, no disagreement.
    const reopened = (await getOpeningGrid(admin, openingId)).candidates.find((c) => c.name === 'Ana')!;
    expect(reopened.cells[A]).toMatchObject({ n: 2, mean: 3.5, min: 3, max: 4, disagreement: false });
    const { scorecard } = await openScorecard(raters[0]!, { interviewId: ana.interviewId });
    await submitScorecard(raters[0]!, { scorecardId: scorecard.id, baseRevision: scorecard.revision });
    await expectMatchesRebuild();
    expect((await getOpeningGrid(admin, openingId)).candidates.find((c) => c.name === 'Ana')!.cells[A]).toMatchObject({ n: 3, min: 1, max: 4 });
  });
});
