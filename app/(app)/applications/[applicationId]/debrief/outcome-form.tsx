'use client';
// One post-hire checkpoint's outcome form. Controlled fields: a refused save (a missing rating,
// or an outcome someone else saved meanwhile) keeps every choice, and after a 409 the next save
// is based on what they saved — shown above the form — so it replaces it knowingly.
import { startTransition, useActionState, useState } from 'react';
import { FormMessage, fieldError } from '@/app/_components/form';
import { LocalTime } from '@/app/_components/local-time';
import { buttonClass } from '@/app/_components/ui';
import type { ActionState } from '@/lib/http';
import type { CheckpointView } from '@/lib/outcomes/queries';
import { CHECKPOINT_ADJECTIVES } from '@/lib/outcomes/schemas';
import { RATING_LABELS } from '@/lib/scorecards/labels';
import { recordOutcomeAction } from './actions';

const idle: ActionState = { status: 'idle' };
const RATINGS = [1, 2, 3, 4] as const;

function Choice({ name, legend, options, value, onChange, error, idPrefix }: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  idPrefix: string;
}) {
  const errorId = `${idPrefix}-${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} className="size-4" />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function OutcomeForm({ applicationId, view, skills }: { applicationId: string; view: CheckpointView; skills: { id: string; name: string }[] }) {
  const saved = view.outcome;
  const [overall, setOverall] = useState(saved ? String(saved.overallRating) : '');
  const [employed, setEmployed] = useState(saved ? (saved.stillEmployed ? 'yes' : 'no') : '');
  const [skillRatings, setSkillRatings] = useState<Record<string, string>>(() => Object.fromEntries(skills.map((s) => [s.id, saved?.skillRatings[s.id] ? String(saved.skillRatings[s.id]) : ''])));
  const [state, action, pending] = useActionState(recordOutcomeAction, idle);
  const meanwhile = state.status === 'error' && state.code === 'conflict' && state.current ? (state.current as CheckpointView).outcome : null;
  const label = CHECKPOINT_ADJECTIVES[view.checkpoint];
  const idPrefix = `outcome-${view.checkpoint}`;
  return (
    <form
      // Submitted by hand: React resets a form after its action, which would clear the chosen
      // (controlled) radios whenever the save is refused.
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => action(formData));
      }}
      className="space-y-3"
      aria-label={`${label} outcome`}
      noValidate
    >
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="checkpoint" value={view.checkpoint} />
      <input type="hidden" name="expectedRevision" value={meanwhile?.revision ?? saved?.revision ?? 0} />
      {meanwhile ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Saved meanwhile by {meanwhile.recordedBy ?? 'a former member'} (<LocalTime iso={meanwhile.recordedAt} />): overall {meanwhile.overallRating} ·{' '}
          {meanwhile.stillEmployed ? 'still employed' : 'no longer employed'}. Saving now replaces it with your choices.
        </div>
      ) : null}
      <Choice
        name="overallRating"
        legend="Overall performance"
        idPrefix={idPrefix}
        options={RATINGS.map((r) => ({ value: String(r), label: `${r} · ${RATING_LABELS[r]}` }))}
        value={overall}
        onChange={setOverall}
        error={fieldError(state, 'overallRating')}
      />
      <Choice
        name="stillEmployed"
        legend="Still employed"
        idPrefix={idPrefix}
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={employed}
        onChange={setEmployed}
        error={fieldError(state, 'stillEmployed')}
      />
      {skills.length ? (
        <div className="grid gap-2 sm:grid-cols-2">
          {skills.map((s) => {
            const id = `${idPrefix}-skill-${s.id}`;
            const error = fieldError(state, `skillRatings.${s.id}`);
            return (
              <div key={s.id} className="space-y-1">
                <label htmlFor={id} className="block text-sm font-medium text-slate-800">
                  {s.name}
                </label>
                <select
                  id={id}
                  name={`skillRatings.${s.id}`}
                  value={skillRatings[s.id] ?? ''}
                  onChange={(e) => setSkillRatings((prev) => ({ ...prev, [s.id]: e.target.value }))}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
                >
                  <option value="">Not rated</option>
                  {RATINGS.map((r) => (
                    <option key={r} value={r}>
                      {r} · {RATING_LABELS[r]}
                    </option>
                  ))}
                </select>
                {error ? (
                  <p id={`${id}-error`} className="text-sm text-red-700">
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      ) : null}
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass('primary')}>
        {pending ? 'Saving…' : saved ? `Save ${label} outcome` : `Record ${label} outcome`}
      </button>
    </form>
  );
}
