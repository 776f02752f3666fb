'use client';
// Create or edit a question: content, skills, guidance and the four rubric anchors (all required).
import { useActionState, useEffect, useRef } from 'react';
import { FormMessage, SelectField, SubmitButton, TextAreaField, TextField, fieldError } from '@/app/_components/form';
import { ButtonLink } from '@/app/_components/ui';
import type { QuestionFormValues } from '@/lib/questions/form-values';
import { KIND_LABELS, LEVEL_LABELS, LEVELS, QUESTION_KINDS, RUBRIC_LABELS } from '@/lib/questions/schemas';
import { type QuestionFormState, saveQuestionAction } from './actions';

export interface TaxonomyOption {
  id: string;
  name: string;
  skills: { id: string; name: string }[];
}

const idle: QuestionFormState = { status: 'idle' };

export function QuestionForm({
  taxonomy,
  initial,
  questionId,
  baseVersion,
}: {
  taxonomy: TaxonomyOption[];
  initial?: QuestionFormValues;
  questionId?: string;
  baseVersion?: number;
}) {
  const [state, action] = useActionState(saveQuestionAction, idle);
  // A list field's error may name one line ("listenFor.2"); show it beside the whole field.
  const err = (name: string) =>
    fieldError(state, name) ?? (state.status === 'error' ? Object.entries(state.fields ?? {}).find(([key]) => key.startsWith(`${name}.`))?.[1]?.[0] : undefined);
  const formRef = useRef<HTMLFormElement>(null);
  // The remounted form would drop focus on the floor; move it to the first field to fix.
  useEffect(() => {
    if (state.status === 'error') formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  // After an answer the form shows what was submitted, never the stored version: React resets a
  // form once its action finishes, so the fields are remounted (key) with the submitted values.
  const values = state.values ?? initial;
  return (
    <form ref={formRef} key={state.submission ?? 'initial'} action={action} className="space-y-8" noValidate>
      {questionId ? (
        <>
          <input type="hidden" name="questionId" value={questionId} />
          <input type="hidden" name="baseVersion" value={baseVersion} />
        </>
      ) : null}
      <FormMessage state={state} />
      <section className="space-y-4" aria-labelledby="q-content">
        <h2 id="q-content" className="text-base font-semibold">
          Question
        </h2>
        <TextField label="Title" name="title" defaultValue={values?.title} required error={err('title')} />
        <TextAreaField label="Prompt" name="prompt" rows={5} defaultValue={values?.prompt} required error={err('prompt')} hint="What you read out or show the candidate. Markdown is allowed." />
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField label="Kind" name="kind" defaultValue={values?.kind ?? 'technical'} error={err('kind')}>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Level" name="level" defaultValue={values?.level ?? 'mid'} error={err('level')}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </SelectField>
          <TextField label="Expected minutes" name="expectedMinutes" type="number" min={1} max={240} defaultValue={values?.expectedMinutes ?? '15'} error={err('expectedMinutes')} />
        </div>
      </section>

      <section className="space-y-4" aria-labelledby="q-skills">
        <h2 id="q-skills" className="text-base font-semibold">
          Skills
        </h2>
        <SelectField label="Primary skill" name="primarySkillId" defaultValue={values?.primarySkillId ?? ''} error={err('primarySkillId')}>
          <option value="" disabled>
            Choose a skill…
          </option>
          {taxonomy.map((c) => (
            <optgroup key={c.id} label={c.name}>
              {c.skills.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <fieldset aria-describedby={err('secondarySkillIds') ? 'secondary-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">Secondary skills (optional, up to 5)</legend>
          <div className="mt-2 grid max-h-64 gap-x-6 gap-y-1 overflow-y-auto rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-3">
            {taxonomy.flatMap((c) =>
              c.skills.map((s) => (
                <label key={s.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="secondarySkillIds" value={s.id} defaultChecked={values?.secondarySkillIds.includes(s.id)} className="size-4 rounded border-slate-300" />
                  {s.name}
                </label>
              )),
            )}
          </div>
          {err('secondarySkillIds') ? (
            <p id="secondary-error" className="mt-1 text-sm text-red-700">
              {err('secondarySkillIds')}
            </p>
          ) : null}
        </fieldset>
      </section>

      <section className="space-y-4" aria-labelledby="q-guidance">
        <h2 id="q-guidance" className="text-base font-semibold">
          Guidance for the interviewer
        </h2>
        <TextAreaField label="Listen for" name="listenFor" rows={4} defaultValue={values?.listenFor} hint="One point per line." error={err('listenFor')} />
        <TextAreaField label="Red flags" name="redFlags" rows={3} defaultValue={values?.redFlags} hint="One per line." error={err('redFlags')} />
        <TextAreaField label="Follow-up questions" name="followUps" rows={3} defaultValue={values?.followUps} hint="One per line." error={err('followUps')} />
      </section>

      <section className="space-y-4" aria-labelledby="q-rubric">
        <div>
          <h2 id="q-rubric" className="text-base font-semibold">
            Rubric
          </h2>
          <p className="text-sm text-slate-600">Describe what an answer at each score sounds like for this question. All four anchors are required.</p>
        </div>
        {RUBRIC_LABELS.map((label, i) => (
          <TextAreaField key={label} label={`Anchor ${label}`} name={`rubric${i + 1}`} rows={2} defaultValue={values?.[`rubric${i + 1}` as 'rubric1']} required error={err(`rubric${i + 1}`)} />
        ))}
      </section>

      <div className="flex gap-2">
        <SubmitButton pendingText="Saving…">{questionId ? 'Save as new version' : 'Create question'}</SubmitButton>
        <ButtonLink variant="secondary" href={questionId ? `/questions/${questionId}` : '/questions'}>
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
