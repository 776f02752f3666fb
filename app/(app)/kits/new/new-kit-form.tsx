'use client';
import { useActionState, useState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { LEVEL_LABELS, LEVELS } from '@/lib/questions/schemas';
import { createKitAction } from '../actions';

interface KitOption {
  id: string;
  name: string;
  roleTitle: string;
  level: string;
  targetMinutes: number;
}

const idle: ActionState<{ kitId: string }> = { status: 'idle' };

export function NewKitForm({ templates, ours, initialSource }: { templates: KitOption[]; ours: KitOption[]; initialSource?: string }) {
  const [state, action] = useActionState(createKitAction, idle);
  const all = [...templates, ...ours];
  const [source, setSource] = useState(initialSource && all.some((k) => k.id === initialSource) ? initialSource : '');
  const chosen = all.find((k) => k.id === source);
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6" noValidate key={source}>
      <FormMessage state={state} />
      <SelectField label="Start from" name="sourceKitId" value={source} onChange={(e) => setSource(e.target.value)} error={fieldError(state, 'sourceKitId')}>
        <option value="">Scratch (empty kit)</option>
        <optgroup label="Templates">
          {templates.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </optgroup>
        {ours.length ? (
          <optgroup label="Copy one of our kits">
            {ours.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </SelectField>
      <TextField label="Kit name" name="name" defaultValue={chosen ? `${chosen.name}${ours.some((k) => k.id === chosen.id) ? ' (copy)' : ''}` : ''} required error={fieldError(state, 'name')} />
      <TextField label="Role title" name="roleTitle" defaultValue={chosen?.roleTitle ?? ''} required error={fieldError(state, 'roleTitle')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Level" name="level" defaultValue={chosen?.level ?? 'mid'} error={fieldError(state, 'level')}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </SelectField>
        <TextField label="Target minutes" name="targetMinutes" type="number" min={5} max={600} defaultValue={chosen?.targetMinutes ?? 60} error={fieldError(state, 'targetMinutes')} />
      </div>
      <SubmitButton pendingText="Creating…">Create and open the builder</SubmitButton>
    </form>
  );
}
