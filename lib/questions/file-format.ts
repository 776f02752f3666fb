// The question file formats for export and import: JSON (one document) and CSV (one row per
// question; list cells hold one item per line). Pure, so it is tested without a database.
import Papa from 'papaparse';
import { z } from 'zod';
import { toCsv, unescapeCsvCell } from '../csv';
import { LEVELS, QUESTION_KINDS } from './schemas';

export const QUESTION_FILE_FORMAT = 'loopkit.questions';

/**
 * What each field is called on screen (the question form's labels). Import errors use these, and
 * name the CSV column or JSON key beside them, so nobody has to read an internal field name.
 */
export const FIELD_LABELS: Record<string, string> = {
  id: 'Id',
  title: 'Title',
  prompt: 'Prompt',
  kind: 'Kind',
  level: 'Level',
  expectedMinutes: 'Expected minutes',
  primarySkill: 'Primary skill',
  secondarySkills: 'Secondary skills',
  listenFor: 'Listen for',
  redFlags: 'Red flags',
  followUps: 'Follow-up questions',
  rubric: 'Rubric',
  'rubric.1': 'Anchor 1 — Poor',
  'rubric.2': 'Anchor 2 — Weak',
  'rubric.3': 'Anchor 3 — Solid',
  'rubric.4': 'Anchor 4 — Excellent',
  status: 'Status',
};

const text = (label: string, min: number, max: number) =>
  z.string({ error: `${label} is required` }).trim().min(min, `${label} needs at least ${min} characters`).max(max, `${label} must be at most ${max} characters`);
/** A list cell: one item per line; `item` names one item in messages ("listen-for point"). */
const items = (item: string, min: number) =>
  z
    .array(
      z
        .string({ error: `Each ${item} must be text` })
        .trim()
        .min(3, `Each ${item} needs at least 3 characters`)
        .max(500, `Each ${item} must be at most 500 characters`)
        .regex(/^[^\r\n]*$/, `Each ${item} must fit on one line`),
      { error: `List each ${item} on its own line` },
    )
    .min(min, min === 1 ? `Add at least one ${item}` : `Add at least ${min} ${item}s`)
    .max(20, `At most 20 ${item}s`);

/** One question in a file; skills are referenced by slug so files move between installs. */
export const QuestionFileEntry = z.object({
  id: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: 'Id must be a question id from an export, or empty' }).optional()),
  title: text('Title', 5, 120),
  prompt: text('Prompt', 10, 5000),
  kind: z.enum(QUESTION_KINDS, { error: `Kind must be one of ${QUESTION_KINDS.join(', ')}` }),
  level: z.enum(LEVELS, { error: `Level must be one of ${LEVELS.join(', ')}` }),
  // An empty cell is a missing number, not 0 (Number('') is 0).
  expectedMinutes: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ error: 'Expected minutes must be a number' })
      .int('Expected minutes must be whole minutes')
      .min(1, 'Expected minutes must be at least 1')
      .max(240, 'Expected minutes must be at most 240'),
  ),
  primarySkill: z.string({ error: 'Primary skill is required (a skill slug)' }).trim().min(1, 'Primary skill is required (a skill slug)'),
  secondarySkills: z.array(z.string({ error: 'Each secondary skill must be a skill slug' }).trim().min(1)).max(5, 'At most 5 secondary skills').default([]),
  listenFor: items('listen-for point', 1),
  redFlags: items('red flag', 1),
  followUps: items('follow-up question', 0).default([]),
  rubric: z.object(
    { '1': text('Anchor 1', 10, 1000), '2': text('Anchor 2', 10, 1000), '3': text('Anchor 3', 10, 1000), '4': text('Anchor 4', 10, 1000) },
    { error: 'The rubric needs anchors 1, 2, 3 and 4' },
  ),
  status: z.enum(['active', 'archived'], { error: 'Status must be active or archived' }).default('active'),
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
  /**
   * Where the problem is; 0 for the file as a whole. CSV: the spreadsheet's row number (the header
   * is row 1, the first question row 2). JSON: the question's position in "questions", from 1.
   */
  row: number;
  /** The CSV column or JSON key, as written in the file. */
  field: string;
  /** The field's name on screen (FIELD_LABELS); absent for problems with the file itself. */
  label?: string;
  message: string;
}

/** How rows are numbered in each format; said next to every list of rows. */
export const ROW_NUMBERING = {
  csv: 'Rows are numbered as in a spreadsheet: the header is row 1, the first question is row 2.',
  json: 'Questions are numbered by their position in the file’s "questions" list, from 1.',
} as const;

const firstRow = { csv: 2, json: 1 } as const;

export interface ParsedFile {
  ok: boolean;
  /** The rows that are valid, with their row numbers. */
  entries: { row: number; entry: QuestionFileEntry }[];
  /** The skill slugs every row names, valid or not, so unknown skills are reported in the same pass. */
  skillRefs: { row: number; primarySkill: string | undefined; secondarySkills: string[] }[];
  errors: RowError[];
}

const CSV_TO_FIELD: Record<string, string> = {
  expected_minutes: 'expectedMinutes',
  primary_skill: 'primarySkill',
  secondary_skills: 'secondarySkills',
  listen_for: 'listenFor',
  red_flags: 'redFlags',
  follow_ups: 'followUps',
};
const FIELD_TO_CSV: Record<string, string> = Object.fromEntries(Object.entries(CSV_TO_FIELD).map(([column, field]) => [field, column]));

function splitLines(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const fileError = (field: string, message: string): ParsedFile => ({ ok: false, entries: [], skillRefs: [], errors: [{ row: 0, field, message }] });

function validateEntries(format: 'json' | 'csv', raw: unknown[]): ParsedFile {
  const errors: RowError[] = [];
  const entries: ParsedFile['entries'] = [];
  const skillRefs: ParsedFile['skillRefs'] = [];
  raw.forEach((value, index) => {
    const row = index + firstRow[format];
    const r = (value ?? {}) as { primarySkill?: unknown; secondarySkills?: unknown };
    skillRefs.push({
      row,
      primarySkill: typeof r.primarySkill === 'string' && r.primarySkill.trim() ? r.primarySkill.trim() : undefined,
      secondarySkills: Array.isArray(r.secondarySkills) ? r.secondarySkills.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim()) : [],
    });
    const parsed = QuestionFileEntry.safeParse(value);
    if (parsed.success) {
      entries.push({ row, entry: parsed.data });
      return;
    }
    // One message per field: a list with three short items says so once, not three times.
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const [head, sub] = issue.path.map(String);
      const key = head === 'rubric' && sub ? `rubric.${sub}` : (head ?? '');
      if (seen.has(`${key}:${issue.message}`)) continue;
      seen.add(`${key}:${issue.message}`);
      const field = format === 'csv' ? (head === 'rubric' && sub ? `rubric_${sub}` : (FIELD_TO_CSV[key] ?? key)) : key;
      errors.push({ row, field: field || 'row', label: FIELD_LABELS[key], message: issue.message });
    }
  });
  return { ok: errors.length === 0, entries, skillRefs, errors };
}

export function parseQuestionFile(format: 'json' | 'csv', content: string): ParsedFile {
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch {
      return fileError('file', 'The file is not valid JSON');
    }
    const file = QuestionFile.safeParse(data);
    if (!file.success) return { ok: false, entries: [], skillRefs: [], errors: file.error.issues.map((i) => ({ row: 0, field: i.path.join('.') || 'file', message: i.message })) };
    return validateEntries('json', file.data.questions);
  }
  const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transform: unescapeCsvCell });
  const missing = ['title', 'prompt', 'kind', 'level', 'expected_minutes', 'primary_skill', 'listen_for', 'red_flags', 'rubric_1', 'rubric_2', 'rubric_3', 'rubric_4'].filter(
    (c) => !parsed.meta.fields?.includes(c),
  );
  if (missing.length) return fileError('header', `The header row (row 1) is missing the columns ${missing.join(', ')}`);
  // Papa counts data records from 0; the spreadsheet's row is that plus the header plus one.
  const parseErrors = parsed.errors.map((e) => ({ row: e.row === undefined ? 0 : e.row + firstRow.csv, field: 'row', message: e.message }));
  if (parseErrors.length) return { ok: false, entries: [], skillRefs: [], errors: parseErrors };
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
  return validateEntries('csv', raw);
}

/**
 * One complete example question, the body of the downloadable templates: every column filled in,
 * with built-in skill slugs, so a template imports as it is (one new question).
 */
export const TEMPLATE_ENTRY: QuestionFileEntry = {
  title: 'Designing pagination for a public API',
  prompt: 'A public `GET /orders` endpoint returns 50,000 rows. How would you paginate it, and what changes if orders are inserted while a client pages through?',
  kind: 'technical',
  level: 'mid',
  expectedMinutes: 15,
  primarySkill: 'rest-api-design',
  secondarySkills: ['query-optimization'],
  listenFor: ['Compares offset and cursor (keyset) pagination', 'Keeps a stable sort order with a unique tie-breaker', 'Returns a `next` link or cursor instead of page numbers'],
  redFlags: ['Returns everything and lets the client filter'],
  followUps: ['How would you expose the total count, and what does it cost?'],
  rubric: {
    '1': 'Proposes no pagination or only "limit the rows" without how a client gets the rest.',
    '2': 'Describes offset pagination but misses duplicates and gaps when rows are inserted.',
    '3': 'Chooses cursor pagination on a stable, unique sort key and explains why offsets drift.',
    '4': 'Also covers index support, opaque cursors, total-count trade-offs and client guidance.',
  },
  status: 'active',
};

export function questionTemplate(format: 'json' | 'csv'): string {
  // The template has no id: a row without one is created, a row with an exported id updates it.
  return format === 'csv' ? questionsToCsv([TEMPLATE_ENTRY]) : questionsToJson([TEMPLATE_ENTRY]);
}
