// Agreement figures of calibration exercises (lib/training/agreement.ts): quadratic-weighted
// kappa against published values and a contingency-table calculation by hand, the half-point
// medians peers can produce, the minimum below which no figure is shown, and the team's alpha.
import { describe, expect, it } from 'vitest';
import { alpha, patternsFromTable } from '@/lib/dashboard/krippendorff';
import { describeKappa, describeTeamAgreement, MIN_SAMPLES, pairSums, peerAgreement, quadraticWeightedKappa, referenceAgreement, teamAgreement } from '@/lib/training/agreement';
import { ROLES, roleHasPermission } from '@/lib/auth/permissions';

const zip = (xs: number[], ys: number[]) => xs.map((x, i) => [x, ys[i]!] as const);

describe('quadratic-weighted kappa', () => {
  it('matches the published examples of Maple’s EssayTools[QuadraticWeightedKappa] help page', () => {
    // maplesoft.com/support/help/Maple/view.aspx?path=EssayTools/QuadraticWeightedKappa, Examples 1 and 2.
    const first = [9, 7, 8, 7, 6, 8, 3, 5, 10];
    expect(quadraticWeightedKappa(pairSums(zip(first, [8, 8, 6, 6, 7, 6, 1, 4, 8])))).toBeCloseTo(0.758620689655172, 12);
    expect(quadraticWeightedKappa(pairSums(zip(first, [3, 5, 6, 6, 7, 6, 1, 4, 8])))).toBeCloseTo(0.438095238095238, 12);
  });

  it('equals the contingency-table definition, 1 − Σw·O / Σw·E, on a hand-computed 4-point example', () => {
    // Trainee x and reference y on eight samples; weights (i − j)².
    // Observed: four exact, four one point apart → Σw·O / n = 4 / 8 = 0.5.
    // Marginals: x = 2, 2, 2, 2 of 1..4; y = 1, 3, 3, 1. Expected Σ p_i q_j (i − j)²
    //   = (1/8)·3.5 + (3/8)·1.5 + (3/8)·1.5 + (1/8)·3.5 = 2.0 (each bracket is ¼·Σ_i (i − j)² for one j).
    // κ = 1 − 0.5 / 2.0 = 0.75.
    const x = [1, 2, 3, 4, 2, 3, 4, 1];
    const y = [1, 2, 3, 4, 3, 2, 3, 2];
    expect(quadraticWeightedKappa(pairSums(zip(x, y)))).toBeCloseTo(0.75, 12);
    expect(contingencyKappa(x, y)).toBeCloseTo(0.75, 12);
  });

  it('is 1 for perfect agreement, negative for reversed ratings, and undefined when nobody varies', () => {
    expect(quadraticWeightedKappa(pairSums(zip([1, 2, 3, 4], [1, 2, 3, 4])))).toBeCloseTo(1, 12);
    expect(quadraticWeightedKappa(pairSums(zip([1, 2, 3, 4], [4, 3, 2, 1])))!).toBeLessThan(0);
    expect(quadraticWeightedKappa(pairSums(zip([3, 3, 3], [3, 3, 3])))).toBeNull();
    expect(quadraticWeightedKappa(pairSums([]))).toBeNull();
    // One side constant but not the other: chance disagreement exists, covariance is 0.
    expect(quadraticWeightedKappa(pairSums(zip([3, 3, 3, 3], [2, 3, 4, 3])))).toBeCloseTo(0, 12);
  });

  it('accepts half-point peer medians and agrees with the contingency form on whole numbers', () => {
    const x = [1, 2, 3, 4, 2, 3];
    const y = [1.5, 2, 3.5, 4, 2.5, 3];
    // By hand: mean x = 2.5, mean y = 2.75; var x = 43/6 − 6.25 = 11/12, var y = 49.75/6 − 7.5625 = 35/48,
    // cov = 46/6 − 6.875 = 19/24; κ = 2·(19/24) / (11/12 + 35/48 + (1/4)²) = (76/48) / (82/48) = 38/41.
    expect(quadraticWeightedKappa(pairSums(zip(x, y)))).toBeCloseTo(38 / 41, 12);
    const whole = [4, 1, 2, 2, 3, 4, 1, 3, 2];
    const other = [3, 1, 2, 3, 3, 4, 2, 3, 1];
    expect(quadraticWeightedKappa(pairSums(zip(whole, other)))).toBeCloseTo(contingencyKappa(whole, other), 12);
  });
});

/** The textbook computation over a k × k table (Cohen 1968), for comparison with the moment form. */
function contingencyKappa(x: number[], y: number[]): number {
  const k = 4;
  const n = x.length;
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  x.forEach((xi, i) => (observed[xi - 1]![y[i]! - 1]! += 1 / n));
  const rows = observed.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = observed[0]!.map((_, j) => observed.reduce((a, r) => a + r[j]!, 0));
  let o = 0;
  let e = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = (i - j) ** 2;
      o += w * observed[i]![j]!;
      e += w * rows[i]! * cols[j]!;
    }
  }
  return 1 - o / e;
}

describe('what the training pages may show', () => {
  it(`gives counts always but shares and kappa only from ${MIN_SAMPLES} samples`, () => {
    const four = pairSums(zip([3, 2, 4, 1], [3, 3, 4, 3]));
    expect(referenceAgreement({ ...four, exact: 2, withinOne: 3 })).toEqual({ n: 4, exact: 2, withinOne: 3, enough: false, exactShare: null, withinOneShare: null, kappa: null });
    const five = pairSums(zip([3, 2, 4, 1, 2], [3, 3, 4, 3, 2]));
    const figures = referenceAgreement({ ...five, exact: 3, withinOne: 4 });
    expect(figures).toMatchObject({ n: 5, enough: true, exactShare: 0.6, withinOneShare: 0.8 });
    expect(figures.kappa).toBeCloseTo(quadraticWeightedKappa(five)!, 12);
    expect(peerAgreement(four)).toEqual({ n: 4, enough: false, kappa: null });
    expect(peerAgreement(five).enough).toBe(true);
  });

  it('computes the team’s ordinal alpha over samples rated by two or more trainees, with at least 3 trainees', () => {
    // Three trainees (rows) on six samples (columns); the sixth rated once, so it pairs with nothing.
    const table = [
      [1, 2, 3, 4, 2, 3],
      [1, 2, 3, 3, 2, null],
      [2, 2, 3, 4, null, null],
    ];
    const patterns = patternsFromTable(table, [1, 2, 3, 4]);
    const team = teamAgreement(patterns, 3);
    expect(team).toMatchObject({ samples: 5, trainees: 3, enough: true });
    expect(team.alpha).toBeCloseTo(alpha(patterns, [1, 2, 3, 4], 'ordinal')!, 12);
    expect(teamAgreement(patterns, 2)).toMatchObject({ enough: false, alpha: null });
    expect(teamAgreement(patterns.slice(0, 4), 3)).toMatchObject({ samples: 4, enough: false, alpha: null });
    expect(describeTeamAgreement(teamAgreement(patterns.slice(0, 4), 3))).toContain('(now 4 and 3)');
    expect(describeTeamAgreement({ samples: 6, trainees: 3, enough: true, alpha: 0.7 })).toMatch(/0\.70 over 6 samples .* tentative conclusions only/);
    expect(describeTeamAgreement({ samples: 6, trainees: 3, enough: true, alpha: 0.8 })).toMatch(/rely on their ratings/);
  });

  it('reads kappa in Landis & Koch’s bands', () => {
    expect([-0.1, 0.1, 0.3, 0.5, 0.7, 0.9, null].map(describeKappa)).toEqual(['worse than chance', 'slight', 'fair', 'moderate', 'substantial', 'almost perfect', 'not defined']);
  });

  it('lets recruiters and admins manage samples, and nobody else', () => {
    expect(ROLES.filter((r) => roleHasPermission(r, 'training:manage'))).toEqual(['admin', 'recruiter']);
  });
});
