// Reliability on the calibration page, end to end through the running tallies: Krippendorff's
// thresholds, "not enough data" decided by distinct candidates and raters the same way for skills
// and kits, the bootstrap interval (recomputed here from the ratings with the same seeded
// resampling), each interviewer's leniency interval (against a hand calculation), and migration
// 0016's backfill of the new tallies.
// (The alpha arithmetic itself is checked against published examples in tests/unit/krippendorff.test.ts.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rebuildScoreAnalytics } from '@/db/analytics';
import { skills } from '@/db/schema';
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

// --- An independent bootstrap, written plainly from the definitions ------------------------------
// It shares no code with lib/dashboard: the seed, the generator, alpha and the quantiles are
// rewritten here from what lib/dashboard/krippendorff.ts documents (percentile bootstrap over
// units, Hayes & Krippendorff 2007; units in ascending order of their rating counts; 1,000
// replicates; 95 %; type-7 quantiles), so a change to any of them shows up as a different figure.

/** The group's seed: FNV-1a (32 bit) of "skill:<id>" or "kit:<id>", as lib/dashboard/calibration.ts seeds it. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Mulberry32, uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ordinal alpha (Krippendorff 2011) of units given as their lists of ratings 1–4; null without expected disagreement. */
function ordinalAlpha(units: readonly (readonly number[])[]): number | null {
  const o = [1, 2, 3, 4].map(() => [0, 0, 0, 0]);
  for (const ratings of units) {
    if (ratings.length < 2) continue;
    for (let i = 0; i < ratings.length; i++) {
      for (let j = 0; j < ratings.length; j++) if (i !== j) o[ratings[i]! - 1]![ratings[j]! - 1]! += 1 / (ratings.length - 1);
    }
  }
  const nc = o.map((row) => row.reduce((sum, x) => sum + x, 0));
  const n = nc.reduce((sum, x) => sum + x, 0);
  const delta2 = (c: number, k: number) => {
    let between = 0;
    for (let g = Math.min(c, k); g <= Math.max(c, k); g++) between += nc[g]!;
    return (between - (nc[c]! + nc[k]!) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < 4; c++) {
    for (let k = 0; k < 4; k++) {
      observed += o[c]![k]! * delta2(c, k);
      expected += nc[c]! * nc[k]! * delta2(c, k);
    }
  }
  return expected === 0 ? null : 1 - ((n - 1) * observed) / expected;
}

function type7Quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const below = sorted[Math.floor(h)]!;
  const above = sorted[Math.min(Math.floor(h) + 1, sorted.length - 1)]!;
  return below + (h - Math.floor(h)) * (above - below);
}

function independentBootstrap(units: readonly (readonly number[])[], seed: number) {
  const countsKey = (ratings: readonly number[]) => [1, 2, 3, 4].map((v) => ratings.filter((x) => x === v).length);
  const ordered = [...units].sort((a, b) => {
    const [ka, kb] = [countsKey(a), countsKey(b)];
    return ka.map((x, i) => x - kb[i]!).find((d) => d !== 0) ?? 0;
  });
  const random = mulberry32(seed);
  const alphas: number[] = [];
  for (let replicate = 0; replicate < 1000; replicate++) {
    const resample = ordered.map(() => ordered[Math.floor(random() * ordered.length)]!);
    const a = ordinalAlpha(resample);
    if (a !== null) alphas.push(a);
  }
  alphas.sort((x, y) => x - y);
  return {
    low: type7Quantile(alphas, 0.025),
    high: type7Quantile(alphas, 0.975),
    replicates: alphas.length,
    belowTentative: alphas.filter((a) => a < 0.667).length / alphas.length,
    belowReliable: alphas.filter((a) => a < 0.8).length / alphas.length,
  };
}

describe('the intervals on the calibration page, recomputed independently', () => {
  it('gives each skill and the kit the bootstrap interval a plain re-implementation finds with the same seed', async () => {
    const loop = await panelOfThreeRatingSixCandidates();
    const [first, second] = loop.kit.skillIds as [string, string];
    const secondSkill = FIRST_SKILL.map((row, c) => row.map((v, r) => Math.min(4, (v as number) + ((c + r) % 2))));
    const firstSkill = FIRST_SKILL.map((row) => row.map((v) => v as number));
    const names = new Map((await t.db.select({ id: skills.id, name: skills.name }).from(skills).where(inArray(skills.id, [first, second]))).map((s) => [s.id, s.name]));
    const { bySkill, byKit } = await getCalibration(loop.admin.ctx);

    const groups = [
      { row: bySkill.find((r) => r.label === names.get(first))!, units: firstSkill, seed: fnv1a(`skill:${first}`) },
      { row: bySkill.find((r) => r.label === names.get(second))!, units: secondSkill, seed: fnv1a(`skill:${second}`) },
      { row: byKit[0]!, units: [...firstSkill, ...secondSkill], seed: fnv1a(`kit:${loop.kit.kitId}`) },
    ];
    for (const { row, units, seed } of groups) {
      expect(row.alpha).toBeCloseTo(ordinalAlpha(units)!, 12);
      const expected = independentBootstrap(units, seed);
      expect(row.interval).not.toBeNull();
      expect(row.interval!.replicates).toBe(expected.replicates);
      expect(row.interval!.level).toBe(0.95);
      expect(row.interval!.low).toBeCloseTo(expected.low, 10);
      expect(row.interval!.high).toBeCloseTo(expected.high, 10);
      expect(row.interval!.belowTentative).toBeCloseTo(expected.belowTentative, 10);
      expect(row.interval!.belowReliable).toBeCloseTo(expected.belowReliable, 10);
      // Six candidates: the interval is wide, which is the point of showing it.
      expect(expected.high - expected.low).toBeGreaterThan(0.2);
    }
  });

  it('gives each interviewer the leniency interval of the hand calculation', async () => {
    const loop = await panelOfThreeRatingSixCandidates();
    const { interviewers } = await getCalibration(loop.admin.ctx);
    // Deviation = own rating − mean of the other two raters' ratings of the same candidate and skill.
    // Ratings by candidate (raters 0, 1, 2): first skill 443 121 333 221 434 212; second skill
    // (first + (candidate + rater) mod 2, at most 4) 443 222 343 322 444 313.
    //   rater 0: first 0.5 −0.5 0 0.5 0.5 0.5, second 0.5 0 −0.5 1 0 1 → n 12, Σd 3.5, Σd² 3.75
    //   rater 1: first 0.5 1 0 0.5 −1 −1,      second 0.5 0 1 −0.5 0 −2 → n 12, Σd −1, Σd² 9
    //   rater 2: first −1 −0.5 0 −1 0.5 0.5,   second −1 0 −0.5 −0.5 0 1 → n 12, Σd −2.5, Σd² 5.25
    // Mean ± t(.975, 11) · s/√12 with s² = (Σd² − (Σd)²/12)/11 and t(.975, 11) = 2.200985 (tables):
    //   rater 0: mean .291667, s² = (3.75 − 1.020833)/11 = .248106, s/√12 = .143790, ± .316479 → [−.024813, .608146]
    //   rater 1: mean −.083333, s² = (9 − .083333)/11 = .810606, s/√12 = .259905, ± .572047 → [−.655380, .488713]
    //   rater 2: mean −.208333, s² = (5.25 − .520833)/11 = .429924, s/√12 = .189280, ± .416603 → [−.624936, .208270]
    // Each interval holds both a lean beyond ±.25 and none: "unclear", although n ≥ 10.
    // (The app's t comes from a Cornish–Fisher expansion, 2.200872 at 11 df: the bounds agree to 4 places.)
    const expected = [
      { mean: 0.291667, low: -0.024813, high: 0.608146 },
      { mean: -0.083333, low: -0.65538, high: 0.488713 },
      { mean: -0.208333, low: -0.624936, high: 0.20827 },
    ];
    for (const [r, member] of loop.panel.entries()) {
      const shown = interviewers.find((i) => i.userId === member.user.id)!;
      expect(shown.leniencyN).toBe(12);
      expect(shown.leniency).toBeCloseTo(expected[r]!.mean, 6);
      expect(shown.leniencyInterval!.n).toBe(12);
      expect(shown.leniencyInterval!.low).toBeCloseTo(expected[r]!.low, 4);
      expect(shown.leniencyInterval!.high).toBeCloseTo(expected[r]!.high, 4);
      expect(shown.leniencyVerdict).toBe('unclear');
    }
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
