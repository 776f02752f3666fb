// The predictive-validity arithmetic (lib/validity/statistics.ts) against hand calculations and a
// textbook value of Fisher's z interval, plus the checkpoint timing rules of lib/outcomes/schemas.ts.
import { describe, expect, it } from 'vitest';
import { ROLES, roleHasPermission } from '@/lib/auth/permissions';
import { correlationInterval } from '@/lib/dashboard/statistics';
import { checkpointStatus, OVERDUE_AFTER_DAYS } from '@/lib/outcomes/schemas';
import {
  assessValidity,
  MIN_VALIDITY_N,
  type PairSums,
  pearsonFromSums,
  readValidity,
  sampleSd,
  suggestionChangesWeights,
  suggestWeights,
  type ValidityResult,
} from '@/lib/validity/statistics';

const sumsOf = (pairs: [number, number][]): PairSums => ({
  n: pairs.length,
  sx: pairs.reduce((s, [x]) => s + x, 0),
  sy: pairs.reduce((s, [, y]) => s + y, 0),
  sxx: pairs.reduce((s, [x]) => s + x * x, 0),
  syy: pairs.reduce((s, [, y]) => s + y * y, 0),
  sxy: pairs.reduce((s, [x, y]) => s + x * y, 0),
});

// Ten hires: interview score x, outcome y.
// By hand: n = 10, Σx = 25, Σy = 27, Σx² = 73, Σy² = 81, Σxy = 75;
// Sxx = 73 − 25²/10 = 10.5, Syy = 81 − 27²/10 = 8.1, Sxy = 75 − 25·27/10 = 7.5;
// r = 7.5 / √(10.5 · 8.1) = 7.5 / 9.22226 = 0.813250.
// Fisher: z = atanh(0.813250) = ½ ln(1.813250 / 0.186750) = 1.136553; SE = 1/√(10 − 3) = 0.377964;
// z ± 1.959964 · 0.377964 = 1.136553 ± 0.740797 → [0.395756, 1.877350]; tanh → [0.376312, 0.954256].
const TEN: [number, number][] = [
  [1, 1],
  [1, 2],
  [2, 2],
  [2, 3],
  [2, 2],
  [3, 3],
  [3, 3],
  [3, 4],
  [4, 3],
  [4, 4],
];

describe("Pearson's r from sums", () => {
  it('matches the hand calculation', () => {
    const sums = sumsOf(TEN);
    expect(sums).toEqual({ n: 10, sx: 25, sy: 27, sxx: 73, syy: 81, sxy: 75 });
    expect(pearsonFromSums(sums)).toBeCloseTo(0.81325, 5);
  });

  it('is ±1 for exact lines and null when a side does not vary', () => {
    expect(pearsonFromSums(sumsOf([[1, 1], [2, 2], [3, 3]]))).toBeCloseTo(1, 12);
    expect(pearsonFromSums(sumsOf([[1, 4], [2, 3], [3, 2]]))).toBeCloseTo(-1, 12);
    expect(pearsonFromSums(sumsOf([[1, 2], [2, 2], [3, 2]]))).toBeNull();
    expect(pearsonFromSums(sumsOf([[1, 2]]))).toBeNull();
  });
});

// The interval is lib/dashboard/statistics.ts's correlationInterval, the one question separation uses too.
describe("Fisher's z interval", () => {
  it('matches the hand calculation for the ten hires', () => {
    const { low, high } = correlationInterval(0.81325006, 10)!;
    expect(low).toBeCloseTo(0.376312, 5);
    expect(high).toBeCloseTo(0.954256, 5);
  });

  it('reproduces the textbook r = .5, n = 28 example: z = .5493 ± 1.96 · 0.2 → [.156, .736]', () => {
    const { low, high } = correlationInterval(0.5, 28)!;
    expect(low).toBeCloseTo(0.156, 3);
    expect(high).toBeCloseTo(0.736, 3);
  });

  it('stays finite at r = ±1 and gives nothing for n ≤ 3 or an undefined r', () => {
    for (const r of [1, -1]) {
      const { low, high } = correlationInterval(r, 12)!;
      expect(Number.isFinite(low) && Number.isFinite(high)).toBe(true);
      expect(Math.abs(low)).toBeLessThanOrEqual(1);
      expect(Math.abs(high)).toBeLessThanOrEqual(1);
    }
    expect(correlationInterval(0.5, 3)).toBeNull();
    expect(correlationInterval(null, 12)).toBeNull();
  });
});

describe('assessValidity', () => {
  it(`says "not enough data" below ${MIN_VALIDITY_N} pairs and gives r with its interval from there`, () => {
    expect(assessValidity(sumsOf(TEN.slice(0, MIN_VALIDITY_N - 1)))).toEqual({ status: 'not_enough_data', n: MIN_VALIDITY_N - 1 });
    const result = assessValidity(sumsOf(TEN));
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.n).toBe(10);
    expect(result.r).toBeCloseTo(0.81325, 5);
    expect(result.lower).toBeCloseTo(0.376312, 5);
    expect(result.upper).toBeCloseTo(0.954256, 5);
    expect(result.reading).toBe('A strong relation: higher interview scores went with better outcomes; the interval excludes zero, so chance alone is an unlikely explanation.');
  });

  it('reports no variation instead of a made-up r', () => {
    const flat = Array.from({ length: 12 }, (_, i): [number, number] => [3, (i % 4) + 1]);
    expect(assessValidity(sumsOf(flat))).toEqual({ status: 'no_variation', n: 12 });
  });

  it('reads weak and chance-compatible relations plainly', () => {
    expect(readValidity(0.05, -0.3, 0.4)).toBe('Practically no relation between interview scores and outcomes; the interval includes zero, so this could be chance.');
    expect(readValidity(-0.35, -0.6, -0.02)).toBe('A moderate relation: higher interview scores went with worse outcomes; the interval excludes zero, so chance alone is an unlikely explanation.');
  });
});

describe('suggestWeights', () => {
  const ok = (lower: number): ValidityResult => ({ status: 'ok', n: 20, r: lower + 0.2, lower, upper: lower + 0.4, reading: '' });
  const current = [
    { skillId: 'a', weight: 30 },
    { skillId: 'b', weight: 20 },
    { skillId: 'c', weight: 10 },
  ];

  it('shares the measured skills’ weight in proportion to their lower bounds; unmeasured skills keep theirs', () => {
    // Pool of a and b: 30 + 20 = 50; support 0.4 and 0.1 → a = 50 · 0.4/0.5 = 40, b = 50 · 0.1/0.5 = 10.
    const suggestion = suggestWeights(current, new Map([['a', ok(0.4)], ['b', ok(0.1)], ['c', { status: 'not_enough_data', n: 4 }]]));
    expect(suggestion).toEqual([
      { skillId: 'a', weight: 40, current: 30, basis: 'validity' },
      { skillId: 'b', weight: 10, current: 20, basis: 'validity' },
      { skillId: 'c', weight: 10, current: 10, basis: 'not_enough_data' },
    ]);
    expect(suggestionChangesWeights(suggestion)).toBe(true);
  });

  it('drops a skill the data do not support to the minimum weight 1', () => {
    const suggestion = suggestWeights(current, new Map([['a', ok(0.3)], ['b', ok(-0.2)]]));
    expect(suggestion.map((w) => w.weight)).toEqual([50, 1, 10]);
  });

  it('changes nothing when no skill’s interval is above zero, or nothing is measured', () => {
    expect(suggestionChangesWeights(suggestWeights(current, new Map([['a', ok(-0.1)], ['b', ok(0)]])))).toBe(false);
    expect(suggestionChangesWeights(suggestWeights(current, new Map()))).toBe(false);
  });
});

describe('sampleSd', () => {
  it('is the n − 1 standard deviation', () => {
    // 1, 2, 3, 4: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, / 3 → √1.6667 = 1.290994
    expect(sampleSd(4, 10, 30)).toBeCloseTo(1.290994, 6);
    expect(sampleSd(1, 3, 9)).toBeNull();
  });
});

describe('checkpoint timing', () => {
  const due = new Date('2026-06-30T12:00:00Z');
  const day = 24 * 60 * 60 * 1000;
  it(`is upcoming before the due date, due from it and overdue ${OVERDUE_AFTER_DAYS} days after it`, () => {
    expect(checkpointStatus(due, false, new Date(due.getTime() - 1))).toBe('upcoming');
    expect(checkpointStatus(due, false, due)).toBe('due');
    expect(checkpointStatus(due, false, new Date(due.getTime() + OVERDUE_AFTER_DAYS * day))).toBe('due');
    expect(checkpointStatus(due, false, new Date(due.getTime() + OVERDUE_AFTER_DAYS * day + 1))).toBe('overdue');
    expect(checkpointStatus(due, true, new Date(due.getTime() + 400 * day))).toBe('recorded');
  });
});

describe('outcome:record', () => {
  it('is held by hiring managers and admins only', () => {
    expect(ROLES.filter((r) => roleHasPermission(r, 'outcome:record'))).toEqual(['admin', 'hiring_manager']);
  });
});
