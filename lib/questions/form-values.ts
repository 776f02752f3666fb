// The question form's values as the browser holds them: every field a string (or the ticked
// secondary skills), lists one item per line. Pure and browser-safe, so the edit page fills the
// form from a stored version and the server action hands back exactly what was submitted.
import type { QuestionContent } from './schemas';

export interface QuestionFormValues {
  title: string;
  prompt: string;
  kind: string;
  level: string;
  expectedMinutes: string;
  primarySkillId: string;
  secondarySkillIds: string[];
  listenFor: string;
  redFlags: string;
  followUps: string;
  rubric1: string;
  rubric2: string;
  rubric3: string;
  rubric4: string;
}

export function contentToFormValues(c: QuestionContent): QuestionFormValues {
  return {
    title: c.title,
    prompt: c.prompt,
    kind: c.kind,
    level: c.level,
    expectedMinutes: String(c.expectedMinutes),
    primarySkillId: c.primarySkillId,
    secondarySkillIds: c.secondarySkillIds,
    listenFor: c.listenFor.join('\n'),
    redFlags: c.redFlags.join('\n'),
    followUps: c.followUps.join('\n'),
    rubric1: c.rubric1,
    rubric2: c.rubric2,
    rubric3: c.rubric3,
    rubric4: c.rubric4,
  };
}

/** What was submitted, unparsed: the form shows it again after a validation error. */
export function formDataToQuestionFormValues(formData: FormData): QuestionFormValues {
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === 'string' ? v : '';
  };
  return {
    title: text('title'),
    prompt: text('prompt'),
    kind: text('kind'),
    level: text('level'),
    expectedMinutes: text('expectedMinutes'),
    primarySkillId: text('primarySkillId'),
    secondarySkillIds: formData.getAll('secondarySkillIds').filter((v): v is string => typeof v === 'string'),
    listenFor: text('listenFor'),
    redFlags: text('redFlags'),
    followUps: text('followUps'),
    rubric1: text('rubric1'),
    rubric2: text('rubric2'),
    rubric3: text('rubric3'),
    rubric4: text('rubric4'),
  };
}
