'use client';
// The voluntary self-identification form. Every question starts on "I prefer not to say" and keeps
// the chosen answer after an error; once saved, the form is replaced by the thank-you message.
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, fieldError } from '@/app/_components/form';
import { PREFER_NOT_TO_SAY, SELF_ID_QUESTIONS } from '@/lib/fairness/questions';
import type { ActionState } from '@/lib/http';
import { submitSelfIdentificationAction } from './actions';

const idle: ActionState = { status: 'idle' };

export function SelfIdentificationForm({ token }: { token: string }) {
  const [state, action] = useActionState(submitSelfIdentificationAction, idle);
  const [answers, setAnswers] = useState<Record<string, string>>(() => Object.fromEntries(SELF_ID_QUESTIONS.map((q) => [q.key, PREFER_NOT_TO_SAY])));
  if (state.status === 'success') return <FormMessage state={state} />;
  return (
    <form action={action} className="mt-6 space-y-5">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {SELF_ID_QUESTIONS.map((q) => {
        const error = fieldError(state, q.key);
        return (
          <fieldset key={q.key} className="space-y-1.5" aria-describedby={error ? `${q.key}-error` : undefined}>
            <legend className="text-sm font-semibold">{q.label}</legend>
            {q.options.map((o) => (
              <label key={o.key} className="flex items-start gap-2 text-sm">
                <input type="radio" name={q.key} value={o.key} checked={answers[q.key] === o.key} onChange={() => setAnswers((a) => ({ ...a, [q.key]: o.key }))} className="mt-0.5" />
                {o.label}
              </label>
            ))}
            {error ? (
              <p id={`${q.key}-error`} className="text-sm text-red-700">
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <SubmitButton pendingText="Saving…" className="w-full">
        Save my answers
      </SubmitButton>
    </form>
  );
}
