// The adverse-impact arithmetic (lib/fairness/statistics.ts) against hand calculations and
// published values of Fisher's exact test.
import { describe, expect, it } from 'vitest';
import { ROLES, roleHasPermission } from '@/lib/auth/permissions';
import { compareSelectionRates, fisherExactTwoSided, FOUR_FIFTHS_THRESHOLD, logFactorial, MIN_GROUP_SIZE } from '@/lib/fairness/statistics';

describe("Fisher's exact test, two-sided", () => {
  it('reproduces R’s fisher.test on the tea-tasting table (Agresti 1990, p. 61): p = 0.4857', () => {
    // R: TeaTasting <- matrix(c(3, 1, 1, 3), nrow = 2); fisher.test(TeaTasting)$p.value = 0.4857 (= 34/70)
    expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(34 / 70, 12);
  });

  it('reproduces R’s fisher.test on Fisher’s convictions of like-sex twins (Fisher 1962): p = 0.0005367', () => {
    // R: Convictions <- matrix(c(2, 10, 15, 3), nrow = 2); fisher.test(Convictions)$p.value = 0.0005367
    expect(fisherExactTwoSided(2, 15, 10, 3)).toBeCloseTo(0.0005367241, 9);
    expect(fisherExactTwoSided(2, 10, 15, 3)).toBeCloseTo(0.0005367241, 9);
  });

  it('reproduces the dieting example of the Wikipedia article on the test: p = 0.002759', () => {
    // men 1 dieting / 11 not, women 9 / 3 → two-tailed p ≈ 0.002759
    expect(fisherExactTwoSided(1, 9, 11, 3)).toBeCloseTo(0.0027594562, 9);
  });

  it('is symmetric in rows and columns, 1 for a table that cannot vary, and refuses non-counts', () => {
    expect(fisherExactTwoSided(20, 60, 48, 72)).toBeCloseTo(fisherExactTwoSided(48, 72, 20, 60), 12);
    expect(fisherExactTwoSided(20, 60, 48, 72)).toBeCloseTo(fisherExactTwoSided(20, 48, 60, 72), 12);
    expect(fisherExactTwoSided(0, 0, 5, 5)).toBe(1);
    expect(fisherExactTwoSided(5, 0, 5, 0)).toBe(1);
    expect(() => fisherExactTwoSided(1.5, 1, 1, 1)).toThrow(RangeError);
    expect(() => fisherExactTwoSided(-1, 1, 1, 1)).toThrow(RangeError);
  });

  it('stays finite for an opening with thousands of applicants', () => {
    expect(logFactorial(10)).toBeCloseTo(Math.log(3_628_800), 10);
    const p = fisherExactTwoSided(900, 2100, 1300, 1700);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-20);
  });
});

describe('selection rates and impact ratios', () => {
  it('48 of 120 against 20 of 80: ratio 0.625, flagged below four-fifths, with Fisher’s p beside it', () => {
    const [a, b] = compareSelectionRates([
      { group: 'a', pool: 120, selected: 48 },
      { group: 'b', pool: 80, selected: 20 },
    ]);
    expect(a).toMatchObject({ suppressed: false, rate: 0.4, reference: true, impactRatio: null, flagged: false, fisherP: null });
    expect(b).toMatchObject({ suppressed: false, rate: 0.25, reference: false, flagged: true });
    if (b!.suppressed) throw new Error('unexpected');
    expect(b!.impactRatio).toBeCloseTo(0.625, 12);
    // Exact: Σ of hypergeometric probabilities ≤ P(observed) for [[20, 60], [48, 72]], computed with rational arithmetic.
    expect(b!.fisherP).toBeCloseTo(0.0331607409, 9);
  });

  it('flags strictly below 0.80: exactly four-fifths passes', () => {
    const [, b] = compareSelectionRates([
      { group: 'a', pool: 10, selected: 5 },
      { group: 'b', pool: 10, selected: 4 },
    ]);
    expect(FOUR_FIFTHS_THRESHOLD).toBe(0.8);
    expect(b).toMatchObject({ impactRatio: 0.8, flagged: false });
  });

  it('suppresses groups under 5: no counts, no rate, never the reference even with the highest rate', () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    const results = compareSelectionRates([
      { group: 'small', pool: 4, selected: 4 },
      { group: 'a', pool: 10, selected: 6 },
      { group: 'b', pool: 5, selected: 3 },
    ]);
    expect(results[0]).toEqual({ group: 'small', suppressed: true });
    expect(results[1]).toMatchObject({ reference: true });
    expect(results[2]).toMatchObject({ reference: false, impactRatio: 1, flagged: false });
  });

  it('breaks a tie for the highest rate by the larger group, and gives no ratio when nobody was selected', () => {
    const tie = compareSelectionRates([
      { group: 'a', pool: 10, selected: 5 },
      { group: 'b', pool: 20, selected: 10 },
    ]);
    expect(tie[1]).toMatchObject({ reference: true });
    const none = compareSelectionRates([
      { group: 'a', pool: 10, selected: 0 },
      { group: 'b', pool: 20, selected: 0 },
    ]);
    expect(none.every((g) => !g.suppressed && g.impactRatio === null && !g.flagged)).toBe(true);
  });
});

describe('eeo:read', () => {
  it('belongs to admins only by default', () => {
    expect(ROLES.filter((r) => roleHasPermission(r, 'eeo:read'))).toEqual(['admin']);
  });
});
