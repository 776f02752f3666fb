// The question file formats for export and import: JSON (one document) and CSV (one row per
// question; list cells hold one item per line). Pure, so it is tested without a database.
import Papa from 'papaparse';
import { z } from 'zod';
import { toCsv, unescapeCsvCell } from '../csv';
import { LEVELS, QUESTION_KINDS } from './schemas';

export const QUESTION_FILE_FORMAT = 'loopkit.questions';

const text = (label: string, min: number, max: number) =>
  z.string({ error: `${label} is required` }).trim().min(min, `${label} needs at least ${min} characters`).max(max, `${label} must be at most ${max} characters`);
const items = (label: string, min: number) => z.array(text(label, 3, 500).regex(/^[^\r\n]*$/, `Each ${label} item must fit on one line`)).min(min, min ? `Add at least ${min} ${label}` : undefined).max(20);

/** One question in a file; skills are referenced by slug so files move between installs. */
export const QuestionFileEntry = z.object({
  id: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: 'id must be a question id from an export, or empty' }).optional()),
  title: text('title', 5, 120),
  prompt: text('prompt', 10, 5000),
  kind: z.enum(QUESTION_KINDS, { error: `kind must be one of ${QUESTION_KINDS.join(', ')}` }),
  level: z.enum(LEVELS, { error: `level must be one of ${LEVELS.join(', ')}` }),
  expectedMinutes: z.coerce.number({ error: 'expectedMinutes must be a number' }).int('expectedMinutes must be whole minutes').min(1).max(240),
  primarySkill: z.string({ error: 'primarySkill is required' }).trim().min(1, 'primarySkill is required'),
  secondarySkills: z.array(z.string().trim().min(1)).max(5, 'At most 5 secondary skills').default([]),
  listenFor: items('listenFor', 1),
  redFlags: items('redFlags', 1),
  followUps: items('followUps', 0).default([]),
  rubric: z.object({ '1': text('rubric 1', 10, 1000), '2': text('rubric 2', 10, 1000), '3': text('rubric 3', 10, 1000), '4': text('rubric 4', 10, 1000) }, { error: 'rubric needs anchors 1, 2, 3 and 4' }),
  status: z.enum(['active', 'archived']).default('active'),
});
export type QuestionFileEntry = z.output<typeof QuestionFileEntry>;

export const QuestionFile = z.object({
  format: z.literal(QUESTION_FILE_FORMAT, { error: `format must be "${QUESTION_FILE_FORMAT}"` }),
  version: z.literal(1, { error: 'version must be 1' }),
  questions: z.array(z.unknown()).max(5000, 'At most 5,000 questions per file'),
});

const CSV_COLUMNS = [
  'id',
  'title',
  'prompt',
  'kind',
  'level',
  'expected_minutes',
  'primary_skill',
  'secondary_skills',
  'listen_for',
  'red_flags',
  'follow_ups',
  'rubric_1',
  'rubric_2',
  'rubric_3',
  'rubric_4',
  'status',
] as const;

export function questionsToJson(entries: QuestionFileEntry[]): string {
  return JSON.stringify({ format: QUESTION_FILE_FORMAT, version: 1, exportedAt: new Date().toISOString(), questions: entries }, null, 2);
}

export function questionsToCsv(entries: QuestionFileEntry[]): string {
  return toCsv({
    fields: [...CSV_COLUMNS],
    data: entries.map((e) => [
      e.id ?? '',
      e.title,
      e.prompt,
      e.kind,
      e.level,
      e.expectedMinutes,
      e.primarySkill,
      e.secondarySkills.join('\n'),
      e.listenFor.join('\n'),
      e.redFlags.join('\n'),
      e.followUps.join('\n'),
      e.rubric['1'],
      e.rubric['2'],
      e.rubric['3'],
      e.rubric['4'],
      e.status,
    ]),
  });
}

export interface RowError {
  /** 1-based row (CSV: the data row after the header; JSON: the index in "questions" + 1). */
  row: number;
  field: string;
  message: string;
}

export type ParsedFile = { ok: true; entries: QuestionFileEntry[] } | { ok: false; errors: RowError[] };

const CSV_TO_FIELD: Record<string, string> = {
  expected_minutes: 'expectedMinutes',
  primary_skill: 'primarySkill',
  secondary_skills: 'secondarySkills',
  listen_for: 'listenFor',
  red_flags: 'redFlags',
  follow_ups: 'followUps',
};

function splitLines(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function validateEntries(raw: unknown[], fieldName: (path: string) => string): ParsedFile {
  const errors: RowError[] = [];
  const entries: QuestionFileEntry[] = [];
  raw.forEach((value, index) => {
    const parsed = QuestionFileEntry.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
    else for (const issue of parsed.error.issues) errors.push({ row: index + 1, field: fieldName(issue.path.map(String).join('.')), message: issue.message });
  });
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}

export function parseQuestionFile(format: 'json' | 'csv', content: string): ParsedFile {
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch {
      return { ok: false, errors: [{ row: 0, field: 'file', message: 'The file is not valid JSON' }] };
    }
    const file = QuestionFile.safeParse(data);
    if (!file.success) return { ok: false, errors: file.error.issues.map((i) => ({ row: 0, field: i.path.join('.') || 'file', message: i.message })) };
    return validateEntries(file.data.questions, (path) => path);
  }
  const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transform: unescapeCsvCell });
  const missing = ['title', 'prompt', 'kind', 'level', 'expected_minutes', 'primary_skill', 'listen_for', 'red_flags', 'rubric_1', 'rubric_2', 'rubric_3', 'rubric_4'].filter(
    (c) => !parsed.meta.fields?.includes(c),
  );
  if (missing.length) return { ok: false, errors: [{ row: 0, field: 'header', message: `Missing columns: ${missing.join(', ')}` }] };
  const parseErrors = parsed.errors.map((e) => ({ row: (e.row ?? -1) + 1, field: 'row', message: e.message }));
  if (parseErrors.length) return { ok: false, errors: parseErrors };
  const raw = parsed.data.map((r) => ({
    id: r.id,
    title: r.title,
    prompt: r.prompt,
    kind: r.kind?.trim(),
    level: r.level?.trim(),
    expectedMinutes: r.expected_minutes,
    primarySkill: r.primary_skill,
    secondarySkills: splitLines(r.secondary_skills?.replace(/\|/g, '\n')),
    listenFor: splitLines(r.listen_for),
    redFlags: splitLines(r.red_flags),
    followUps: splitLines(r.follow_ups),
    rubric: { '1': r.rubric_1, '2': r.rubric_2, '3': r.rubric_3, '4': r.rubric_4 },
    status: r.status?.trim() || undefined,
  }));
  const toColumn: Record<string, string> = Object.fromEntries(Object.entries(CSV_TO_FIELD).map(([column, field]) => [field, column]));
  return validateEntries(raw, (path) => {
    const [head, sub] = path.split('.');
    if (head === 'rubric') return `rubric_${sub}`;
    return toColumn[head ?? ''] ?? head ?? 'row';
  });
}
