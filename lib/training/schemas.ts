// Input schemas for calibration exercises (interviewer training); safe to import in the browser.
import { z } from 'zod';
import { expectedRevision } from '../validation';

/** Ratings sit on the question's anchored scale, 1–4 (RUBRIC_LABELS in lib/questions/schemas.ts). */
export const RATING_VALUES = [1, 2, 3, 4] as const;

const rating = (field: string) =>
  z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce
      .number({ error: `Choose the ${field} among the question’s anchors` })
      .int(`Choose the ${field} among the question’s anchors`)
      .min(1, `Choose the ${field} among the question’s anchors`)
      .max(4, `Choose the ${field} among the question’s anchors`),
  );

const sampleId = z.uuid({ error: 'Sample is not a valid id' });

const sampleContent = {
  answer: z.string({ error: 'Write the sample answer' }).trim().min(20, 'Write at least 20 characters of sample answer').max(10_000, 'Use at most 10,000 characters'),
  referenceRating: rating('reference rating'),
  referenceRationale: z
    .string({ error: 'Explain the reference rating' })
    .trim()
    .min(10, 'Explain the reference rating (at least 10 characters)')
    .max(2000, 'Use at most 2000 characters'),
};

export const CreateSampleInput = z.object({ questionId: z.uuid({ error: 'Question is not a valid id' }), ...sampleContent });
export type CreateSampleInput = z.input<typeof CreateSampleInput>;

export const UpdateSampleInput = z.object({ sampleId, revision: expectedRevision, ...sampleContent });
export type UpdateSampleInput = z.input<typeof UpdateSampleInput>;

export const SampleIdInput = z.object({ sampleId });

export const SetSampleArchivedInput = z.object({
  sampleId,
  revision: expectedRevision,
  archived: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean({ error: 'archived must be true or false' })),
});

export const QuestionSamplesInput = z.object({ questionId: z.uuid({ error: 'Question is not a valid id' }) });

export const RateSampleInput = z.object({
  sampleId,
  rating: rating('rating'),
  note: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(2000, 'Use at most 2000 characters').optional()),
});
export type RateSampleInput = z.input<typeof RateSampleInput>;
