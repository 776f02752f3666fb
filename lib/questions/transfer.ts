import 'server-only';
// Export and import of the question bank as JSON or CSV. Import validates every row first and
// reports each error by row and field; nothing is written unless the whole file is valid, and a
// preview shows what would be created or updated before anything is committed.
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { questions, questionVersions, questionVersionSkills, skills } from '@/db/schema';
import { questionsById, refreshQuestionSearch } from '@/db/search';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ValidationError } from '../errors';
import { parseInput } from '../validation';
import { FIELD_LABELS, parseQuestionFile, type QuestionFileEntry, questionsToCsv, questionsToJson, ROW_NUMBERING, type RowError } from './file-format';
import { entryToContent, sameContent, versionToContent } from './content';
import { insertQuestionVersion } from './mutations';
import type { QuestionContent } from './schemas';
import { plural } from '../text';

export const ExportQuestionsInput = z.object({ format: z.enum(['json', 'csv']).default('json'), scope: z.enum(['ours', 'all']).default('ours') });
const ImportInput = z.object({
  format: z.enum(['json', 'csv'], { error: 'format must be json or csv' }),
  content: z.string({ error: 'Choose a file' }).min(1, 'The file is empty').max(10_000_000, 'The file is larger than 10 MB'),
});

/** Slug → id for every skill the organization can use; its own skills win over built-in ones. */
export async function skillLookup(ctx: Ctx) {
  const rows = await ctx.db
    .select({ id: skills.id, slug: skills.slug, organizationId: skills.organizationId })
    .from(skills)
    .where(and(or(eq(skills.organizationId, ctx.organizationId), isNull(skills.organizationId)), isNull(skills.archivedAt)));
  const bySlug = new Map<string, string>();
  for (const r of rows.filter((r) => r.organizationId === null)) bySlug.set(r.slug, r.id);
  for (const r of rows.filter((r) => r.organizationId !== null)) bySlug.set(r.slug, r.id);
  const slugById = new Map(rows.map((r) => [r.id, r.slug]));
  return { bySlug, slugById };
}

export async function exportQuestions(ctx: Ctx, input: unknown): Promise<{ filename: string; contentType: string; body: string; count: number }> {
  requirePermission(ctx, 'question:read');
  const { format, scope } = parseInput(ExportQuestionsInput, input);
  const { slugById } = await skillLookup(ctx);
  const rows = await ctx.db
    .select({ question: questions, version: questionVersions })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(scope === 'ours' ? eq(questions.organizationId, ctx.organizationId) : or(eq(questions.organizationId, ctx.organizationId), isNull(questions.organizationId)))
    .orderBy(asc(questionVersions.title), asc(questions.id));
  const versionIds = rows.map((r) => r.version.id);
  const skillRows = versionIds.length ? await ctx.db.select().from(questionVersionSkills).where(inArray(questionVersionSkills.questionVersionId, versionIds)) : [];
  const entries: QuestionFileEntry[] = rows.map(({ question, version: v }) => ({
    id: question.organizationId ? question.id : undefined,
    title: v.title,
    prompt: v.prompt,
    kind: v.kind,
    level: v.level,
    expectedMinutes: v.expectedMinutes,
    primarySkill: slugById.get(v.primarySkillId) ?? '',
    secondarySkills: skillRows.filter((s) => s.questionVersionId === v.id && !s.isPrimary).map((s) => slugById.get(s.skillId) ?? '').sort(),
    listenFor: v.listenFor,
    redFlags: v.redFlags,
    followUps: v.followUps,
    rubric: { '1': v.rubric1, '2': v.rubric2, '3': v.rubric3, '4': v.rubric4 },
    status: question.status,
  }));
  const stamp = new Date().toISOString().slice(0, 10);
  return format === 'csv'
    ? { filename: `loopkit-questions-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', body: questionsToCsv(entries), count: entries.length }
    : { filename: `loopkit-questions-${stamp}.json`, contentType: 'application/json', body: questionsToJson(entries), count: entries.length };
}

export interface ImportPlanRow {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  title: string;
  questionId?: string;
}

/** `numbering` says how `row` counts (ROW_NUMBERING), so the page can tell the person. */
export type ImportPreview =
  | { ok: true; rows: ImportPlanRow[]; counts: Record<ImportPlanRow['action'], number>; numbering: string }
  | { ok: false; errors: RowError[]; numbering: string };

interface PlannedEntry {
  plan: ImportPlanRow;
  content: QuestionContent;
  status: 'active' | 'archived';
  /** For updates: whether the content differs (a new version) or only the status. */
  contentChanged: boolean;
}

async function planImport(ctx: Ctx, input: unknown): Promise<{ ok: true; planned: PlannedEntry[]; format: 'json' | 'csv' } | { ok: false; errors: RowError[]; format: 'json' | 'csv' }> {
  const { format, content } = parseInput(ImportInput, input);
  const parsed = parseQuestionFile(format, content);
  // A problem with the file itself (not JSON, missing columns) leaves no rows to check further.
  if (!parsed.ok && parsed.errors.some((e) => e.row === 0)) return { ok: false, errors: parsed.errors, format };
  const { bySlug } = await skillLookup(ctx);
  const errors: RowError[] = [...parsed.errors];
  const skillField = (name: 'primarySkill' | 'secondarySkills') => (format === 'csv' ? { primarySkill: 'primary_skill', secondarySkills: 'secondary_skills' }[name] : name);
  // Unknown skills are checked on every row, valid or not, so one preview lists every problem.
  for (const ref of parsed.skillRefs) {
    if (ref.primarySkill && !bySlug.has(ref.primarySkill)) {
      errors.push({ row: ref.row, field: skillField('primarySkill'), label: FIELD_LABELS.primarySkill, message: `Unknown skill "${ref.primarySkill}"` });
    }
    for (const slug of ref.secondarySkills) {
      if (!bySlug.has(slug)) errors.push({ row: ref.row, field: skillField('secondarySkills'), label: FIELD_LABELS.secondarySkills, message: `Unknown skill "${slug}"` });
    }
  }
  const ids = parsed.entries.map((e) => e.entry.id).filter((id): id is string => Boolean(id));
  const existing = ids.length
    ? await ctx.db
        .select({ question: questions, version: questionVersions })
        .from(questions)
        .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
        .where(and(inArray(questions.id, ids), eq(questions.organizationId, ctx.organizationId)))
    : [];
  const existingSkills = existing.length
    ? await ctx.db.select().from(questionVersionSkills).where(inArray(questionVersionSkills.questionVersionId, existing.map((e) => e.version.id)))
    : [];
  const seenIds = new Set<string>();
  const planned: PlannedEntry[] = [];
  for (const { row, entry } of parsed.entries) {
    if (entry.id && seenIds.has(entry.id)) errors.push({ row, field: 'id', label: FIELD_LABELS.id, message: 'The same question id appears twice in the file' });
    if (entry.id) seenIds.add(entry.id);
    const primarySkillId = bySlug.get(entry.primarySkill);
    if (!primarySkillId) continue;
    const secondarySkillIds = entry.secondarySkills.map((slug) => bySlug.get(slug)).filter((id): id is string => Boolean(id));
    const content = entryToContent(entry, { primarySkillId, secondarySkillIds });
    const match = entry.id ? existing.find((e) => e.question.id === entry.id) : undefined;
    if (!match) {
      planned.push({ plan: { row, action: 'create', title: entry.title }, content, status: entry.status, contentChanged: true });
      continue;
    }
    const v = match.version;
    const current = versionToContent(
      v,
      existingSkills.filter((s) => s.questionVersionId === v.id && !s.isPrimary).map((s) => s.skillId),
    );
    const contentChanged = !sameContent(current, content);
    const unchanged = !contentChanged && match.question.status === entry.status;
    planned.push({ plan: { row, action: unchanged ? 'unchanged' : 'update', title: entry.title, questionId: match.question.id }, content, status: entry.status, contentChanged });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row), format };
  return { ok: true, planned, format };
}

export async function previewQuestionImport(ctx: Ctx, input: unknown): Promise<ImportPreview> {
  requirePermission(ctx, 'question:write');
  const result = await planImport(ctx, input);
  const numbering = ROW_NUMBERING[result.format];
  if (!result.ok) return { ok: false, errors: result.errors, numbering };
  const rows = result.planned.map((p) => p.plan);
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const r of rows) counts[r.action] += 1;
  return { ok: true, rows, counts, numbering };
}

/** Applies a valid file in one transaction; an invalid file raises ValidationError and writes nothing. */
export async function importQuestions(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'question:write');
  return inTransaction(ctx, async (tx) => {
    const result = await planImport(tx, input);
    if (!result.ok) {
      const fieldErrors: Record<string, string[]> = {};
      for (const e of result.errors) (fieldErrors[e.row ? `row ${e.row}: ${e.field}` : e.field] ??= []).push(e.message);
      throw new ValidationError(fieldErrors, `The file has ${plural(result.errors.length, 'error')}; nothing was imported.`);
    }
    const counts = { create: 0, update: 0, unchanged: 0 };
    for (const p of result.planned) {
      counts[p.plan.action] += 1;
      if (p.plan.action === 'create') {
        const [q] = await tx.db.insert(questions).values({ organizationId: ctx.organizationId, createdByUserId: ctx.userId, status: p.status }).returning();
        await insertQuestionVersion(tx, q!.id, 1, p.content);
      } else if (p.plan.action === 'update') {
        const [q] = await tx.db
          .select()
          .from(questions)
          .where(and(eq(questions.id, p.plan.questionId!), eq(questions.organizationId, ctx.organizationId)))
          .for('update');
        await tx.db.update(questions).set({ status: p.status }).where(eq(questions.id, q!.id));
        if (p.contentChanged) await insertQuestionVersion(tx, q!.id, q!.latestVersion + 1, p.content);
        else await refreshQuestionSearch(tx.db, questionsById([q!.id]));
      }
    }
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'questions.imported', entityType: 'question', data: counts });
    return counts;
  });
}
