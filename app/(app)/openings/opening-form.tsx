'use client';
// The opening form: creates an opening with its loop, or edits one — its fields, status, the
// loop's stages (rename, reorder, add, remove, change kit) and its skill weights — as one save
// based on one revision. A stale save comes back with the current opening to load or override.
import Link from 'next/link';
import { useRef, useState, useTransition } from 'react';
import { ConflictNotice } from '@/app/_components/form';
import { SkillAdder } from '@/app/_components/skill-adder';
import { buttonClass } from '@/app/_components/ui';
import type { FieldErrors } from '@/lib/errors';
import type { OpeningEditState } from '@/lib/openings/queries';
import { BLIND_REVIEW_LABELS, BLIND_REVIEW_MODES, OPENING_STATUS_LABELS, OPENING_STATUSES } from '@/lib/openings/schemas';
import { LEVEL_LABELS, LEVELS } from '@/lib/questions/schemas';
import { createOpeningAction, updateOpeningAction } from './actions';

const input = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm';

interface StageRow {
  key: string;
  id?: string;
  name: string;
  kitId: string;
  durationMinutes: number;
  interviews: number;
}

interface WeightRow {
  skillId: string;
  name: string;
  weight: number;
}

function fromState(opening: OpeningEditState) {
  return {
    revision: opening.revision,
    title: opening.title,
    level: opening.level as string,
    status: opening.status as string,
    description: opening.description,
    manager: opening.hiringManagerUserId ?? '',
    blindReview: opening.blindReview as string,
    stages: opening.stages.map((s): StageRow => ({ key: s.id, id: s.id, name: s.name, kitId: s.kitId ?? '', durationMinutes: s.durationMinutes, interviews: s.interviews })),
    weights: opening.weights.map((w): WeightRow => ({ ...w })),
  };
}

function ErrorText({ id, message, small }: { id: string; message?: string; small?: boolean }) {
  return message ? (
    <p id={id} className={`${small ? 'text-xs' : 'text-sm'} text-red-700`}>
      {message}
    </p>
  ) : null;
}

export function OpeningForm({
  kits,
  members,
  skills = [],
  opening,
}: {
  kits: { id: string; name: string }[];
  members: { userId: string; name: string }[];
  /** Skills that can be weighted (edit only), grouped by category. */
  skills?: { category: string; skills: { id: string; name: string }[] }[];
  /** The opening to edit; without it the form creates one. */
  opening?: OpeningEditState;
}) {
  const editing = Boolean(opening);
  const initial = opening
    ? fromState(opening)
    : { revision: 0, title: '', level: 'mid', status: 'open', description: '', manager: '', blindReview: 'off', stages: [{ key: 'new-0', name: 'Technical interview', kitId: kits[0]?.id ?? '', durationMinutes: 60, interviews: 0 }], weights: [] };
  const [revision, setRevision] = useState(initial.revision);
  const [title, setTitle] = useState(initial.title);
  const [level, setLevel] = useState(initial.level);
  const [status, setStatus] = useState(initial.status);
  const [description, setDescription] = useState(initial.description);
  const [manager, setManager] = useState(initial.manager);
  const [blindReview, setBlindReview] = useState(initial.blindReview);
  const [stages, setStages] = useState<StageRow[]>(initial.stages);
  const [weights, setWeights] = useState<WeightRow[]>(initial.weights);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [conflict, setConflict] = useState<OpeningEditState | null>(null);
  const [pending, start] = useTransition();
  const nextKey = useRef(1);
  const err = (f: string) => errors[f]?.[0];
  const invalid = (f: string) => (err(f) ? { 'aria-invalid': true as const, 'aria-describedby': `${f.replace(/\W/g, '-')}-error` } : {});
  const errId = (f: string) => `${f.replace(/\W/g, '-')}-error`;

  const load = (state: OpeningEditState) => {
    const next = fromState(state);
    setRevision(next.revision);
    setTitle(next.title);
    setLevel(next.level);
    setStatus(next.status);
    setDescription(next.description);
    setManager(next.manager);
    setBlindReview(next.blindReview);
    setStages(next.stages);
    setWeights(next.weights);
  };
  const updateStage = (key: string, patch: Partial<StageRow>) => setStages(stages.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const moveStage = (index: number, by: -1 | 1) => {
    const next = [...stages];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    setStages(next);
  };
  // A stage may still use a kit that is no longer published; keep it choosable for that stage.
  const kitOptions = (kitId: string) => (kitId && !kits.some((k) => k.id === kitId) ? [{ id: kitId, name: 'Current kit (no longer published)' }, ...kits] : kits);
  const weighted = new Set(weights.map((w) => w.skillId));

  return (
    <form
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const fields = { title, level, description, hiringManagerUserId: manager, blindReview };
          const loop = stages.map(({ key: _key, interviews: _interviews, ...s }) => s);
          const result = opening
            ? await updateOpeningAction({ ...fields, openingId: opening.id, revision, status, stages: loop, weights: weights.map(({ skillId, weight }) => ({ skillId, weight })) })
            : await createOpeningAction({ ...fields, stages: loop.map(({ id: _id, ...s }) => s) });
          if (result?.status === 'error') {
            setErrors(result.fields ?? {});
            setMessage(result.message);
            setConflict(result.current ? (result.current as OpeningEditState) : null);
          }
        });
      }}
    >
      {conflict ? (
        <ConflictNotice
          message={message}
          onLoadTheirs={() => {
            load(conflict);
            setConflict(null);
            setMessage('');
          }}
          onKeepMine={() => {
            setRevision(conflict.revision);
            setConflict(null);
            setMessage('');
          }}
        />
      ) : message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="o-title" className="block text-sm font-medium">
          Title
        </label>
        <input id="o-title" className={input} value={title} onChange={(e) => setTitle(e.target.value)} {...invalid('title')} />
        <ErrorText id={errId('title')} message={err('title')} />
      </div>
      <div className={`grid gap-4 ${editing ? 'sm:grid-cols-3' : 'sm:grid-cols-2'}`}>
        <div className="space-y-1">
          <label htmlFor="o-level" className="block text-sm font-medium">
            Level
          </label>
          <select id="o-level" className={input} value={level} onChange={(e) => setLevel(e.target.value)} {...invalid('level')}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
          <ErrorText id={errId('level')} message={err('level')} />
        </div>
        <div className="space-y-1">
          <label htmlFor="o-manager" className="block text-sm font-medium">
            Hiring manager
          </label>
          <select id="o-manager" className={input} value={manager} onChange={(e) => setManager(e.target.value)} {...invalid('hiringManagerUserId')}>
            <option value="">Not set</option>
            {manager && !members.some((m) => m.userId === manager) ? <option value={manager}>Current manager (no longer listed)</option> : null}
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
          <ErrorText id={errId('hiringManagerUserId')} message={err('hiringManagerUserId')} />
        </div>
        {editing ? (
          <div className="space-y-1">
            <label htmlFor="o-status" className="block text-sm font-medium">
              Status
            </label>
            <select id="o-status" className={input} value={status} onChange={(e) => setStatus(e.target.value)} {...invalid('status')}>
              {OPENING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {OPENING_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            <ErrorText id={errId('status')} message={err('status')} />
          </div>
        ) : null}
      </div>
      <div className="space-y-1">
        <label htmlFor="o-description" className="block text-sm font-medium">
          Description
        </label>
        <textarea id="o-description" rows={3} className={input} value={description} onChange={(e) => setDescription(e.target.value)} {...invalid('description')} />
        <ErrorText id={errId('description')} message={err('description')} />
      </div>
      <div className="space-y-1">
        <label htmlFor="o-blind-review" className="block text-sm font-medium">
          Blind review
        </label>
        <select id="o-blind-review" className={input} value={blindReview} onChange={(e) => setBlindReview(e.target.value)} aria-describedby="o-blind-review-help" {...invalid('blindReview')}>
          {BLIND_REVIEW_MODES.map((m) => (
            <option key={m} value={m}>
              {BLIND_REVIEW_LABELS[m]}
            </option>
          ))}
        </select>
        <p id="o-blind-review-help" className="text-xs text-slate-600">
          Blind viewers see a code such as C-4F7Q instead of the candidate’s name, e-mail and notes, until a hire or reject decision is recorded. Recruiters keep names on candidate pages and scheduling.
        </p>
        <ErrorText id={errId('blindReview')} message={err('blindReview')} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Interview loop</legend>
        {editing ? (
          <p className="text-xs text-slate-600">Changing a stage’s kit applies to interviews scheduled from now on; interviews already scheduled keep the kit version they pinned.</p>
        ) : null}
        {errors.stages ? (
          <div id={errId('stages')} className="text-sm text-red-700">
            {errors.stages.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        ) : null}
        {stages.map((stage, i) => (
          <div key={stage.key} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_7rem_auto] sm:items-end">
            <div className="space-y-1">
              <label htmlFor={`s-name-${stage.key}`} className="block text-xs font-medium">
                Stage {i + 1} name
              </label>
              <input id={`s-name-${stage.key}`} className={input} value={stage.name} onChange={(e) => updateStage(stage.key, { name: e.target.value })} {...invalid(`stages.${i}.name`)} />
              <ErrorText id={errId(`stages.${i}.name`)} message={err(`stages.${i}.name`) ?? err(`stages.${i}.id`)} small />
            </div>
            <div className="space-y-1">
              <label htmlFor={`s-kit-${stage.key}`} className="block text-xs font-medium">
                Stage {i + 1} kit
              </label>
              <select id={`s-kit-${stage.key}`} className={input} value={stage.kitId} onChange={(e) => updateStage(stage.key, { kitId: e.target.value })} {...invalid(`stages.${i}.kitId`)}>
                {stage.kitId ? null : <option value="">Choose a kit</option>}
                {kitOptions(stage.kitId).map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name}
                  </option>
                ))}
              </select>
              <ErrorText id={errId(`stages.${i}.kitId`)} message={err(`stages.${i}.kitId`)} small />
            </div>
            <div className="space-y-1">
              <label htmlFor={`s-min-${stage.key}`} className="block text-xs font-medium">
                Stage {i + 1} minutes
              </label>
              <input
                id={`s-min-${stage.key}`}
                type="number"
                min={5}
                className={input}
                value={stage.durationMinutes}
                onChange={(e) => updateStage(stage.key, { durationMinutes: Number(e.target.value) })}
                {...invalid(`stages.${i}.durationMinutes`)}
              />
              <ErrorText id={errId(`stages.${i}.durationMinutes`)} message={err(`stages.${i}.durationMinutes`)} small />
            </div>
            <div className="flex flex-wrap items-center gap-1">
              {editing ? (
                <>
                  <button type="button" className={buttonClass('ghost', 'px-2 text-xs')} disabled={i === 0} onClick={() => moveStage(i, -1)}>
                    Up<span className="sr-only"> (move stage {i + 1} earlier)</span>
                  </button>
                  <button type="button" className={buttonClass('ghost', 'px-2 text-xs')} disabled={i === stages.length - 1} onClick={() => moveStage(i, 1)}>
                    Down<span className="sr-only"> (move stage {i + 1} later)</span>
                  </button>
                </>
              ) : null}
              <button
                type="button"
                className={buttonClass('ghost', 'px-2 text-xs')}
                disabled={stages.length === 1 || stage.interviews > 0}
                aria-describedby={stage.interviews > 0 ? `s-used-${stage.key}` : undefined}
                onClick={() => setStages(stages.filter((s) => s.key !== stage.key))}
              >
                Remove<span className="sr-only"> stage {i + 1}</span>
              </button>
            </div>
            {stage.interviews > 0 ? (
              <p id={`s-used-${stage.key}`} className="text-xs text-slate-600 sm:col-span-4">
                {stage.interviews} interview{stage.interviews === 1 ? '' : 's'} use this stage, so it stays in the loop.
              </p>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          className={buttonClass('secondary')}
          onClick={() => setStages([...stages, { key: `new-${nextKey.current++}`, name: `Stage ${stages.length + 1}`, kitId: kits[0]?.id ?? '', durationMinutes: 60, interviews: 0 }])}
        >
          Add stage
        </button>
      </fieldset>
      {editing ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">Skill weights</legend>
          <p className="text-xs text-slate-600">The dashboard’s composite weighs each skill’s score by these (1–100).</p>
          {weights.length === 0 ? <p className="text-sm text-slate-600">No weighted skills.</p> : null}
          <ul className="grid gap-2 sm:grid-cols-2">
            {weights.map((w, i) => (
              <li key={w.skillId} className="flex items-end gap-2">
                <div className="flex-1 space-y-1">
                  <label htmlFor={`w-${w.skillId}`} className="block text-xs font-medium">
                    Weight for {w.name}
                  </label>
                  <input
                    id={`w-${w.skillId}`}
                    type="number"
                    min={1}
                    max={100}
                    className={input}
                    value={w.weight}
                    onChange={(e) => setWeights(weights.map((x) => (x.skillId === w.skillId ? { ...x, weight: Number(e.target.value) } : x)))}
                    {...invalid(`weights.${i}.weight`)}
                  />
                  <ErrorText id={errId(`weights.${i}.weight`)} message={err(`weights.${i}.weight`) ?? err(`weights.${i}.skillId`)} small />
                </div>
                <button type="button" className={buttonClass('ghost', 'px-2 text-xs')} onClick={() => setWeights(weights.filter((x) => x.skillId !== w.skillId))}>
                  Remove<span className="sr-only"> {w.name}</span>
                </button>
              </li>
            ))}
          </ul>
          <SkillAdder
            id="w-new"
            label="Add a skill"
            placeholder="Choose a skill"
            categories={skills.map((c) => ({ name: c.category, skills: c.skills }))}
            exclude={weighted}
            selectClassName={input}
            onAdd={(skill) => setWeights([...weights, { skillId: skill.id, name: skill.name, weight: 10 }])}
          />
        </fieldset>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass('primary')} disabled={pending}>
          {pending ? (editing ? 'Saving…' : 'Creating…') : editing ? 'Save changes' : 'Create opening'}
        </button>
        {opening ? (
          <Link href={`/openings/${opening.id}`} className="text-sm text-brand-700 hover:underline">
            Cancel
          </Link>
        ) : null}
      </div>
    </form>
  );
}
