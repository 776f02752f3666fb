'use server';
import { runMemberAction } from '@/app/_lib/member-action';
import type { ActionState } from '@/lib/http';
import { acceptSuggestedWeights } from '@/lib/validity/report';

export async function acceptSuggestedWeightsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(
    formData,
    async (ctx, input) => {
      await acceptSuggestedWeights(ctx, input);
      return 'The opening now uses the suggested weights. Composites and question analytics were recomputed with them.';
    },
    '/dashboard/validity',
  );
}
