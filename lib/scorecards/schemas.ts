// Input schemas for scorecards; safe to import in the browser (the live page validates with them too).
import { z } from 'zod';
import { RECOMMENDATIONS } from './labels';

export { RATING_LABELS, RECOMMENDATION_LABELS, RECOMMENDATIONS, type Recommendation } from './labels';

/** A skill's rating: 1–4, "no_evidence", or null to clear it. */
export const SkillRatingValue = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('no_evidence'), z.null()], {
  error: 'Ratings are 1–4 or "no_evidence"',
});
export type SkillRatingValue = z.infer<typeof SkillRatingValue>;

const Uuid = (label: string) => z.uuid({ error: `${label} is not a valid id` });

/** An autosave: only the fields that changed, and the revision the browser based them on. */
export const SaveScorecardInput = z
  .object({
    scorecardId: Uuid('Scorecard'),
    baseRevision: z.number({ error: 'baseRevision is required' }).int().min(0),
    notes: z.record(Uuid('Question'), z.string().max(20_000, 'A note can be at most 20,000 characters')).optional(),
    questionRatings: z.record(Uuid('Question'), z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()])).optional(),
    ratings: z.record(Uuid('Skill'), SkillRatingValue).optional(),
    recommendation: z.enum(RECOMMENDATIONS, { error: 'Choose strong no, no, yes or strong yes' }).nullable().optional(),
    summary: z.string().max(20_000, 'The summary can be at most 20,000 characters').optional(),
  })
  .strict();
export type SaveScorecardInput = z.input<typeof SaveScorecardInput>;

export const SubmitScorecardInput = z.object({ scorecardId: Uuid('Scorecard'), baseRevision: z.number().int().min(0) });
export const ReopenScorecardInput = z.object({
  scorecardId: Uuid('Scorecard'),
  reason: z.string({ error: 'Give a reason' }).trim().min(10, 'Give a reason of at least 10 characters').max(1000),
});
export const InterviewIdInput = z.object({ interviewId: Uuid('Interview') });
export const CandidateIdInput = z.object({ candidateId: Uuid('Candidate') });
