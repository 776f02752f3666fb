// Post-hire outcomes: checkpoints, their timing and the recording form's input. Browser-safe (the
// outcome form and the validity page use them); the checkpoint values mirror the database enum
// (tests/unit/enums.test.ts ties the two together).
import { z } from 'zod';
import { expectedRevision } from '../validation';

export const OUTCOME_CHECKPOINTS = ['90_days', '12_months'] as const;
export type OutcomeCheckpoint = (typeof OUTCOME_CHECKPOINTS)[number];

export const CHECKPOINT_LABELS: Record<OutcomeCheckpoint, string> = { '90_days': '90 days', '12_months': '12 months' };
/** The checkpoint before a noun: "the 90-day outcome". */
export const CHECKPOINT_ADJECTIVES: Record<OutcomeCheckpoint, string> = { '90_days': '90-day', '12_months': '12-month' };

/** How long after the hire each checkpoint falls, as a PostgreSQL interval (see lib/outcomes/checkpoints.ts). */
export const CHECKPOINT_INTERVALS: Record<OutcomeCheckpoint, string> = { '90_days': '90 days', '12_months': '12 months' };

/** A checkpoint still unrecorded this many days after its due date is shown as overdue. */
export const OVERDUE_AFTER_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export type CheckpointStatus = 'recorded' | 'upcoming' | 'due' | 'overdue';

/**
 * Where a checkpoint stands. Recording is open from the hire on — a review is sometimes held
 * early, and a late-adopting team backfills — so "upcoming" only says the due date is ahead.
 */
export function checkpointStatus(dueAt: Date, recorded: boolean, now: Date): CheckpointStatus {
  if (recorded) return 'recorded';
  if (now < dueAt) return 'upcoming';
  return now.getTime() > dueAt.getTime() + OVERDUE_AFTER_DAYS * DAY_MS ? 'overdue' : 'due';
}

const rating = (label: string) =>
  z.coerce.number({ error: `Choose ${label} from 1 to 4` }).int(`Choose ${label} from 1 to 4`).min(1, `Choose ${label} from 1 to 4`).max(4, `Choose ${label} from 1 to 4`);

/** A blank choice is "not rated" (a skill the manager cannot judge yet); anything else must be 1–4. */
const optionalRating = z.preprocess((v) => (v === '' || v === null || v === undefined ? undefined : v), rating('a rating').optional());

export const RecordOutcomeInput = z.object({
  applicationId: z.uuid({ error: 'Application is not a valid id' }),
  checkpoint: z.enum(OUTCOME_CHECKPOINTS, { error: 'Choose the 90-day or the 12-month checkpoint' }),
  overallRating: z.preprocess((v) => (v === '' || v === null ? undefined : v), rating('the overall rating')),
  stillEmployed: z.preprocess(
    (v) => (v === 'yes' || v === 'true' || v === true ? true : v === 'no' || v === 'false' || v === false ? false : undefined),
    z.boolean({ error: 'Say whether they are still employed' }),
  ),
  skillRatings: z.record(z.uuid({ error: 'Skill is not a valid id' }), optionalRating).default({}),
  /** The outcome's revision the form loaded; 0 when it showed none. */
  expectedRevision,
});
export type RecordOutcomeInput = z.input<typeof RecordOutcomeInput>;

export const ApplicationOutcomesInput = z.object({ applicationId: z.uuid({ error: 'Application is not a valid id' }) });
