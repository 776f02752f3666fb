'use client';
import { useState, useTransition } from 'react';
import { buttonClass } from '@/app/_components/ui';
import type { FieldErrors } from '@/lib/errors';
import { LEVEL_LABELS, LEVELS } from '@/lib/questions/schemas';
import { createOpeningAction } from '../actions';

const input = 'block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm';

export function OpeningForm({ kits, members }: { kits: { id: string; name: string }[]; members: { userId: string; name: string }[] }) {
  const [title, setTitle] = useState('');
  const [level, setLevel] = useState('mid');
  const [description, setDescription] = useState('');
  const [manager, setManager] = useState('');
  const [stages, setStages] = useState([{ key: 1, name: 'Technical interview', kitId: kits[0]?.id ?? '', durationMinutes: 60 }]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [pending, start] = useTransition();
  const err = (f: string) => errors[f]?.[0];
  return (
    <form
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await createOpeningAction({ title, level, description, hiringManagerUserId: manager, stages: stages.map(({ key: _key, ...s }) => s) });
          if (result?.status === 'error') {
            setErrors(result.fields ?? {});
            setMessage(result.message);
          }
        });
      }}
    >
      {message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="o-title" className="block text-sm font-medium">
          Title
        </label>
        <input id="o-title" className={input} value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={err('title') ? true : undefined} aria-describedby={err('title') ? 'o-title-error' : undefined} />
        {err('title') ? <p id="o-title-error" className="text-sm text-red-700">{err('title')}</p> : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="o-level" className="block text-sm font-medium">
            Level
          </label>
          <select id="o-level" className={input} value={level} onChange={(e) => setLevel(e.target.value)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="o-manager" className="block text-sm font-medium">
            Hiring manager
          </label>
          <select id="o-manager" className={input} value={manager} onChange={(e) => setManager(e.target.value)}>
            <option value="">Not set</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor="o-description" className="block text-sm font-medium">
          Description
        </label>
        <textarea id="o-description" rows={3} className={input} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Interview loop</legend>
        {err('stages') ? <p className="text-sm text-red-700">{err('stages')}</p> : null}
        {stages.map((stage, i) => (
          <div key={stage.key} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_7rem_auto] sm:items-end">
            <div className="space-y-1">
              <label htmlFor={`s-name-${stage.key}`} className="block text-xs font-medium">
                Stage {i + 1} name
              </label>
              <input id={`s-name-${stage.key}`} className={input} value={stage.name} onChange={(e) => setStages(stages.map((s) => (s.key === stage.key ? { ...s, name: e.target.value } : s)))} />
            </div>
            <div className="space-y-1">
              <label htmlFor={`s-kit-${stage.key}`} className="block text-xs font-medium">
                Stage {i + 1} kit
              </label>
              <select id={`s-kit-${stage.key}`} className={input} value={stage.kitId} onChange={(e) => setStages(stages.map((s) => (s.key === stage.key ? { ...s, kitId: e.target.value } : s)))}>
                {kits.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name}
                  </option>
                ))}
              </select>
              {err(`stages.${i}.kitId`) ? <p className="text-xs text-red-700">{err(`stages.${i}.kitId`)}</p> : null}
            </div>
            <div className="space-y-1">
              <label htmlFor={`s-min-${stage.key}`} className="block text-xs font-medium">
                Stage {i + 1} minutes
              </label>
              <input id={`s-min-${stage.key}`} type="number" min={5} className={input} value={stage.durationMinutes} onChange={(e) => setStages(stages.map((s) => (s.key === stage.key ? { ...s, durationMinutes: Number(e.target.value) } : s)))} />
            </div>
            <button type="button" className={buttonClass('ghost', 'text-xs')} disabled={stages.length === 1} onClick={() => setStages(stages.filter((s) => s.key !== stage.key))}>
              Remove<span className="sr-only"> stage {i + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" className={buttonClass('secondary')} onClick={() => setStages([...stages, { key: Date.now(), name: `Stage ${stages.length + 1}`, kitId: kits[0]?.id ?? '', durationMinutes: 60 }])}>
          Add stage
        </button>
      </fieldset>
      <button type="submit" className={buttonClass('primary')} disabled={pending}>
        {pending ? 'Creating…' : 'Create opening'}
      </button>
    </form>
  );
}
