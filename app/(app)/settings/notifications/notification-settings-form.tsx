'use client';
import { useActionState, useState, useSyncExternalStore } from 'react';
import { FormMessage, SelectField, SubmitButton, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { EMAIL_TOPIC_LABELS, EMAIL_TOPICS, type EmailTopic } from '@/lib/notifications/schemas';
import { updateNotificationSettingsAction } from './actions';

const idle: ActionState = { status: 'idle' };
const subscribe = () => () => {};

export function NotificationSettingsForm({ timeZone, email, zones }: { timeZone: string | null; email: Record<EmailTopic, boolean>; zones: string[] }) {
  const [state, action] = useActionState(updateNotificationSettingsAction, idle);
  // Without a saved zone, the browser's is offered (it is not saved until the form is).
  const browserZone = useSyncExternalStore(subscribe, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => null);
  const [chosenZone, setZone] = useState<string | null>(timeZone);
  const zone = chosenZone ?? browserZone ?? 'UTC';
  // Controlled, so a refused save keeps every choice.
  const [topics, setTopics] = useState(email);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <SelectField label="Your time zone" name="timeZone" value={zone} onChange={(e) => setZone(e.target.value)} error={fieldError(state, 'timeZone')}>
        {(zones.includes(zone) ? zones : [zone, ...zones]).map((z) => (
          <option key={z} value={z}>
            {z.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
      <p className="-mt-3 text-xs text-slate-600">Calendar invites and reminder e-mails name times in this zone.{timeZone ? null : ' Taken from this browser until you save.'}</p>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Send me e-mail for</legend>
        <p className="text-xs text-slate-600">Everything also appears under Notifications in the app, whatever you choose here.</p>
        {EMAIL_TOPICS.map((topic) => (
          <div key={topic} className="flex items-start gap-3">
            <input
              id={`topic-${topic}`}
              name={topic}
              type="checkbox"
              checked={topics[topic]}
              onChange={(e) => setTopics({ ...topics, [topic]: e.target.checked })}
              className="mt-1 size-4 rounded border-slate-300"
              aria-describedby={`topic-${topic}-hint`}
            />
            <div>
              <label htmlFor={`topic-${topic}`} className="text-sm font-medium text-slate-800">
                {EMAIL_TOPIC_LABELS[topic].label}
              </label>
              <p id={`topic-${topic}-hint`} className="text-sm text-slate-600">
                {EMAIL_TOPIC_LABELS[topic].hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <SubmitButton pendingText="Saving…">Save notification settings</SubmitButton>
    </form>
  );
}
