'use server';
import { runMemberAction } from '@/app/_lib/member-action';
import { recordDecision } from '@/lib/decisions/mutations';
import { DECISION_OUTCOME_LABELS } from '@/lib/decisions/schemas';
import type { ActionState } from '@/lib/http';

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
