// Adverse-impact arithmetic, pure and browser-safe: selection rates by group, impact ratios
// against the highest-rate group (the four-fifths rule, 29 CFR 1607.4(D)), Fisher's exact test
// beside each ratio, the suppression of small groups, and the median split used for score-level
// comparisons (NYC Local Law 144 "scoring rate"). The thresholds below are the one source of truth.

/** A group's selection rate below this fraction of the highest group's rate is flagged (29 CFR 1607.4(D)). */
export const FOUR_FIFTHS_THRESHOLD = 0.8;
/** Groups with fewer people than this are shown as "fewer than 5" and left out of every ratio. */
export const MIN_GROUP_SIZE = 5;
/** Conventional significance level shown beside Fisher's p; a p below it is marked, never used alone. */
export const SIGNIFICANCE_LEVEL = 0.05;

const logFactorials: number[] = [0];

/** ln(n!), from a table grown on demand (exact sums of logs; n is at most an opening's applicants). */
export function logFactorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`logFactorial needs a whole number ≥ 0, got ${n}`);
  for (let i = logFactorials.length; i <= n; i++) logFactorials[i] = logFactorials[i - 1]! + Math.log(i);
  return logFactorials[n]!;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * Fisher's exact test, two-sided, for the 2×2 table [[a, b], [c, d]]: the probability, with every
 * margin fixed, of a table at most as probable as the one observed (hypergeometric distribution).
 * Tables within a relative 1e-7 of the observed probability count as equally probable, as R's
 * fisher.test does, so rounding never drops the observed table's mirror image.
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  for (const v of [a, b, c, d]) if (!Number.isInteger(v) || v < 0) throw new RangeError('Fisher’s exact test needs whole counts ≥ 0');
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const n = row1 + row2;
  if (row1 === 0 || row2 === 0 || col1 === 0 || col1 === n) return 1;
  const logDenominator = logChoose(n, col1);
  const logP = (x: number) => logChoose(row1, x) + logChoose(row2, col1 - x) - logDenominator;
  const observed = logP(a);
  const cutoff = observed + Math.log1p(1e-7);
  let p = 0;
  for (let x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x++) {
    const lp = logP(x);
    if (lp <= cutoff) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

export interface GroupCount {
  group: string;
  /** People the decision was made about (the denominator). */
  pool: number;
  /** People selected (passed to the next step, or scored above the median). */
  selected: number;
}

export type GroupResult =
  | { group: string; suppressed: true }
  | {
      group: string;
      suppressed: false;
      pool: number;
      selected: number;
      rate: number;
      /** True for the highest-rate group every other group is compared with. */
      reference: boolean;
      /** rate / the reference group's rate; null for the reference itself or when the reference rate is 0. */
      impactRatio: number | null;
      /** Below FOUR_FIFTHS_THRESHOLD. */
      flagged: boolean;
      /** Fisher's exact two-sided p, this group vs the reference group; null for the reference. */
      fisherP: number | null;
    };

/**
 * Selection rates, impact ratios against the highest-rate group and Fisher's p for each group.
 * Groups under MIN_GROUP_SIZE are suppressed: no counts, no rate, and never the reference.
 * Ties for the highest rate go to the larger group (then the name), so the result is deterministic.
 */
export function compareSelectionRates(groups: GroupCount[]): GroupResult[] {
  const shown = groups.filter((g) => g.pool >= MIN_GROUP_SIZE);
  const reference = [...shown].sort((x, y) => y.selected / y.pool - x.selected / x.pool || y.pool - x.pool || x.group.localeCompare(y.group))[0];
  const referenceRate = reference ? reference.selected / reference.pool : 0;
  return groups.map((g): GroupResult => {
    if (g.pool < MIN_GROUP_SIZE) return { group: g.group, suppressed: true };
    const rate = g.selected / g.pool;
    const isReference = g === reference;
    const impactRatio = isReference || referenceRate === 0 ? null : rate / referenceRate;
    return {
      group: g.group,
      suppressed: false,
      pool: g.pool,
      selected: g.selected,
      rate,
      reference: isReference,
      impactRatio,
      flagged: impactRatio !== null && impactRatio < FOUR_FIFTHS_THRESHOLD,
      fisherP: isReference || !reference ? null : fisherExactTwoSided(g.selected, g.pool - g.selected, reference.selected, reference.pool - reference.selected),
    };
  });
}
