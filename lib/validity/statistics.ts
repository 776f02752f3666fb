// Predictive-validity arithmetic, pure and browser-safe: Pearson's r from sufficient statistics
// (the SQL returns sums, never rows), its 95 % confidence interval by Fisher's z transformation
// (correlationInterval, shared with question separation), a plain-language reading, and skill
// weights the data support. The thresholds below are the one source of truth for the report page,
// the README and the tests.
import { correlationInterval } from '../dashboard/statistics';

/** Below this many hires with both an interview score and an outcome, no coefficient is shown. */
export const MIN_VALIDITY_N = 10;

/** Σ over pairs (x = interview score, y = outcome rating), as one GROUP BY row gives them. */
export interface PairSums {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
}

/** Pearson's r from sums; null when either variable does not vary (r is undefined then). */
export function pearsonFromSums({ n, sx, sy, sxx, syy, sxy }: PairSums): number | null {
  if (n < 2) return null;
  const cov = n * sxy - sx * sy;
  const varX = n * sxx - sx * sx;
  const varY = n * syy - sy * sy;
  // Sums of 1–4 ratings are exact in doubles, but means (non-integers) leave rounding dust.
  const eps = 1e-9 * Math.max(1, n * sxx, n * syy);
  if (varX <= eps || varY <= eps) return null;
  return Math.max(-1, Math.min(1, cov / Math.sqrt(varX * varY)));
}

export type ValidityResult =
  | { status: 'not_enough_data'; n: number }
  | { status: 'no_variation'; n: number }
  | { status: 'ok'; n: number; r: number; lower: number; upper: number; reading: string };

/** Size words for |r| as validity research reads them (Cohen 1988: .1 small, .3 medium, .5 large). */
function strength(r: number): string {
  const a = Math.abs(r);
  if (a < 0.1) return 'practically no';
  if (a < 0.3) return 'a weak';
  if (a < 0.5) return 'a moderate';
  return 'a strong';
}

/** A sentence a hiring manager can read without statistics. */
export function readValidity(r: number, lower: number, upper: number): string {
  const direction = r >= 0 ? 'higher interview scores went with better outcomes' : 'higher interview scores went with worse outcomes';
  const size = strength(r);
  const relation = size === 'practically no' ? 'Practically no relation between interview scores and outcomes' : `${size[0]!.toUpperCase()}${size.slice(1)} relation: ${direction}`;
  const certainty = lower > 0 || upper < 0 ? 'the interval excludes zero, so chance alone is an unlikely explanation' : 'the interval includes zero, so this could be chance';
  return `${relation}; ${certainty}.`;
}

export function assessValidity(sums: PairSums): ValidityResult {
  const n = sums.n;
  if (n < MIN_VALIDITY_N) return { status: 'not_enough_data', n };
  const r = pearsonFromSums(sums);
  if (r === null) return { status: 'no_variation', n };
  // n ≥ MIN_VALIDITY_N > 3 and r is defined here, so the 95 % interval always exists.
  const { low: lower, high: upper } = correlationInterval(r, n)!;
  return { status: 'ok', n, r, lower, upper, reading: readValidity(r, lower, upper) };
}

export interface SkillWeight {
  skillId: string;
  weight: number;
}

export interface SuggestedWeight extends SkillWeight {
  current: number;
  /** Why this weight: derived from the data, or kept for lack of it. */
  basis: 'validity' | 'not_enough_data';
}

/**
 * Weights the data support. Each skill with enough data gets a share of the weight those skills
 * hold now, in proportion to the lower end of its validity interval floored at zero — the part of
 * its relation to outcomes that is unlikely to be chance — so a skill the data do not support
 * drops to the minimum weight (1; an opening's weights run 1–100) and the total barely moves.
 * Skills without enough data keep their current weight. When no skill's lower bound is above
 * zero there is nothing to move weight towards, and every weight stays as it is.
 */
export function suggestWeights(current: readonly SkillWeight[], validity: ReadonlyMap<string, ValidityResult>): SuggestedWeight[] {
  const support = (skillId: string) => {
    const v = validity.get(skillId);
    return v?.status === 'ok' ? Math.max(0, v.lower) : null;
  };
  const measured = current.filter((w) => support(w.skillId) !== null);
  const pool = measured.reduce((s, w) => s + w.weight, 0);
  const totalSupport = measured.reduce((s, w) => s + support(w.skillId)!, 0);
  return current.map((w) => {
    const s = support(w.skillId);
    if (s === null) return { skillId: w.skillId, weight: w.weight, current: w.weight, basis: 'not_enough_data' };
    const weight = totalSupport > 0 ? Math.min(100, Math.max(1, Math.round((pool * s) / totalSupport))) : w.weight;
    return { skillId: w.skillId, weight, current: w.weight, basis: 'validity' };
  });
}

/** Whether accepting the suggestion would change anything. */
export function suggestionChangesWeights(suggestion: readonly SuggestedWeight[]): boolean {
  return suggestion.some((w) => w.weight !== w.current);
}

/** Sample standard deviation from n, Σx, Σx²; null below 2. */
export function sampleSd(n: number, sx: number, sxx: number): number | null {
  if (n < 2) return null;
  const variance = (sxx - (sx * sx) / n) / (n - 1);
  return Math.sqrt(Math.max(0, variance));
}
