// Recommendation and rating values with their labels: no zod here, so the live scorecard's client
// code can show them without shipping the validation library (schemas.ts re-exports them).
export const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = { strong_no: 'Strong no', no: 'No', yes: 'Yes', strong_yes: 'Strong yes' };
export const RATING_LABELS = { 1: 'Poor', 2: 'Weak', 3: 'Solid', 4: 'Excellent' } as const;
