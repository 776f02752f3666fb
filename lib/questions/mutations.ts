import 'server-only';
// Changes to the question bank. A question's content is never updated in place: every saved edit
// inserts a new version, so kits and interviews that pinned an older version keep it exactly.
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { questions, questionSearchText, questionVersions, questionVersionSkills, skills } from '@/db/schema';
import { questionsById, refreshQuestionSearch } from '@/db/search';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { sameContent, versionToContent } from './content';
import { getQuestion } from './queries';
import { type QuestionContent, QuestionContentInput, QuestionIdInput, UpdateQuestionInput } from './schemas';

/** Inserts version `version` of a question with its skills and points the question at it (internal to lib/questions). */
export async function insertQuestionVersion(ctx: Ctx, questionId: string, version: number, content: QuestionContent) {
  const secondary = [...new Set(content.secondarySkillIds.filter((id) => id !== content.primarySkillId))];
  const wanted = [content.primarySkillId, ...secondary];
  const visible = await ctx.db
    .select({ id: skills.id })
    .from(skills)
    .where(and(inArray(skills.id, wanted), or(eq(skills.organizationId, ctx.organizationId), isNull(skills.organizationId)), isNull(skills.archivedAt)));
  const visibleIds = new Set(visible.map((s) => s.id));
  if (!visibleIds.has(content.primarySkillId)) throw ValidationError.field('primarySkillId', 'Choose a primary skill from the list');
  if (secondary.some((id) => !visibleIds.has(id))) throw ValidationError.field('secondarySkillIds', 'Choose secondary skills from the list');

  const { secondarySkillIds: _secondary, ...fields } = content;
  const [row] = await ctx.db
    .insert(questionVersions)
    .values({ ...fields, organizationId: ctx.organizationId, questionId, version, searchText: questionSearchText(content), createdByUserId: ctx.userId })
    .returning();
  await ctx.db.insert(questionVersionSkills).values(
    wanted.map((skillId, i) => ({ organizationId: ctx.organizationId, questionVersionId: row!.id, skillId, isPrimary: i === 0 })),
  );
  await ctx.db
    .update(questions)
    .set({ latestVersion: version, currentVersionId: row!.id, updatedAt: new Date() })
    .where(and(eq(questions.id, questionId), eq(questions.organizationId, ctx.organizationId)));
  await refreshQuestionSearch(ctx.db, questionsById([questionId]));
  return row!;
}

export async function createQuestion(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'question:write');
  const content = parseInput(QuestionContentInput, input);
  return inTransaction(ctx, async (tx) => {
    const [question] = await tx.db.insert(questions).values({ organizationId: ctx.organizationId, createdByUserId: ctx.userId }).returning();
    const version = await insertQuestionVersion(tx, question!.id, 1, content);
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'question.created', entityType: 'question', entityId: question!.id, data: { version: 1 } });
    return { questionId: question!.id, versionId: version.id, version: 1 };
  });
}

/**
 * Saves an edit as a new version. Refuses (409) when someone saved a newer version meanwhile.
 * A save that changes nothing writes nothing (`changed: false`): a version must mean an edit.
 */
export async function updateQuestion(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'question:write');
  const { questionId, baseVersion, ...content } = parseInput(UpdateQuestionInput, input);
  return inTransaction(ctx, async (tx) => {
    const [question] = await tx.db
      .select()
      .from(questions)
      .where(and(eq(questions.id, questionId), or(eq(questions.organizationId, ctx.organizationId), isNull(questions.organizationId))))
      .for('update');
    if (!question) throw new NotFoundError('Question');
    if (question.organizationId === null) throw new ForbiddenError('Built-in questions are read-only. Copy it to your bank to adapt it.');
    if (question.latestVersion !== baseVersion) {
      throw new ConflictError(`Someone saved version ${question.latestVersion} while you were editing version ${baseVersion}. Reload to see their changes.`, {
        latestVersion: question.latestVersion,
      });
    }
    const [current] = await tx.db.select().from(questionVersions).where(eq(questionVersions.id, question.currentVersionId!));
    const currentSecondary = await tx.db
      .select({ id: questionVersionSkills.skillId })
      .from(questionVersionSkills)
      .where(and(eq(questionVersionSkills.questionVersionId, current!.id), eq(questionVersionSkills.isPrimary, false)));
    if (sameContent(versionToContent(current!, currentSecondary.map((s) => s.id)), content)) {
      return { questionId: question.id, versionId: current!.id, version: current!.version, changed: false };
    }
    const version = await insertQuestionVersion(tx, question.id, question.latestVersion + 1, content);
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'question.updated',
      entityType: 'question',
      entityId: question.id,
      data: { version: version.version },
    });
    return { questionId: question.id, versionId: version.id, version: version.version, changed: true };
  });
}

async function setStatus(ctx: Ctx, input: unknown, status: 'active' | 'archived') {
  requirePermission(ctx, 'question:write');
  const { questionId } = parseInput(QuestionIdInput, input);
  await inTransaction(ctx, async ({ db }) => {
    const [updated] = await db
      .update(questions)
      .set({ status, updatedAt: new Date() })
      .where(and(eq(questions.id, questionId), eq(questions.organizationId, ctx.organizationId)))
      .returning({ id: questions.id });
    if (!updated) throw new NotFoundError('Question');
    await refreshQuestionSearch(db, questionsById([questionId]));
    await recordAudit(db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: `question.${status === 'archived' ? 'archived' : 'restored'}`, entityType: 'question', entityId: questionId });
  });
}

export const archiveQuestion = (ctx: Ctx, input: unknown) => setStatus(ctx, input, 'archived');
export const restoreQuestion = (ctx: Ctx, input: unknown) => setStatus(ctx, input, 'active');

/** Copies a visible question (usually built in) into the organization's bank as its version 1. */
export async function copyQuestionToOrganization(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'question:write');
  const { questionId } = parseInput(QuestionIdInput, input);
  return inTransaction(ctx, async (tx) => {
    const source = await getQuestion(tx, { questionId });
    // A built-in question is copied once per organization: the copy replaces it in the bank, so a
    // second click opens the existing copy instead of adding a duplicate.
    if (source.ourCopy) return { questionId: source.ourCopy.id, versionId: source.ourCopy.currentVersionId!, created: false };
    const [copy] = await tx.db
      .insert(questions)
      .values({ organizationId: ctx.organizationId, copiedFromQuestionId: source.question.id, createdByUserId: ctx.userId })
      .returning();
    const version = await insertQuestionVersion(
      tx,
      copy!.id,
      1,
      versionToContent(source.version, source.skills.filter((s) => !s.isPrimary).map((s) => s.id)),
    );
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'question.copied', entityType: 'question', entityId: copy!.id, data: { from: source.question.id } });
    return { questionId: copy!.id, versionId: version.id, created: true };
  });
}

