// Input schemas for openings and their interview loops; safe to import in the browser.
import { z } from 'zod';
import { LEVELS } from '../questions/schemas';
import { expectedRevision } from '../validation';

const optionalUuid = (label: string) => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: `${label} is not a valid id` }).optional());

export const OPENING_STATUSES = ['open', 'on_hold', 'closed'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];
export const OPENING_STATUS_LABELS: Record<OpeningStatus, string> = { open: 'Open', on_hold: 'On hold', closed: 'Closed' };

/** Who sees candidate codes instead of names (the rule: lib/candidates/blind.ts). */
export const BLIND_REVIEW_MODES = ['off', 'interviewers', 'interviewers_and_dashboard'] as const;
export type BlindReviewMode = (typeof BLIND_REVIEW_MODES)[number];
export const BLIND_REVIEW_LABELS: Record<BlindReviewMode, string> = {
  off: 'Off: everyone sees names',
  interviewers: 'Interviewers see a candidate code',
  interviewers_and_dashboard: 'Interviewers and the dashboard see a candidate code',
};
const blindReview = z.enum(BLIND_REVIEW_MODES, { error: 'Choose off, interviewers, or interviewers and dashboard' });

export const OpeningStageInput = z.object({
  name: z.string({ error: 'Name the stage' }).trim().min(2, 'Name the stage').max(80, 'Use at most 80 characters'),
  kitId: z.uuid({ error: 'Choose a published kit for the stage' }),
  durationMinutes: z.coerce.number().int('Use whole minutes').min(5, 'At least 5 minutes').max(600, 'At most 600 minutes'),
});

const openingFields = {
  title: z.string({ error: 'Enter a title' }).trim().min(3, 'Use at least 3 characters').max(120, 'Use at most 120 characters'),
  level: z.enum(LEVELS, { error: 'Choose a level' }),
  description: z.string().trim().max(5000, 'Use at most 5000 characters').default(''),
  hiringManagerUserId: optionalUuid('Hiring manager'),
};

export const CreateOpeningInput = z.object({
  ...openingFields,
  blindReview: blindReview.default('off'),
  stages: z.array(OpeningStageInput).min(1, 'Add at least one interview stage').max(12, 'At most 12 stages'),
});
export type CreateOpeningInput = z.input<typeof CreateOpeningInput>;

/**
 * A whole edit of an opening, saved at once: its fields, its loop in the new order (stages with
 * an id are kept and updated, stages without one are added, missing ones are removed) and, when
 * given, its skill weights.
 */
export const UpdateOpeningInput = z.object({
  openingId: z.uuid({ error: 'Opening is not a valid id' }),
  revision: expectedRevision,
  ...openingFields,
  status: z.enum(OPENING_STATUSES, { error: 'Choose open, on hold or closed' }),
  /** Left out: unchanged (API clients that predate blind review must not switch it off). */
  blindReview: blindReview.optional(),
  stages: z
    .array(OpeningStageInput.extend({ id: optionalUuid('Stage') }))
    .min(1, 'Keep at least one interview stage')
    .max(12, 'At most 12 stages'),
  weights: z
    .array(
      z.object({
        skillId: z.uuid({ error: 'Choose a skill' }),
        weight: z.coerce.number({ error: 'Enter a weight from 1 to 100' }).int('Use a whole number').min(1, 'At least 1').max(100, 'At most 100'),
      }),
    )
    .max(60, 'At most 60 weighted skills')
    .optional(),
});
export type UpdateOpeningInput = z.input<typeof UpdateOpeningInput>;

export const OpeningIdInput = z.object({ openingId: z.uuid({ error: 'Opening is not a valid id' }) });
