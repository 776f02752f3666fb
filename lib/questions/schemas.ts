// Input schemas for the question bank; safe to import in the browser.
import { z } from 'zod';

export const QUESTION_KINDS = ['technical', 'system_design', 'coding', 'behavioural', 'situational'] as const;
export const LEVELS = ['junior', 'mid', 'senior', 'staff'] as const;

export const KIND_LABELS: Record<(typeof QUESTION_KINDS)[number], string> = {
  technical: 'Technical',
  system_design: 'System design',
  coding: 'Coding',
  behavioural: 'Behavioural',
  situational: 'Situational',
};
export const LEVEL_LABELS: Record<(typeof LEVELS)[number], string> = { junior: 'Junior', mid: 'Mid', senior: 'Senior', staff: 'Staff' };

export const ListQuestionsInput = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  origin: z.enum(['all', 'builtin', 'ours']).default('all'),
});
export type ListQuestionsInput = z.input<typeof ListQuestionsInput>;

export const QuestionIdInput = z.object({ questionId: z.uuid({ error: 'Question is not a valid id' }) });
