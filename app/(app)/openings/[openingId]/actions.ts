'use server';
// The opening page's own actions: add a new candidate straight into this opening, or apply an
// existing one. Both refresh the opening page, where the recruiter goes on to schedule.
import { runMemberAction } from '@/app/_lib/member-action';
import { applyToOpening, createCandidate } from '@/lib/candidates/mutations';
import type { ActionState } from '@/lib/http';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The opening page to refresh; the id comes from the browser, so only ever a well-formed one. */
const openingPath = (openingId: unknown) => (typeof openingId === 'string' && UUID.test(openingId) ? `/openings/${openingId}` : '/openings');

export async function addCandidateToOpeningAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(
    formData,
    async (ctx, input) => {
      await createCandidate(ctx, input);
      return 'Candidate added to this opening. Schedule their first interview from the list.';
    },
    openingPath(formData.get('openingId')),
  );
}

export async function applyCandidateToOpeningAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(
    formData,
    async (ctx, input) => {
      await applyToOpening(ctx, input);
      return 'Applied to this opening.';
    },
    openingPath(formData.get('openingId')),
  );
}
