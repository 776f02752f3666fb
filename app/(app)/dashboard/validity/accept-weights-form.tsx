'use client';
// "Accept suggested weights": the only way the suggestion changes anything. It sends back what
// was shown, so a suggestion that moved since (new outcomes) is refused instead of applied blind.
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { acceptSuggestedWeightsAction } from './actions';

const idle: ActionState = { status: 'idle' };

export function AcceptWeightsForm({ openingId, checkpoint, revision, shown }: { openingId: string; checkpoint: string; revision: number; shown: string }) {
  const [state, action] = useActionState(acceptSuggestedWeightsAction, idle);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="openingId" value={openingId} />
      <input type="hidden" name="checkpoint" value={checkpoint} />
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="shown" value={shown} />
      <SubmitButton pendingText="Saving…">Accept suggested weights</SubmitButton>
    </form>
  );
}
