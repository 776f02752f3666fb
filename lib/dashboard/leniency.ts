// Interviewer leniency: the mean difference between an interviewer's ratings and the other
// panelists' ratings of the same candidate and skill, read with its interval so that seven ratings
// never produce a verdict.
import type { MeanInterval } from './statistics';

/** An interviewer's leniency needs this many ratings shared with other panelists before any verdict. */
export const MIN_LENIENCY_RATINGS = 10;
/** Deviations within ±this of zero are "in line": a quarter of a scale point. */
export const LENIENCY_MARGIN = 0.25;

export type LeniencyVerdict = 'not enough data' | 'lenient' | 'severe' | 'in line' | 'unclear';

export function leniencyVerdict(interval: MeanInterval | null): LeniencyVerdict {
  if (!interval || interval.n < MIN_LENIENCY_RATINGS) return 'not enough data';
  if (interval.low > LENIENCY_MARGIN) return 'lenient';
  if (interval.high < -LENIENCY_MARGIN) return 'severe';
  if (interval.low >= -LENIENCY_MARGIN && interval.high <= LENIENCY_MARGIN) return 'in line';
  return 'unclear';
}
