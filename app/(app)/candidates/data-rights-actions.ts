'use server';
// Server action for erasing a candidate: a thin adapter over lib/candidates/erasure.
import { runMemberAction } from '@/app/_lib/member-action';
import { eraseCandidate } from '@/lib/candidates/erasure';
import type { ActionState } from '@/lib/http';

export async function eraseCandidateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const candidateId = formData.get('candidateId');
  const path = typeof candidateId === 'string' && /^[0-9a-f-]{36}$/i.test(candidateId) ? `/candidates/${candidateId}` : '/candidates';
  return runMemberAction(formData, async (ctx, input) => {
    const { pseudonym } = await eraseCandidate(ctx, input);
    return `Personal data erased. The candidate now appears as ${pseudonym}; their ratings still count.`;
  }, path);
}
