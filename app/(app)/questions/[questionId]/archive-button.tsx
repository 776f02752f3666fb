'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { setQuestionArchivedAction } from '../actions';

const idle: ActionState = { status: 'idle' };

export function ArchiveQuestionButton({ questionId, archived }: { questionId: string; archived: boolean }) {
  const [state, action] = useActionState(setQuestionArchivedAction, idle);
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="archive" value={archived ? 'false' : 'true'} />
      <SubmitButton variant="secondary" pendingText={archived ? 'Restoring…' : 'Archiving…'}>
        {archived ? 'Restore' : 'Archive'}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
