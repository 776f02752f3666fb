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
import { parseQuestionFile, type QuestionFileEntry, questionsToCsv, questionsToJson, type RowError } from './file-format';
import { entryToContent, versionToContent } from './content';
import { insertQuestionVersion } from './mutations';
import type { QuestionContent } from './schemas';

const ExportInput = z.object({ format: z.enum(['json', 'csv']).default('json'), scope: z.enum(['ours', 'all']).default('ours') });
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
  const { format, scope } = parseInput(ExportInput, input);
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

export type ImportPreview = { ok: true; rows: ImportPlanRow[]; counts: Record<ImportPlanRow['action'], number> } | { ok: false; errors: RowError[] };

interface PlannedEntry {
  plan: ImportPlanRow;
  content: QuestionContent;
  status: 'active' | 'archived';
  /** For updates: whether the content differs (a new version) or only the status. */
  contentChanged: boolean;
}

function sameContent(a: QuestionContent, b: QuestionContent): boolean {
  const norm = (c: QuestionContent) => JSON.stringify({ ...c, secondarySkillIds: [...c.secondarySkillIds].sort() });
  return norm(a) === norm(b);
}

async function planImport(ctx: Ctx, input: unknown): Promise<{ ok: true; planned: PlannedEntry[] } | { ok: false; errors: RowError[] }> {
  const { format, content } = parseInput(ImportInput, input);
  const parsed = parseQuestionFile(format, content);
  if (!parsed.ok) return parsed;
  const { bySlug } = await skillLookup(ctx);
  const errors: RowError[] = [];
  const skillField = (name: string) => (format === 'csv' ? { primarySkill: 'primary_skill', secondarySkills: 'secondary_skills' }[name]! : name);
  const ids = parsed.entries.map((e) => e.id).filter((id): id is string => Boolean(id));
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
  parsed.entries.forEach((entry, index) => {
    const row = index + 1;
    const primarySkillId = bySlug.get(entry.primarySkill);
    if (!primarySkillId) errors.push({ row, field: skillField('primarySkill'), message: `Unknown skill "${entry.primarySkill}"` });
    const secondarySkillIds: string[] = [];
    for (const slug of entry.secondarySkills) {
      const id = bySlug.get(slug);
      if (id) secondarySkillIds.push(id);
      else errors.push({ row, field: skillField('secondarySkills'), message: `Unknown skill "${slug}"` });
    }
    if (entry.id && seenIds.has(entry.id)) errors.push({ row, field: 'id', message: 'The same question id appears twice in the file' });
    if (entry.id) seenIds.add(entry.id);
    if (!primarySkillId) return;
    const content = entryToContent(entry, { primarySkillId, secondarySkillIds });
    const match = entry.id ? existing.find((e) => e.question.id === entry.id) : undefined;
    if (!match) {
      planned.push({ plan: { row, action: 'create', title: entry.title }, content, status: entry.status, contentChanged: true });
      return;
    }
    const v = match.version;
    const current = versionToContent(
      v,
      existingSkills.filter((s) => s.questionVersionId === v.id && !s.isPrimary).map((s) => s.skillId),
    );
    const contentChanged = !sameContent(current, content);
    const unchanged = !contentChanged && match.question.status === entry.status;
    planned.push({ plan: { row, action: unchanged ? 'unchanged' : 'update', title: entry.title, questionId: match.question.id }, content, status: entry.status, contentChanged });
  });
  return errors.length ? { ok: false, errors } : { ok: true, planned };
}

export async function previewQuestionImport(ctx: Ctx, input: unknown): Promise<ImportPreview> {
  requirePermission(ctx, 'question:write');
  const result = await planImport(ctx, input);
  if (!result.ok) return result;
  const rows = result.planned.map((p) => p.plan);
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const r of rows) counts[r.action] += 1;
  return { ok: true, rows, counts };
}

/** Applies a valid file in one transaction; an invalid file raises ValidationError and writes nothing. */
export async function importQuestions(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'question:write');
  return inTransaction(ctx, async (tx) => {
    const result = await planImport(tx, input);
    if (!result.ok) {
      const fieldErrors: Record<string, string[]> = {};
      for (const e of result.errors) (fieldErrors[`row ${e.row}: ${e.field}`] ??= []).push(e.message);
      throw new ValidationError(fieldErrors, `The file has ${result.errors.length} error(s); nothing was imported.`);
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
