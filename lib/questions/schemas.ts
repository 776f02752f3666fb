// Input schemas for the question bank; safe to import in the browser.
import { z } from 'zod';

export const QUESTION_KINDS = ['technical', 'system_design', 'coding', 'behavioural', 'situational'] as const;
export const LEVELS = ['junior', 'mid', 'senior', 'staff'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export type Level = (typeof LEVELS)[number];

export const KIND_LABELS: Record<QuestionKind, string> = {
  technical: 'Technical',
  system_design: 'System design',
  coding: 'Coding',
  behavioural: 'Behavioural',
  situational: 'Situational',
};
export const LEVEL_LABELS: Record<Level, string> = { junior: 'Junior', mid: 'Mid', senior: 'Senior', staff: 'Staff' };
export const RUBRIC_LABELS = ['1 — Poor', '2 — Weak', '3 — Solid', '4 — Excellent'] as const;

const optionalList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** Filters for the bank; every field also lives in the URL so a search can be shared. */
export const SearchQuestionsInput = z.object({
  q: z.string().trim().max(200, 'Use at most 200 characters').default(''),
  category: optionalList(z.uuid({ error: 'category is not a valid id' })).default([]),
  skill: optionalList(z.uuid({ error: 'skill is not a valid id' })).default([]),
  level: optionalList(z.enum(LEVELS)).default([]),
  kind: optionalList(z.enum(QUESTION_KINDS)).default([]),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  origin: z.enum(['all', 'builtin', 'ours']).default('all'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type SearchQuestionsInput = z.input<typeof SearchQuestionsInput>;
export type SearchQuestionsFilters = z.output<typeof SearchQuestionsInput>;

export const QuestionIdInput = z.object({ questionId: z.uuid({ error: 'Question is not a valid id' }) });

const line = (label: string) =>
  z
    .string()
    .trim()
    .min(3, `Each ${label} needs at least 3 characters`)
    .max(500, `Each ${label} must be at most 500 characters`)
    .regex(/^[^\r\n]*$/, `Each ${label} must fit on one line`);
/** Textareas send one item per line. */
const lines = (label: string, min: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split('\n').map((s) => s.trim()).filter(Boolean) : v),
    z.array(line(label)).min(min, min === 1 ? `Add at least one ${label}` : `Add at least ${min} ${label}s`).max(20, `At most 20 ${label}s`),
  );
const anchor = (score: number) =>
  z
    .string({ error: `Describe what a ${score} answer sounds like` })
    .trim()
    .min(10, `Describe what a ${score} answer sounds like (at least 10 characters)`)
    .max(1000, 'Use at most 1000 characters');

export const QuestionContentInput = z.object({
  title: z.string({ error: 'Enter a title' }).trim().min(5, 'Use at least 5 characters').max(120, 'Use at most 120 characters'),
  prompt: z.string({ error: 'Enter the prompt' }).trim().min(10, 'Use at least 10 characters').max(5000, 'Use at most 5000 characters'),
  kind: z.enum(QUESTION_KINDS, { error: 'Choose a kind' }),
  level: z.enum(LEVELS, { error: 'Choose a level' }),
  expectedMinutes: z.coerce.number({ error: 'Enter the minutes' }).int('Use whole minutes').min(1, 'At least 1 minute').max(240, 'At most 240 minutes'),
  primarySkillId: z.uuid({ error: 'Choose a primary skill' }),
  secondarySkillIds: optionalList(z.uuid({ error: 'secondary skill is not a valid id' })).pipe(z.array(z.uuid()).max(5, 'At most 5 secondary skills')).default([]),
  listenFor: lines('listen-for point', 1),
  redFlags: lines('red flag', 1),
  followUps: lines('follow-up', 0),
  rubric1: anchor(1),
  rubric2: anchor(2),
  rubric3: anchor(3),
  rubric4: anchor(4),
});
export type QuestionContentInput = z.input<typeof QuestionContentInput>;
export type QuestionContent = z.output<typeof QuestionContentInput>;

export const UpdateQuestionInput = QuestionContentInput.extend({
  questionId: z.uuid({ error: 'Question is not a valid id' }),
  /** The version the editor started from; a newer saved version means someone else edited. */
  baseVersion: z.coerce.number().int().min(1),
});
