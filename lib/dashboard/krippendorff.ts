// Krippendorff's alpha over unit patterns, its bootstrap interval, and the rules that decide what
// the dashboard may say about it. Pure, so every threshold is visible and testable in one place.
//
// A unit is what several interviewers rate: one candidate's skill within one application. Its
// pattern is how many raters gave each value (1–4). Alpha depends only on the coincidence matrix,
// which is a sum over units of
//   o_ck += (n_uc·n_uk − [c=k]·n_uc) / (m_u − 1)        (Krippendorff 2011, eq. for o_ck)
// so units that share a pattern contribute identically: a group of 10,000 units is a few dozen
// distinct patterns, and resampling units is resampling pattern counts.
//
// tests/unit/krippendorff.test.ts reproduces published worked examples with it.

import { mulberry32, poisson, quantile } from './statistics';

export type Metric = 'nominal' | 'ordinal' | 'interval';

/** Ratings per value in one unit: counts[i] raters gave values[i]. */
export interface UnitPattern {
  counts: readonly number[];
  /** How many units share this pattern. */
  units: number;
}

/** The coincidence matrix of the patterns, over the values (in order) they are counts of. */
export function coincidenceMatrix(patterns: readonly UnitPattern[], valueCount: number): number[][] {
  const o = Array.from({ length: valueCount }, () => new Array<number>(valueCount).fill(0));
  for (const p of patterns) addPattern(o, p.counts, p.units);
  return o;
}

function addPattern(o: number[][], counts: readonly number[], weight: number): void {
  const m = counts.reduce((sum, n) => sum + n, 0);
  if (m < 2 || weight === 0) return; // a unit rated once pairs with nothing
  for (let c = 0; c < counts.length; c++) {
    if (!counts[c]) continue;
    for (let k = 0; k < counts.length; k++) {
      const pairs = counts[c]! * counts[k]! - (c === k ? counts[c]! : 0);
      if (pairs) o[c]![k]! += (weight * pairs) / (m - 1);
    }
  }
}

/** Alpha from a coincidence matrix; null when there is no expected disagreement (one value used). */
export function alphaFromMatrix(o: readonly (readonly number[])[], values: readonly number[], metric: Metric): number | null {
  const marginals = o.map((row) => row.reduce((sum, x) => sum + x, 0));
  const n = marginals.reduce((sum, x) => sum + x, 0);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c++) {
    if (marginals[c]! <= 1e-9) continue;
    for (let k = 0; k < values.length; k++) {
      if (marginals[k]! <= 1e-9 || c === k) continue;
      const d = distance(metric, c, k, values, marginals);
      observed += o[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  if (expected <= 1e-12) return null;
  return 1 - ((n - 1) * observed) / expected;
}

function distance(metric: Metric, c: number, k: number, values: readonly number[], marginals: readonly number[]): number {
  if (metric === 'nominal') return 1;
  if (metric === 'interval') return (values[c]! - values[k]!) ** 2;
  // Ordinal: the marginal mass between the two ranks, halving the ends (values nobody used drop out).
  const [lo, hi] = c < k ? [c, k] : [k, c];
  let between = 0;
  for (let g = lo; g <= hi; g++) between += marginals[g]!;
  return (between - (marginals[lo]! + marginals[hi]!) / 2) ** 2;
}

export function alpha(patterns: readonly UnitPattern[], values: readonly number[], metric: Metric): number | null {
  return alphaFromMatrix(coincidenceMatrix(patterns, values.length), values, metric);
}

/** Units × raters → patterns: rows are raters, columns units, null = not rated. For tests and small data. */
export function patternsFromTable(table: readonly (readonly (number | null)[])[], values: readonly number[]): UnitPattern[] {
  const units = Math.max(...table.map((row) => row.length));
  return Array.from({ length: units }, (_, u) => ({
    counts: values.map((v) => table.filter((row) => row[u] === v).length),
    units: 1,
  }));
}

// --- Bootstrap -------------------------------------------------------------------------------

export interface AlphaInterval {
  low: number;
  high: number;
  level: number;
  replicates: number;
  /** Share of replicates below Krippendorff's floor for tentative conclusions (.667) and for reliance (.800). */
  belowTentative: number;
  belowReliable: number;
}

export interface BootstrapOptions {
  replicates?: number;
  level?: number;
  /** Same seed, same interval: a page reload must not move the figure. */
  seed: number;
}

/** At most this many units are resampled one by one; above it, by Poisson weights per pattern. */
const EXACT_RESAMPLING_LIMIT = 2000;

/**
 * A percentile bootstrap interval for alpha that resamples units with replacement — the
 * candidates are the independent draws, the pairs of ratings within one candidate are not.
 * Hayes & Krippendorff (2007) bootstrap alpha for exactly this purpose (KALPHA resamples pairable
 * values); resampling whole units is the variant Zapf et al. (2016) found to keep its coverage
 * with few raters. Large groups use the Poisson bootstrap (each unit drawn Poisson(1) times, so a
 * pattern shared by u units Poisson(u) times), which converges to the same interval.
 *
 * Exactly, for up to EXACT_RESAMPLING_LIMIT units: with random = mulberry32(seed) and the units
 * listed pattern by pattern in ascending order of counts, each replicate draws units
 * floor(random() · units) as many times as there are units; replicates without a defined alpha
 * are dropped; the bounds are type-7 quantiles of the rest. tests/integration/reliability.test.ts
 * recomputes an interval that way.
 */
export function bootstrapAlphaInterval(patterns: readonly UnitPattern[], values: readonly number[], metric: Metric, options: BootstrapOptions): AlphaInterval | null {
  // A seed fixes the draws, and the draws pick units by position: patterns in a canonical order
  // (ascending counts) make the interval a function of the data and the seed alone. The database
  // returns pattern rows in no particular order, which could otherwise move the figure.
  const pairable = patterns.filter((p) => p.units > 0 && p.counts.reduce((s, n) => s + n, 0) >= 2).sort(byCounts);
  const totalUnits = pairable.reduce((sum, p) => sum + p.units, 0);
  if (totalUnits < 2 || alpha(pairable, values, metric) === null) return null;
  const replicates = options.replicates ?? 1000;
  const level = options.level ?? 0.95;
  const random = mulberry32(options.seed);
  const cumulative = runningTotals(pairable.map((p) => p.units));
  const estimates: number[] = [];
  const weights = new Array<number>(pairable.length);
  for (let r = 0; r < replicates; r++) {
    if (totalUnits <= EXACT_RESAMPLING_LIMIT) {
      weights.fill(0);
      for (let i = 0; i < totalUnits; i++) weights[pick(cumulative, random() * totalUnits)]! += 1;
    } else {
      for (let i = 0; i < pairable.length; i++) weights[i] = poisson(pairable[i]!.units, random);
    }
    const o = Array.from({ length: values.length }, () => new Array<number>(values.length).fill(0));
    pairable.forEach((p, i) => addPattern(o, p.counts, weights[i]!));
    const a = alphaFromMatrix(o, values, metric);
    // A resample with one value only has no defined alpha; it says nothing about disagreement.
    if (a !== null) estimates.push(a);
  }
  if (estimates.length < replicates / 2) return null;
  estimates.sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  return {
    low: quantile(estimates, tail),
    high: quantile(estimates, 1 - tail),
    level,
    replicates: estimates.length,
    belowTentative: estimates.filter((a) => a < TENTATIVE_ALPHA).length / estimates.length,
    belowReliable: estimates.filter((a) => a < RELIABLE_ALPHA).length / estimates.length,
  };
}

function byCounts(a: UnitPattern, b: UnitPattern): number {
  for (let i = 0; i < Math.max(a.counts.length, b.counts.length); i++) {
    const d = (a.counts[i] ?? 0) - (b.counts[i] ?? 0);
    if (d) return d;
  }
  return a.units - b.units;
}

function runningTotals(xs: readonly number[]): number[] {
  let total = 0;
  return xs.map((x) => (total += x));
}

/** The index whose running total first exceeds x (binary search). */
function pick(cumulative: readonly number[], x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// --- What the dashboard may say -------------------------------------------------------------

/**
 * Krippendorff's own guidance for alpha (Content Analysis, 2004, §11.4.4): rely on variables
 * with α ≥ .800; .667 ≤ α < .800 supports tentative conclusions only; below that, do not rely on
 * the data. These are not the ICC bands of Koo & Li (2016), which are for another coefficient.
 */
export const RELIABLE_ALPHA = 0.8;
export const TENTATIVE_ALPHA = 0.667;

/**
 * Below these, a group gets no verdict: alpha from two raters or a handful of candidates says more
 * about those people than about the interview. Decided by distinct candidates and distinct raters
 * — the same rule for every table (by skill, by kit).
 */
export const MIN_CANDIDATES = 5;
export const MIN_RATERS = 3;

export type ReliabilityVerdict = 'not enough data' | 'unreliable' | 'tentative' | 'reliable';

export interface ReliabilityEvidence {
  alpha: number | null;
  /** Distinct candidates with at least one unit rated by two or more interviewers. */
  candidates: number;
  /** Distinct interviewers who rated such a unit. */
  raters: number;
}

export function hasEnoughReliabilityData(e: Pick<ReliabilityEvidence, 'candidates' | 'raters'>): boolean {
  return e.candidates >= MIN_CANDIDATES && e.raters >= MIN_RATERS;
}

export function reliabilityVerdict(e: ReliabilityEvidence): ReliabilityVerdict {
  if (e.alpha === null || !hasEnoughReliabilityData(e)) return 'not enough data';
  if (e.alpha >= RELIABLE_ALPHA) return 'reliable';
  if (e.alpha >= TENTATIVE_ALPHA) return 'tentative';
  return 'unreliable';
}

/** One sentence a hiring manager can act on, interval included. */
export function describeReliability(e: ReliabilityEvidence, interval: AlphaInterval | null): string {
  const verdict = reliabilityVerdict(e);
  if (verdict === 'not enough data') {
    return `Not enough data yet: needs ${MIN_CANDIDATES} candidates rated by two or more interviewers and ${MIN_RATERS} different interviewers (now ${e.candidates} and ${e.raters}).`;
  }
  const range = interval ? ` The ${Math.round(interval.level * 100)}% interval runs from ${interval.low.toFixed(2)} to ${interval.high.toFixed(2)}` : '';
  const odds = interval ? `; ${formatShare(interval.belowReliable)} of resamples fall below .800.` : '.';
  const lead = {
    reliable: 'Interviewers agree well enough to rely on these ratings.',
    tentative: 'Agreement supports tentative conclusions only.',
    unreliable: 'Interviewers disagree too much to rely on these ratings.',
  }[verdict];
  return `${lead}${range}${odds}`;
}

function formatShare(share: number): string {
  if (share < 0.01) return 'under 1%';
  if (share > 0.99) return 'over 99%';
  return `${Math.round(share * 100)}%`;
}
