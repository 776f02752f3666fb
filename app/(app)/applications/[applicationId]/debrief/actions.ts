'use server';
import { runMemberAction } from '@/app/_lib/member-action';
import { recordDecision } from '@/lib/decisions/mutations';
import { DECISION_OUTCOME_LABELS } from '@/lib/decisions/schemas';
import type { ActionState } from '@/lib/http';
import { recordOutcome } from '@/lib/outcomes/mutations';
import { CHECKPOINT_ADJECTIVES } from '@/lib/outcomes/schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function recordDecisionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const applicationId = formData.get('applicationId');
  // The debrief to refresh; the id comes from the browser, so only ever a well-formed one.
  const path = typeof applicationId === 'string' && UUID.test(applicationId) ? `/applications/${applicationId}/debrief` : undefined;
  return runMemberAction(
    formData,
    async (ctx, input) => {
      const { decision, application } = await recordDecision(ctx, input);
      return `Decision recorded: ${DECISION_OUTCOME_LABELS[decision.outcome]}. The application is now ${application.stage}.`;
    },
    path,
  );
}

/** The form sends one `skillRatings.<skillId>` field per skill; the domain function takes them as one record. */
function withSkillRatings(input: Record<string, unknown>): Record<string, unknown> {
  const skillRatings: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('skillRatings.')) skillRatings[key.slice('skillRatings.'.length)] = value;
    else rest[key] = value;
  }
  return { ...rest, skillRatings };
}

export async function recordOutcomeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const applicationId = formData.get('applicationId');
  const path = typeof applicationId === 'string' && UUID.test(applicationId) ? `/applications/${applicationId}/debrief` : undefined;
  return runMemberAction(
    formData,
    async (ctx, input) => {
      const { checkpoint, revision } = await recordOutcome(ctx, withSkillRatings(input));
      return `${CHECKPOINT_ADJECTIVES[checkpoint]} outcome ${revision === 1 ? 'recorded' : 'saved'}.`;
    },
    path,
  );
}
