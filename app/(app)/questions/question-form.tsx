'use client';
// Create or edit a question: content, skills, guidance and the four rubric anchors (all required).
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextAreaField, TextField, fieldError } from '@/app/_components/form';
import { ButtonLink } from '@/app/_components/ui';
import type { ActionState } from '@/lib/http';
import { KIND_LABELS, LEVEL_LABELS, LEVELS, QUESTION_KINDS, RUBRIC_LABELS } from '@/lib/questions/schemas';
import { saveQuestionAction } from './actions';

export interface QuestionFormValues {
  title: string;
  prompt: string;
  kind: string;
  level: string;
  expectedMinutes: number;
  primarySkillId: string;
  secondarySkillIds: string[];
  listenFor: string[];
  redFlags: string[];
  followUps: string[];
  rubric: [string, string, string, string];
}

export interface TaxonomyOption {
  id: string;
  name: string;
  skills: { id: string; name: string }[];
}

const idle: ActionState<{ questionId: string }> = { status: 'idle' };

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
  const err = (name: string) => fieldError(state, name);
  return (
    <form action={action} className="space-y-8" noValidate>
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
        <TextField label="Title" name="title" defaultValue={initial?.title} required error={err('title')} />
        <TextAreaField label="Prompt" name="prompt" rows={5} defaultValue={initial?.prompt} required error={err('prompt')} hint="What you read out or show the candidate. Markdown is allowed." />
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField label="Kind" name="kind" defaultValue={initial?.kind ?? 'technical'} error={err('kind')}>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Level" name="level" defaultValue={initial?.level ?? 'mid'} error={err('level')}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </SelectField>
          <TextField label="Expected minutes" name="expectedMinutes" type="number" min={1} max={240} defaultValue={initial?.expectedMinutes ?? 15} error={err('expectedMinutes')} />
        </div>
      </section>

      <section className="space-y-4" aria-labelledby="q-skills">
        <h2 id="q-skills" className="text-base font-semibold">
          Skills
        </h2>
        <SelectField label="Primary skill" name="primarySkillId" defaultValue={initial?.primarySkillId ?? ''} error={err('primarySkillId')}>
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
                  <input type="checkbox" name="secondarySkillIds" value={s.id} defaultChecked={initial?.secondarySkillIds.includes(s.id)} className="size-4 rounded border-slate-300" />
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
        <TextAreaField label="Listen for" name="listenFor" rows={4} defaultValue={initial?.listenFor.join('\n')} hint="One point per line." error={err('listenFor') ?? err('listenFor.0')} />
        <TextAreaField label="Red flags" name="redFlags" rows={3} defaultValue={initial?.redFlags.join('\n')} hint="One per line." error={err('redFlags') ?? err('redFlags.0')} />
        <TextAreaField label="Follow-up questions" name="followUps" rows={3} defaultValue={initial?.followUps.join('\n')} hint="One per line." error={err('followUps') ?? err('followUps.0')} />
      </section>

      <section className="space-y-4" aria-labelledby="q-rubric">
        <div>
          <h2 id="q-rubric" className="text-base font-semibold">
            Rubric
          </h2>
          <p className="text-sm text-slate-600">Describe what an answer at each score sounds like for this question. All four anchors are required.</p>
        </div>
        {RUBRIC_LABELS.map((label, i) => (
          <TextAreaField key={label} label={`Anchor ${label}`} name={`rubric${i + 1}`} rows={2} defaultValue={initial?.rubric[i]} required error={err(`rubric${i + 1}`)} />
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
