// Input schemas for openings and their interview loops; safe to import in the browser.
import { z } from 'zod';
import { LEVELS } from '../questions/schemas';

const optionalUuid = (label: string) => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: `${label} is not a valid id` }).optional());

export const OpeningStageInput = z.object({
  name: z.string({ error: 'Name the stage' }).trim().min(2, 'Name the stage').max(80, 'Use at most 80 characters'),
  kitId: z.uuid({ error: 'Choose a published kit for the stage' }),
  durationMinutes: z.coerce.number().int('Use whole minutes').min(5, 'At least 5 minutes').max(600, 'At most 600 minutes'),
});

export const CreateOpeningInput = z.object({
  title: z.string({ error: 'Enter a title' }).trim().min(3, 'Use at least 3 characters').max(120, 'Use at most 120 characters'),
  level: z.enum(LEVELS, { error: 'Choose a level' }),
  description: z.string().trim().max(5000, 'Use at most 5000 characters').default(''),
  hiringManagerUserId: optionalUuid('Hiring manager'),
  stages: z.array(OpeningStageInput).min(1, 'Add at least one interview stage').max(12, 'At most 12 stages'),
});
export type CreateOpeningInput = z.input<typeof CreateOpeningInput>;

export const OpeningIdInput = z.object({ openingId: z.uuid({ error: 'Opening is not a valid id' }) });
