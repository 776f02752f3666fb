'use client';
// The question page's "Calibration samples" section (training:manage): sample answers with a
// reference rating chosen among this question's anchors, for trainees to rate blind at /training.
// Forms are controlled, so nothing typed is lost on an error; a stale save offers both versions.
import { type ReactNode, useId, useState, useTransition } from 'react';
import { ConflictNotice, FormMessage, TextAreaField, fieldError } from '@/app/_components/form';
import { Badge, buttonClass } from '@/app/_components/ui';
import type { ActionState } from '@/lib/http';
import { RUBRIC_LABELS } from '@/lib/questions/schemas';
import type { SampleForManagers } from '@/lib/training/queries';
import { AnchorChoice } from '../../training/_components/anchor-choice';
import { saveSampleAction, setSampleArchivedAction } from '../../training/actions';

/** The question's four anchors, rendered from Markdown by the server page. */
type Anchors = readonly ReactNode[];

export function CalibrationSamples({ questionId, currentVersion, anchors, samples }: { questionId: string; currentVersion: number; anchors: Anchors; samples: SampleForManagers[] }) {
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  // Numbered in the order they were added, as trainees see them ("sample 2"); archived ones last.
  const numbered = samples.map((sample, i) => ({ sample, number: i + 1 }));
  const ordered = [...numbered.filter((s) => !s.sample.archived), ...numbered.filter((s) => s.sample.archived)];
  return (
    <section aria-labelledby="calibration-samples-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="calibration-samples-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
            Calibration samples
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Sample answers with your reference rating. Interviewers rate them blind under Training, then see the reference and how their peers rated.
          </p>
        </div>
        {adding ? null : (
          <button
            type="button"
            className={buttonClass('secondary')}
            onClick={() => {
              setAdding(true);
              setAdded(false);
            }}
          >
            Add sample
          </button>
        )}
      </div>
      {adding ? (
        <div className="mt-4 rounded-md border border-slate-200 p-4">
          <h3 className="text-sm font-semibold text-slate-900">New sample</h3>
          <SampleForm
            questionId={questionId}
            anchors={anchors}
            onSaved={() => {
              setAdding(false);
              setAdded(true);
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : null}
      {added ? (
        <div className="mt-4">
          <FormMessage state={{ status: 'success', message: 'Sample added. Trainees find it under Training.' }} />
        </div>
      ) : null}
      {samples.length === 0 && !adding ? <p className="mt-4 text-sm text-slate-600">No samples yet. Add an answer you have heard, or a typical one, and rate it on the anchors.</p> : null}
      <ul className="mt-4 space-y-3">
        {ordered.map(({ sample, number }) => (
          <SampleItem key={sample.id} number={number} questionId={questionId} currentVersion={currentVersion} anchors={anchors} sample={sample} />
        ))}
      </ul>
    </section>
  );
}

function SampleItem({ number, questionId, currentVersion, anchors, sample: initial }: { number: number; questionId: string; currentVersion: number; anchors: Anchors; sample: SampleForManagers }) {
  const [sample, setSample] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [state, setState] = useState<ActionState<SampleForManagers>>({ status: 'idle' });
  const [pending, start] = useTransition();
  const conflict = state.status === 'error' && state.current ? (state.current as SampleForManagers) : null;
  const archive = () =>
    start(async () => {
      const result = await setSampleArchivedAction({ questionId, sampleId: sample.id, revision: sample.revision, archived: !sample.archived });
      setState(result);
      if (result.status === 'success' && result.data) setSample(result.data);
    });
  return (
    <li className="rounded-md border border-slate-200 p-3" aria-label={`Sample ${number}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold text-slate-900">Sample {number}</h3>
        <Badge tone="brand">Reference {RUBRIC_LABELS[sample.referenceRating - 1]}</Badge>
        <Badge>{sample.ratings === 1 ? '1 rating' : `${sample.ratings} ratings`}</Badge>
        {sample.questionVersion !== currentVersion ? <Badge tone="amber">Anchors of version {sample.questionVersion}</Badge> : null}
        {sample.archived ? <Badge tone="amber">Archived</Badge> : null}
      </div>
      {editing ? (
        <SampleForm
          questionId={questionId}
          anchors={anchors}
          sample={sample}
          locked={sample.ratings > 0}
          onSaved={(saved) => {
            setSample(saved);
            setEditing(false);
            setState({ status: 'success', message: 'Sample saved.' });
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800">{sample.answer}</p>
          <p className="mt-2 text-sm text-slate-600">
            <span className="font-medium text-slate-800">Why: </span>
            {sample.referenceRationale}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" className={buttonClass('secondary', 'py-1 text-xs')} onClick={() => setEditing(true)} disabled={pending}>
              Edit
            </button>
            <button type="button" className={buttonClass('secondary', 'py-1 text-xs')} onClick={archive} disabled={pending} aria-disabled={pending}>
              {pending ? (sample.archived ? 'Restoring…' : 'Archiving…') : sample.archived ? 'Restore' : 'Archive'}
            </button>
          </div>
          <div className="mt-2">
            {conflict ? (
              <ConflictNotice
                message={state.status === 'error' ? state.message : ''}
                onLoadTheirs={() => {
                  setSample(conflict);
                  setState({ status: 'idle' });
                }}
                onKeepMine={() => {
                  setSample({ ...sample, revision: conflict.revision });
                  setState({ status: 'idle' });
                }}
              />
            ) : (
              <FormMessage state={state} />
            )}
          </div>
        </>
      )}
    </li>
  );
}

function SampleForm({
  questionId,
  anchors,
  sample,
  locked = false,
  onSaved,
  onCancel,
}: {
  questionId: string;
  anchors: Anchors;
  sample?: SampleForManagers;
  locked?: boolean;
  onSaved: (sample: SampleForManagers) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [values, setValues] = useState({ answer: sample?.answer ?? '', referenceRating: sample ? String(sample.referenceRating) : '', referenceRationale: sample?.referenceRationale ?? '' });
  const [revision, setRevision] = useState(sample?.revision ?? 0);
  const [state, setState] = useState<ActionState<SampleForManagers>>({ status: 'idle' });
  const [pending, start] = useTransition();
  const conflict = state.status === 'error' && state.current ? (state.current as SampleForManagers) : null;
  return (
    <form
      className="mt-3 space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await saveSampleAction({ questionId, ...(sample ? { sampleId: sample.id, revision } : {}), ...values });
          setState(result);
          if (result.status === 'success' && result.data) onSaved(result.data);
        });
      }}
    >
      {conflict ? (
        <ConflictNotice
          message={state.status === 'error' ? state.message : ''}
          onLoadTheirs={() => {
            setValues({ answer: conflict.answer, referenceRating: String(conflict.referenceRating), referenceRationale: conflict.referenceRationale });
            setRevision(conflict.revision);
            setState({ status: 'idle' });
          }}
          onKeepMine={() => {
            setRevision(conflict.revision);
            setState({ status: 'idle' });
          }}
        />
      ) : (
        <FormMessage state={state} />
      )}
      <TextAreaField
        label="Sample answer"
        name="answer"
        id={`${id}-answer`}
        rows={5}
        value={values.answer}
        readOnly={locked}
        hint={locked ? 'Trainees have rated this answer, so it can no longer change. Archive it and add a new sample to change the text.' : 'What the candidate said, as a trainee should read it.'}
        error={fieldError(state, 'answer')}
        onChange={(e) => setValues({ ...values, answer: e.target.value })}
      />
      <AnchorChoice
        legend="Reference rating"
        name={`${id}-referenceRating`}
        anchors={anchors}
        value={values.referenceRating}
        onChange={(referenceRating) => setValues({ ...values, referenceRating })}
        error={fieldError(state, 'referenceRating')}
      />
      <TextAreaField
        label="Why this rating"
        name="referenceRationale"
        id={`${id}-rationale`}
        rows={3}
        value={values.referenceRationale}
        hint="Shown to each trainee after they rate."
        error={fieldError(state, 'referenceRationale')}
        onChange={(e) => setValues({ ...values, referenceRationale: e.target.value })}
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass('primary')}>
          {pending ? 'Saving…' : sample ? 'Save sample' : 'Add sample'}
        </button>
        <button type="button" className={buttonClass('secondary')} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
