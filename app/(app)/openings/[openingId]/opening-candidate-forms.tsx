'use client';
// Adding candidates from the opening page: a new person applied in one step, or an existing
// candidate found by search. Fields are controlled so a refused add keeps what was typed.
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { addCandidateToOpeningAction, applyCandidateToOpeningAction } from './actions';

const blank = { name: '', email: '', location: '', source: '' };

export function AddCandidateToOpeningForm({ openingId }: { openingId: string }) {
  const [values, setValues] = useState(blank);
  const [state, action] = useActionState(async (prev: ActionState, formData: FormData) => {
    const result = await addCandidateToOpeningAction(prev, formData);
    // Added: the form is ready for the next person; refused: everything typed stays.
    if (result.status === 'success') setValues(blank);
    return result;
  }, { status: 'idle' } as ActionState);
  const field = (name: keyof typeof blank) => ({
    name,
    id: `oc-${name}`,
    value: values[name],
    error: fieldError(state, name),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="openingId" value={openingId} />
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" required {...field('name')} />
        <TextField label="Email" type="email" required {...field('email')} />
        <TextField label="Location" {...field('location')} />
        <TextField label="Source" hint="Referral, LinkedIn, careers page…" {...field('source')} />
      </div>
      {fieldError(state, 'openingId') ? <p className="text-sm text-red-700">{fieldError(state, 'openingId')}</p> : null}
      <SubmitButton pendingText="Adding…">Add to this opening</SubmitButton>
    </form>
  );
}

export function ApplyCandidateButton({ openingId, candidateId, name }: { openingId: string; candidateId: string; name: string }) {
  const [state, action] = useActionState(applyCandidateToOpeningAction, { status: 'idle' } as ActionState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="openingId" value={openingId} />
      <input type="hidden" name="candidateId" value={candidateId} />
      <SubmitButton variant="secondary" pendingText="Applying…" className="py-1">
        Apply<span className="sr-only"> {name}</span>
      </SubmitButton>
      {state.status === 'error' ? (
        <p role="alert" className="text-sm text-red-700">
          {fieldError(state, 'openingId') ?? state.message}
        </p>
      ) : null}
    </form>
  );
}
