// Krippendorff's alpha over unit patterns, checked against published worked examples with
// different shapes (binary and five nominal values without missing data, missing values, units
// rated once, an unrated unit, 2, 3 and 4 raters), and its
// bootstrap interval and verdict rules.
import { describe, expect, it } from 'vitest';
import { alpha, bootstrapAlphaInterval, describeReliability, patternsFromTable, reliabilityVerdict, type UnitPattern } from '@/lib/dashboard/krippendorff';
import { leniencyVerdict } from '@/lib/dashboard/leniency';
import { correlationInterval, meanInterval, normalQuantile, studentT } from '@/lib/dashboard/statistics';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
// Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43), section A:
// binary data, 2 observers, 10 units, no missing data; published nominal α = .095.
// By hand: 5 units 0–0, 1 unit 1–1, 4 units 0–1 → o₀₀ = 10, o₁₁ = 2, o₀₁ = o₁₀ = 4; n₀ = 14,
// n₁ = 6, n = 20; α = 1 − (n − 1)·o₀₁ / (n₀·n₁) = 1 − 19·4/84 = 8/84 = .0952.
const KRIPPENDORFF_2011_A = [
  [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
];

// The same paper, section B: nominal data, 2 observers, 12 units, values a–e, no missing data;
// published nominal α = .692. The letters are numbered a = 1 … e = 5 (nominal α ignores the order).
// By hand: 3 disagreeing units (a–b, d–b, a–d) → Σ off-diagonal o = 6; n_a = 4, n_b = 6, n_c = 6,
// n_d = 6, n_e = 2, n = 24; α = 1 − (n − 1)·6 / (n² − Σn_c²) = 1 − 23·6/(576 − 128) = 310/448 = .6920.
const lettersToNumbers = (codes: string) => codes.split(' ').map((letter) => 'abcde'.indexOf(letter) + 1);
const KRIPPENDORFF_2011_B = [lettersToNumbers('a a b b d c c c e d d a'), lettersToNumbers('b a b b b c c c e d d d')];

// The same paper, sections C (nominal) and D (other metrics), on one data set: 4 observers,
// 12 units, values 1–5, missing data; published α nominal .743, ordinal .815, interval .849.
const KRIPPENDORFF_2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

// Wikipedia, "Krippendorff's alpha", section "A computational example" (3 coders, 15 units,
// values 1–4, an unrated unit and units rated once): published α nominal .691, interval .811
// (the fast-krippendorff package's tests pin the same values to six places: .691358, .810845).
const WIKIPEDIA = [
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
];

describe("Krippendorff's alpha over unit patterns", () => {
  it('reproduces Krippendorff (2011) example A (binary, 2 observers, no missing data)', () => {
    const values = [0, 1];
    expect(alpha(patternsFromTable(KRIPPENDORFF_2011_A, values), values, 'nominal')).toBeCloseTo(0.095, 3);
  });

  it('reproduces Krippendorff (2011) example B (nominal, 5 values, 2 observers, no missing data)', () => {
    const values = [1, 2, 3, 4, 5];
    expect(alpha(patternsFromTable(KRIPPENDORFF_2011_B, values), values, 'nominal')).toBeCloseTo(0.692, 3);
  });

  it('reproduces Krippendorff (2011) examples C and D (4 observers, missing data) for nominal, ordinal and interval data', () => {
    const values = [1, 2, 3, 4, 5];
    const patterns = patternsFromTable(KRIPPENDORFF_2011, values);
    expect(alpha(patterns, values, 'nominal')).toBeCloseTo(0.743, 3);
    expect(alpha(patterns, values, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(alpha(patterns, values, 'interval')).toBeCloseTo(0.849, 3);
  });

  it('reproduces the Wikipedia computational example (3 coders, missing values)', () => {
    const values = [1, 2, 3, 4];
    const patterns = patternsFromTable(WIKIPEDIA, values);
    expect(alpha(patterns, values, 'nominal')).toBeCloseTo(0.691358, 6);
    expect(alpha(patterns, values, 'interval')).toBeCloseTo(0.810845, 6);
  });

  it('gives units that share a pattern the weight of their count', () => {
    const values = [1, 2, 3, 4];
    const once = patternsFromTable(WIKIPEDIA, values);
    const twice: UnitPattern[] = once.map((p) => ({ ...p, units: 2 }));
    const doubledTable = WIKIPEDIA.map((row) => [...row, ...row]);
    expect(alpha(twice, values, 'ordinal')).toBeCloseTo(alpha(patternsFromTable(doubledTable, values), values, 'ordinal')!, 12);
  });

  it('is undefined when only one value was ever used', () => {
    expect(alpha([{ counts: [0, 3, 0, 0], units: 4 }], [1, 2, 3, 4], 'ordinal')).toBeNull();
  });
});

describe('the bootstrap interval for alpha', () => {
  const values = [1, 2, 3, 4, 5];
  const patterns = patternsFromTable(KRIPPENDORFF_2011, values);

  it('brackets the estimate, is reproducible from its seed, and moves with the seed', () => {
    const a = bootstrapAlphaInterval(patterns, values, 'ordinal', { seed: 42, replicates: 2000 })!;
    const b = bootstrapAlphaInterval(patterns, values, 'ordinal', { seed: 42, replicates: 2000 })!;
    const c = bootstrapAlphaInterval(patterns, values, 'ordinal', { seed: 7, replicates: 2000 })!;
    expect(a).toEqual(b);
    expect(c.low).not.toBe(a.low);
    expect(a.low).toBeLessThan(0.815);
    expect(a.high).toBeGreaterThan(0.815);
    expect(a.high).toBeLessThanOrEqual(1);
    // 11 units: the interval is wide, and the two seeds agree on it to a few hundredths.
    expect(a.high - a.low).toBeGreaterThan(0.1);
    expect(Math.abs(c.low - a.low)).toBeLessThan(0.06);
  });

  it('does not depend on the order the patterns come in (the database gives no order)', () => {
    const forward = bootstrapAlphaInterval(patterns, values, 'ordinal', { seed: 42 });
    const reversed = bootstrapAlphaInterval([...patterns].reverse(), values, 'ordinal', { seed: 42 });
    expect(reversed).toEqual(forward);
    const many: UnitPattern[] = patterns.map((p) => ({ ...p, units: p.units * 400 })); // the Poisson path too
    expect(bootstrapAlphaInterval([...many].reverse(), values, 'ordinal', { seed: 42 })).toEqual(bootstrapAlphaInterval(many, values, 'ordinal', { seed: 42 }));
  });

  it('narrows as the same pattern of agreement is seen on more candidates', () => {
    const many: UnitPattern[] = patterns.map((p) => ({ ...p, units: p.units * 400 })); // 4,400 units: Poisson resampling
    const small = bootstrapAlphaInterval(patterns, values, 'ordinal', { seed: 1 })!;
    const large = bootstrapAlphaInterval(many, values, 'ordinal', { seed: 1 })!;
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 10);
    expect(large.low).toBeLessThan(0.815);
    expect(large.high).toBeGreaterThan(0.815);
    expect(large.belowReliable).toBeGreaterThan(0.05); // .815 is close to .800: a real chance it is below
    expect(large.belowTentative).toBe(0);
  });

  it('says nothing without two pairable units', () => {
    expect(bootstrapAlphaInterval([{ counts: [1, 1, 0, 0, 0], units: 1 }], values, 'ordinal', { seed: 1 })).toBeNull();
  });
});

describe('reliability verdicts (Krippendorff 2004: ≥ .800 rely, ≥ .667 tentative)', () => {
  it('decides "not enough data" by distinct candidates and raters, before looking at alpha', () => {
    expect(reliabilityVerdict({ alpha: 0.95, candidates: 4, raters: 6 })).toBe('not enough data');
    expect(reliabilityVerdict({ alpha: 0.95, candidates: 20, raters: 2 })).toBe('not enough data');
    expect(reliabilityVerdict({ alpha: null, candidates: 20, raters: 6 })).toBe('not enough data');
    expect(reliabilityVerdict({ alpha: 0.8, candidates: 5, raters: 3 })).toBe('reliable');
    expect(reliabilityVerdict({ alpha: 0.799, candidates: 5, raters: 3 })).toBe('tentative');
    expect(reliabilityVerdict({ alpha: 0.667, candidates: 5, raters: 3 })).toBe('tentative');
    expect(reliabilityVerdict({ alpha: 0.66, candidates: 5, raters: 3 })).toBe('unreliable');
  });

  it('explains itself in plain language, interval included', () => {
    const interval = { low: 0.61, high: 0.88, level: 0.95, replicates: 1000, belowTentative: 0.08, belowReliable: 0.42 };
    expect(describeReliability({ alpha: 0.81, candidates: 12, raters: 4 }, interval)).toBe(
      'Interviewers agree well enough to rely on these ratings. The 95% interval runs from 0.61 to 0.88; 42% of resamples fall below .800.',
    );
    expect(describeReliability({ alpha: 0.9, candidates: 3, raters: 2 }, null)).toMatch(/^Not enough data yet: .* \(now 3 and 2\)\.$/);
  });
});

describe('leniency with its uncertainty', () => {
  it('computes the t interval of the mean deviation from running sums', () => {
    // Deviations 1, 2, 3, 4: mean 2.5, sd 1.291, t(.975, 3) = 3.182 → ±2.054.
    const i = meanInterval(4, 10, 30)!;
    expect(i.mean).toBe(2.5);
    expect(i.high - i.mean).toBeCloseTo(3.182 * (1.2910 / 2), 1);
  });

  it('gives a verdict only when the interval clears the margin, and never below 10 ratings', () => {
    expect(leniencyVerdict(meanInterval(7, 7 * 0.8, 7 * 0.8 ** 2 + 6 * 0.01))).toBe('not enough data');
    expect(leniencyVerdict({ mean: 0.6, low: 0.3, high: 0.9, n: 30 })).toBe('lenient');
    expect(leniencyVerdict({ mean: -0.6, low: -0.9, high: -0.3, n: 30 })).toBe('severe');
    expect(leniencyVerdict({ mean: 0.05, low: -0.1, high: 0.2, n: 30 })).toBe('in line');
    expect(leniencyVerdict({ mean: 0.3, low: -0.2, high: 0.8, n: 12 })).toBe('unclear');
  });
});

describe('distribution helpers', () => {
  it('match tabulated quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 6);
    expect(studentT(0.95, 9)).toBeCloseTo(2.262, 2);
    expect(studentT(0.95, 29)).toBeCloseTo(2.045, 3);
  });

  it('puts a Fisher z interval around r', () => {
    // r = .5 with n = 28: z = atanh(.5) = .549306 ± 1.959964/√25 = ± .391993 → (.157313, .941299);
    // tanh → (.156028, .735818), the textbook (.156, .736) (as tests/unit/validity-statistics.test.ts).
    const ci = correlationInterval(0.5, 28)!;
    expect(ci.low).toBeCloseTo(0.156028, 5);
    expect(ci.high).toBeCloseTo(0.735818, 5);
    expect(correlationInterval(0.5, 3)).toBeNull();
  });
});
