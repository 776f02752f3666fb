'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { copyQuestionAction } from '../actions';

const idle: ActionState<{ questionId: string }> = { status: 'idle' };

export function CopyQuestionButton({ questionId }: { questionId: string }) {
  const [state, action] = useActionState(copyQuestionAction, idle);
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <input type="hidden" name="questionId" value={questionId} />
      <SubmitButton variant="secondary" pendingText="Copying…">
        Copy to our bank
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
