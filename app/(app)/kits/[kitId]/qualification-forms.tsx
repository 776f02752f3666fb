'use client';
// Marking members qualified for a kit (kit:qualify): a member picker to add, a button per
// qualified member to remove. The server decides; these only send the choice.
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { setKitQualificationAction } from '../actions';

export function QualifyMemberForm({ kitId, candidates }: { kitId: string; candidates: { userId: string; name: string }[] }) {
  const [state, action] = useActionState(setKitQualificationAction, { status: 'idle' } as ActionState);
  if (!candidates.length) return <p className="mt-2 text-xs text-slate-600">Every member is qualified for this kit.</p>;
  return (
    <form action={action} className="mt-3 space-y-2" noValidate>
      <input type="hidden" name="kitId" value={kitId} />
      <input type="hidden" name="qualified" value="true" />
      <FormMessage state={state} />
      <SelectField label="Member" name="userId" id={`qualify-${kitId}`} defaultValue="" error={fieldError(state, 'userId')}>
        <option value="" disabled>
          Choose a member
        </option>
        {candidates.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton variant="secondary" pendingText="Saving…">
        Mark qualified
      </SubmitButton>
    </form>
  );
}

export function UnqualifyMemberForm({ kitId, userId, name }: { kitId: string; userId: string; name: string }) {
  const [state, action] = useActionState(setKitQualificationAction, { status: 'idle' } as ActionState);
  return (
    <form action={action}>
      <input type="hidden" name="kitId" value={kitId} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="qualified" value="false" />
      <SubmitButton variant="secondary" pendingText="Removing…" className="px-2 py-0.5 text-xs">
        Remove<span className="sr-only"> {name}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
