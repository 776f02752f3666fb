'use client';
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { updateReminderSettingsAction } from './actions';

const idle: ActionState = { status: 'idle' };

export function ReminderSettingsForm({ enabled, firstMinutes, limit }: { enabled: boolean; firstMinutes: number; limit: number }) {
  const [state, action] = useActionState(updateReminderSettingsAction, idle);
  // Controlled: a refused save keeps what was typed.
  const [on, setOn] = useState(enabled);
  const [first, setFirst] = useState(String(firstMinutes));
  const [max, setMax] = useState(String(limit));
  return (
    <form action={action} className="space-y-5" noValidate aria-labelledby="reminders-heading">
      <h2 id="reminders-heading" className="text-base font-semibold">
        Feedback reminders
      </h2>
      <FormMessage state={state} />
      <div className="flex items-start gap-3">
        <input
          id="feedbackRemindersEnabled"
          name="feedbackRemindersEnabled"
          type="checkbox"
          checked={on}
          onChange={(e) => setOn(e.target.checked)}
          className="mt-1 size-4 rounded border-slate-300"
          aria-describedby="feedbackRemindersEnabled-hint"
        />
        <div>
          <label htmlFor="feedbackRemindersEnabled" className="text-sm font-medium text-slate-800">
            Remind interviewers whose scorecard is overdue
          </label>
          <p id="feedbackRemindersEnabled-hint" className="text-sm text-slate-600">
            In the app and by e-mail (each person can turn the e-mail off). Reminders stop as soon as the scorecard is submitted.
          </p>
        </div>
      </div>
      <TextField
        label="First reminder, minutes after the interview ends"
        name="feedbackReminderFirstMinutes"
        type="number"
        inputMode="numeric"
        min={0}
        max={10080}
        value={first}
        onChange={(e) => setFirst(e.target.value)}
        hint="0–10080 (7 days). Default 60. Then one reminder every 24 hours."
        error={fieldError(state, 'feedbackReminderFirstMinutes')}
      />
      <TextField
        label="At most this many reminders"
        name="feedbackReminderLimit"
        type="number"
        inputMode="numeric"
        min={1}
        max={30}
        value={max}
        onChange={(e) => setMax(e.target.value)}
        hint="1–30. Default 10."
        error={fieldError(state, 'feedbackReminderLimit')}
      />
      <SubmitButton pendingText="Saving…">Save reminder settings</SubmitButton>
    </form>
  );
}
