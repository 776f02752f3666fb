// Agreement figures for calibration exercises, and the rules for what the training pages may say
// about them. Pure: the SQL in lib/training/queries.ts only sums, everything that divides is here.
//
// Quadratic-weighted Cohen's kappa from moments. With weights (i − j)², observed disagreement is
// the mean of (x − y)² = s²ₓ + s²ᵧ − 2sₓᵧ + (x̄ − ȳ)² and chance disagreement (x and y drawn
// independently from their marginals) is s²ₓ + s²ᵧ + (x̄ − ȳ)², with population moments; so
//   κ_w = 1 − observed / chance = 2sₓᵧ / (s²ₓ + s²ᵧ + (x̄ − ȳ)²)
// (Cohen 1968; the identity is why quadratic kappa equals Lin's concordance coefficient with n in
// the denominators). Moments make the figure a handful of sums SQL can keep, and accept the
// half-point a median of an even number of peers can be. tests/unit/training-agreement.test.ts
// checks it against published values and the textbook contingency-table computation.

import { alpha, RELIABLE_ALPHA, TENTATIVE_ALPHA, type UnitPattern } from '../dashboard/krippendorff';
import { RATING_VALUES } from './schemas';

/** Sums over paired ratings (x: the trainee, y: the reference or the peers' median). */
export interface PairSums {
  n: number;
  sumX: number;
  sumY: number;
  sumXX: number;
  sumYY: number;
  sumXY: number;
}

export const EMPTY_SUMS: PairSums = { n: 0, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 };

export function pairSums(pairs: readonly (readonly [number, number])[]): PairSums {
  return pairs.reduce(
    (s, [x, y]) => ({ n: s.n + 1, sumX: s.sumX + x, sumY: s.sumY + y, sumXX: s.sumXX + x * x, sumYY: s.sumYY + y * y, sumXY: s.sumXY + x * y }),
    EMPTY_SUMS,
  );
}

/** Quadratic-weighted kappa; null when chance disagreement is zero (both sides gave one and the same value throughout). */
export function quadraticWeightedKappa(s: PairSums): number | null {
  if (s.n === 0) return null;
  const meanX = s.sumX / s.n;
  const meanY = s.sumY / s.n;
  const varX = s.sumXX / s.n - meanX * meanX;
  const varY = s.sumYY / s.n - meanY * meanY;
  const cov = s.sumXY / s.n - meanX * meanY;
  const chance = varX + varY + (meanX - meanY) ** 2;
  if (chance <= 1e-12) return null;
  return (2 * cov) / chance;
}

/**
 * Below this many rated samples a trainee gets no figure: with four samples one rating moves the
 * exact-agreement share by 25 points and kappa by more. Decided by samples, the same for the
 * reference and the peers.
 */
export const MIN_SAMPLES = 5;
/** The team's alpha needs as many samples rated by two or more trainees, and this many trainees. */
export const MIN_TRAINEES = 3;

export interface ReferenceAgreementSums extends PairSums {
  /** Ratings equal to the reference. */
  exact: number;
  /** Ratings at most one point from the reference (exact ones included). */
  withinOne: number;
}

export interface ReferenceAgreement {
  n: number;
  /** Raw counts are always given; they are not estimates, and say what "not enough data" is made of. */
  exact: number;
  withinOne: number;
  enough: boolean;
  exactShare: number | null;
  withinOneShare: number | null;
  kappa: number | null;
}

export interface PeerAgreement {
  /** Samples the trainee rated that at least one peer rated too. */
  n: number;
  enough: boolean;
  kappa: number | null;
}

/** Shares and kappa are withheld (null) below MIN_SAMPLES, so no page can show a figure from too little data. */
export function referenceAgreement(s: ReferenceAgreementSums): ReferenceAgreement {
  const enough = s.n >= MIN_SAMPLES;
  return {
    n: s.n,
    exact: s.exact,
    withinOne: s.withinOne,
    enough,
    exactShare: enough ? s.exact / s.n : null,
    withinOneShare: enough ? s.withinOne / s.n : null,
    kappa: enough ? quadraticWeightedKappa(s) : null,
  };
}

export function peerAgreement(s: PairSums): PeerAgreement {
  const enough = s.n >= MIN_SAMPLES;
  return { n: s.n, enough, kappa: enough ? quadraticWeightedKappa(s) : null };
}

export interface TeamAgreement {
  /** Samples rated by two or more trainees. */
  samples: number;
  trainees: number;
  enough: boolean;
  alpha: number | null;
}

/** Krippendorff's ordinal alpha among all trainees' ratings, a sample being a unit (lib/dashboard/krippendorff.ts). */
export function teamAgreement(patterns: readonly UnitPattern[], trainees: number): TeamAgreement {
  const samples = patterns.filter((p) => p.counts.reduce((sum, n) => sum + n, 0) >= 2).reduce((sum, p) => sum + p.units, 0);
  const enough = samples >= MIN_SAMPLES && trainees >= MIN_TRAINEES;
  return { samples, trainees, enough, alpha: enough ? alpha(patterns, RATING_VALUES, 'ordinal') : null };
}

/**
 * Reading of a kappa, in Landis & Koch's (1977) bands — the customary benchmark for Cohen's kappa
 * and the one rater-training studies report against. For alpha the dashboard's Krippendorff
 * thresholds apply instead (lib/dashboard/krippendorff.ts).
 */
export function describeKappa(kappa: number | null): string {
  if (kappa === null) return 'not defined';
  if (kappa < 0) return 'worse than chance';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

/** The team's alpha in one sentence, read with Krippendorff's own thresholds as on the dashboard. */
export function describeTeamAgreement(team: TeamAgreement): string {
  if (!team.enough || team.alpha === null) {
    return `Not enough data for the team’s alpha: it needs ${MIN_SAMPLES} samples rated by two or more trainees and ${MIN_TRAINEES} trainees (now ${team.samples} and ${team.trainees}).`;
  }
  const reading =
    team.alpha >= RELIABLE_ALPHA
      ? 'trainees agree well enough to rely on their ratings'
      : team.alpha >= TENTATIVE_ALPHA
        ? 'agreement supports tentative conclusions only'
        : 'trainees disagree too much to rely on their ratings yet';
  return `Krippendorff’s ordinal alpha among all trainees is ${team.alpha.toFixed(2)} over ${team.samples} samples rated by two or more of ${team.trainees} trainees: ${reading}.`;
}
