// Input schemas for hiring decisions; safe to import in the browser (the decision form uses them).
import { z } from 'zod';

export const DECISION_OUTCOMES = ['advance', 'hire', 'reject', 'hold'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  advance: 'Advance to the next stage',
  hire: 'Hire',
  reject: 'Reject',
  hold: 'Hold',
};

/** Short enough to insist on a real reason, long enough that "ok" is not one. */
export const RATIONALE_MIN = 20;
export const RATIONALE_MAX = 5000;

export const RecordDecisionInput = z.object({
  applicationId: z.uuid({ error: 'Application is not a valid id' }),
  outcome: z.enum(DECISION_OUTCOMES, { error: 'Choose advance, hire, reject or hold' }),
  rationale: z
    .string({ error: 'Write the rationale' })
    .trim()
    .min(RATIONALE_MIN, `Write a rationale of at least ${RATIONALE_MIN} characters: what in the evidence decided it`)
    .max(RATIONALE_MAX, `Use at most ${RATIONALE_MAX} characters`),
  /**
   * The latest decision's revision the decider saw (0: none). Omitted, the decision is recorded on
   * top of whatever is current; given and stale, it is refused (409) with the current history.
   */
  expectedRevision: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce.number({ error: 'expectedRevision must be a number' }).int('expectedRevision must be a whole number').min(0, 'expectedRevision must be 0 or more').optional(),
  ),
});
export type RecordDecisionInput = z.input<typeof RecordDecisionInput>;

export const ApplicationIdInput = z.object({ applicationId: z.uuid({ error: 'Application is not a valid id' }) });
