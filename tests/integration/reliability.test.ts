// Reliability on the calibration page, end to end through the running tallies: Krippendorff's
// thresholds, "not enough data" decided by distinct candidates and raters the same way for skills
// and kits, the bootstrap interval, and migration 0016's backfill of the new tallies.
// (The alpha arithmetic itself is checked against published examples in tests/unit/krippendorff.test.ts.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rebuildScoreAnalytics } from '@/db/analytics';
import { getCalibration } from '@/lib/dashboard/calibration';
import { alpha } from '@/lib/dashboard/krippendorff';
import type { SkillRatingValue } from '@/lib/scorecards/schemas';
import { queryRows } from '@/lib/sql';
import { setupTestDatabase } from './support/database';
import { makeApplicant, makeInterview, makeInterviewLoop, makeSubmittedScorecard } from './support/factories';

// Runs a migration's statements on the connection itself.
const t = setupTestDatabase({ isolation: 'file' });

// Candidates × raters: ratings of the loop's first skill; the second skill gets rating + 0 or 1.
const FIRST_SKILL: SkillRatingValue[][] = [
  [4, 4, 3],
  [1, 2, 1],
  [3, 3, 3],
  [2, 2, 1],
  [4, 3, 4],
  [2, 1, 2],
];

async function panelOfThreeRatingSixCandidates() {
  const loop = await makeInterviewLoop(t.db, { extraPanelists: 2 });
  const [first, second] = loop.kit.skillIds as [string, string];
  const secondRating = (v: SkillRatingValue, i: number): SkillRatingValue => (typeof v === 'number' ? (Math.min(4, v + (i % 2)) as SkillRatingValue) : v);
  for (const [c, row] of FIRST_SKILL.entries()) {
    const applicationId = c === 0 ? loop.applicationId : (await makeApplicant(loop.recruiter.ctx, { openingId: loop.opening.openingId })).applicationId;
    const interviewId = c === 0 ? loop.interviewId : await makeInterview(loop.recruiter.ctx, { applicationId, stageId: loop.opening.stageIds[0]!, panel: loop.panel.map((p) => p.ctx) });
    for (const [r, rating] of row.entries()) {
      await makeSubmittedScorecard(loop.panel[r]!.ctx, { interviewId, ratings: { [first]: rating, [second]: secondRating(rating, c + r) } });
    }
  }
  return loop;
}

describe('reliability on the calibration page', () => {
  it('counts candidates and interviewers, not units, and gives a Krippendorff verdict with its interval', async () => {
    const loop = await panelOfThreeRatingSixCandidates();
    const { bySkill, byKit } = await getCalibration(loop.admin.ctx);
    expect(bySkill).toHaveLength(2);
    const [first] = bySkill.filter((r) => r.units === 6 && r.candidates === 6 && r.raters === 3);
    expect(first).toBeDefined();
    const expected = alpha(
      FIRST_SKILL.map((row) => ({ counts: [1, 2, 3, 4].map((v) => row.filter((x) => x === v).length), units: 1 })),
      [1, 2, 3, 4],
      'ordinal',
    )!;
    const row = bySkill.find((r) => r.alpha !== null && Math.abs(r.alpha - expected) < 1e-9)!;
    expect(row).toMatchObject({ candidates: 6, raters: 3, units: 6 });
    expect(row.verdict).toBe(expected >= 0.8 ? 'reliable' : expected >= 0.667 ? 'tentative' : 'unreliable');
    expect(row.interval!.low).toBeLessThanOrEqual(expected);
    expect(row.interval!.high).toBeGreaterThanOrEqual(expected);
    expect(row.summary).toContain('95% interval');
    // By kit: one kit, six candidates, three raters — and 12 units (6 candidates × 2 skills), which
    // is not what the "Candidates" column shows.
    expect(byKit).toHaveLength(1);
    expect(byKit[0]).toMatchObject({ candidates: 6, raters: 3, units: 12 });
    // The same page twice shows the same interval (seeded per group).
    expect((await getCalibration(loop.admin.ctx)).bySkill).toEqual(bySkill);
  });

  it('says "not enough data" below five candidates, whatever alpha is', async () => {
    const loop = await makeInterviewLoop(t.db, { extraPanelists: 2 });
    const [first, second] = loop.kit.skillIds as [string, string];
    for (const [r, panelist] of loop.panel.entries()) {
      await makeSubmittedScorecard(panelist.ctx, { interviewId: loop.interviewId, ratings: { [first]: r === 0 ? 1 : 4, [second]: 3 } });
    }
    const { bySkill, byKit } = await getCalibration(loop.admin.ctx);
    expect(bySkill.map((r) => [r.candidates, r.raters, r.verdict, r.interval])).toEqual([
      [1, 3, 'not enough data', null],
      [1, 3, 'not enough data', null],
    ]);
    expect(byKit.map((r) => r.verdict)).toEqual(['not enough data']);
    expect(bySkill[0]!.summary).toMatch(/^Not enough data yet/);
  });
});

describe('migration 0016', () => {
  it('backfills the reliability tallies and squared deviations to what a rebuild computes', async () => {
    const loop = await panelOfThreeRatingSixCandidates();
    const org = loop.organizationId;
    const snapshot = async () => ({
      patterns: await queryRows(t.db, sql`select grouping, group_id, n1, n2, n3, n4, units from reliability_patterns where organization_id = ${org} and units <> 0 order by 1, 2, 3, 4, 5, 6`),
      groups: await queryRows(t.db, sql`select grouping, group_id, candidates from reliability_groups where organization_id = ${org} and candidates <> 0 order by 1, 2`),
      raters: await queryRows(t.db, sql`select grouping, group_id, user_id, ratings from reliability_raters where organization_id = ${org} and ratings <> 0 order by 1, 2, 3`),
      squares: await queryRows(t.db, sql`select user_id, round(deviation_squares_sum::numeric, 9) as s from interviewer_tallies where organization_id = ${org} order by 1`),
    });
    await rebuildScoreAnalytics(t.db, org);
    const rebuilt = await snapshot();
    expect(rebuilt.patterns.length).toBeGreaterThan(0);

    // The state before 0016: no reliability tallies, no squared deviations.
    for (const table of ['reliability_patterns', 'reliability_groups', 'reliability_raters']) await t.db.execute(sql`delete from ${sql.identifier(table)}`);
    await t.db.execute(sql`update interviewer_tallies set deviation_squares_sum = 0`);
    const migration = readFileSync(path.join(import.meta.dirname, '../../drizzle/0016_reliability_patterns.sql'), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').filter((s) => /^\s*(--.*\n\s*)*WITH\b/.test(s));
    expect(backfill).toHaveLength(2);
    for (const statement of backfill) await t.db.execute(sql.raw(statement));

    expect(await snapshot()).toEqual(rebuilt);
  });
});
