// How well a question separates candidates, read from its aggregates (computed in SQL by
// question-analytics.ts). Pure, so the thresholds are visible and testable in one place.
//
// The figure is Pearson's r between each rating of the question and the candidate's composite,
// read like an item-discrimination index (Ebel & Frisbie 1991: .40 and up very good, .20–.39
// acceptable, below .20 poor). It is an uncorrected item–total correlation: the composite contains
// the same interviewers' skill ratings, so r reads somewhat high. A negative r means candidates
// with a higher composite got lower ratings on this question.

export type Separation = 'not enough data' | 'never separates' | 'reversed' | 'weak' | 'moderate' | 'strong';

/** Below these, a question gets no reading at all: three ratings of at least two candidates. */
export const MIN_RATINGS = 3;
export const MIN_CANDIDATES = 2;
/** A correlation needs more: five ratings paired with a composite, across three candidates. */
export const MIN_RATINGS_FOR_R = 5;
export const MIN_CANDIDATES_FOR_R = 3;
/** |r| below this is "weak"; at or above STRONG_R "strong". */
export const WEAK_R = 0.2;
export const STRONG_R = 0.4;

export interface SeparationInput {
  ratings: number;
  candidates: number;
  min: number | null;
  max: number | null;
  r: number | null;
  /** Ratings paired with a composite (the candidate has weighted skill evidence). */
  rN: number;
  rCandidates: number;
}

export function separation(q: SeparationInput): Separation {
  if (q.ratings < MIN_RATINGS || q.candidates < MIN_CANDIDATES) return 'not enough data';
  // Every rating the same value: whatever the composites, the question told nobody apart.
  if (q.min === q.max) return 'never separates';
  if (q.r === null || q.rN < MIN_RATINGS_FOR_R || q.rCandidates < MIN_CANDIDATES_FOR_R) return 'not enough data';
  if (q.r <= -WEAK_R) return 'reversed';
  if (q.r < WEAK_R) return 'weak';
  if (q.r < STRONG_R) return 'moderate';
  return 'strong';
}

/** Separation order, weakest first: the questions worth reviewing come to the top. */
export const SEPARATION_ORDER: Record<Separation, number> = {
  'never separates': 0,
  reversed: 1,
  weak: 2,
  moderate: 3,
  strong: 4,
  'not enough data': 5,
};
