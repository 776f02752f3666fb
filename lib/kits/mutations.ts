import 'server-only';
// Building kits. A kit's draft is the only editable version; publishing freezes it with the exact
// question versions it pins, and further edits start a new draft from the latest published version.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { kitItems, kits, kitSections, kitSkillWeights, kitVersions, questions, questionVersions, questionVersionSkills, skills } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { getVisibleKit } from './queries';
import type { z } from 'zod';
import { CreateKitInput, type KitDraftContent, type KitQuestionSummary, KitIdInput, PublishKitInput, SaveKitDraftInput, SuggestKitInput } from './schemas';
import { type Suggestion, suggestKit } from './suggest';

async function copyVersionContent(ctx: Ctx, fromVersionId: string, toVersionId: string) {
  const organizationId = ctx.organizationId;
  const [sections, items, weights] = await Promise.all([
    ctx.db.select().from(kitSections).where(eq(kitSections.kitVersionId, fromVersionId)),
    ctx.db.select().from(kitItems).where(eq(kitItems.kitVersionId, fromVersionId)),
    ctx.db.select().from(kitSkillWeights).where(eq(kitSkillWeights.kitVersionId, fromVersionId)),
  ]);
  if (weights.length) {
    await ctx.db.insert(kitSkillWeights).values(weights.map((w) => ({ organizationId, kitVersionId: toVersionId, skillId: w.skillId, weight: w.weight })));
  }
  for (const section of sections) {
    const [copy] = await ctx.db
      .insert(kitSections)
      .values({ organizationId, kitVersionId: toVersionId, position: section.position, title: section.title })
      .returning({ id: kitSections.id });
    const sectionItems = items.filter((i) => i.sectionId === section.id);
    if (sectionItems.length) {
      await ctx.db.insert(kitItems).values(
        sectionItems.map((i) => ({ organizationId, kitVersionId: toVersionId, sectionId: copy!.id, questionVersionId: i.questionVersionId, position: i.position, minutes: i.minutes })),
      );
    }
  }
}

/** Loads an organization-owned kit for writing; built-in templates are read-only. */
async function getOwnKitForWrite(ctx: Ctx, kitId: string) {
  const kit = await getVisibleKit(ctx, kitId);
  if (kit.organizationId === null) throw new ForbiddenError('Built-in templates are read-only. Start a kit from the template instead.');
  return kit;
}

async function lockDraft(ctx: Ctx, kitId: string) {
  const [draft] = await ctx.db
    .select()
    .from(kitVersions)
    .where(and(eq(kitVersions.kitId, kitId), eq(kitVersions.status, 'draft'), eq(kitVersions.organizationId, ctx.organizationId)))
    .for('update');
  return draft;
}

export async function createKit(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'kit:write');
  const data = parseInput(CreateKitInput, input);
  return inTransaction(ctx, async (tx) => {
    let sourceVersionId: string | undefined;
    if (data.sourceKitId) {
      const source = await getVisibleKit(tx, data.sourceKitId).catch((error: unknown) => {
        if (error instanceof NotFoundError) throw ValidationError.field('sourceKitId', 'Choose a kit or template from the list');
        throw error;
      });
      const [latest] = await tx.db
        .select()
        .from(kitVersions)
        .where(eq(kitVersions.kitId, source.id))
        .orderBy(sql`${kitVersions.status} = 'published' desc`, desc(kitVersions.version))
        .limit(1);
      sourceVersionId = latest?.id;
    }
    const [kit] = await tx.db.insert(kits).values({ organizationId: ctx.organizationId, name: data.name, createdByUserId: ctx.userId }).returning();
    const [version] = await tx.db
      .insert(kitVersions)
      .values({ organizationId: ctx.organizationId, kitId: kit!.id, version: 1, status: 'draft', roleTitle: data.roleTitle, level: data.level, targetMinutes: data.targetMinutes, description: data.description })
      .returning();
    if (sourceVersionId) await copyVersionContent(tx, sourceVersionId, version!.id);
    else await tx.db.insert(kitSections).values({ organizationId: ctx.organizationId, kitVersionId: version!.id, position: 0, title: 'Questions' });
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'kit.created',
      entityType: 'kit',
      entityId: kit!.id,
      data: { name: data.name, from: data.sourceKitId ?? null },
    });
    return { kitId: kit!.id, versionId: version!.id };
  });
}

type LockedDraft = NonNullable<Awaited<ReturnType<typeof lockDraft>>>;
type DraftContent = z.infer<typeof KitDraftContent>;

/** Loads and locks the draft, refusing (409, with the current revision) when it moved on. */
async function lockDraftAtRevision(ctx: Ctx, kitId: string, revision: number, staleMessage: string): Promise<LockedDraft> {
  const draft = await lockDraft(ctx, kitId);
  if (!draft) throw new ConflictError('This kit has no draft. Start a new draft to edit it.');
  if (draft.revision !== revision) throw new ConflictError(staleMessage, { revision: draft.revision });
  return draft;
}

/** Replaces the locked draft's content and bumps its revision; the caller holds the transaction. */
async function writeDraftContent(ctx: Ctx, kitId: string, draft: LockedDraft, data: DraftContent): Promise<number> {
  const versionIds = [...new Set(data.sections.flatMap((s) => s.items.map((i) => i.questionVersionId)))];
  if (versionIds.length) {
    const visible = await ctx.db
      .select({ id: questionVersions.id })
      .from(questionVersions)
      .where(and(inArray(questionVersions.id, versionIds), or(eq(questionVersions.organizationId, ctx.organizationId), isNull(questionVersions.organizationId))));
    if (visible.length !== versionIds.length) throw ValidationError.field('sections', 'A question in the kit is not in your bank');
  }
  const skillIds = data.weights.map((w) => w.skillId);
  if (skillIds.length) {
    const visible = await ctx.db
      .select({ id: skills.id })
      .from(skills)
      .where(and(inArray(skills.id, skillIds), or(eq(skills.organizationId, ctx.organizationId), isNull(skills.organizationId))));
    if (visible.length !== skillIds.length) throw ValidationError.field('weights', 'A weighted skill is not in your taxonomy');
  }

  await ctx.db.delete(kitSections).where(and(eq(kitSections.kitVersionId, draft.id), eq(kitSections.organizationId, ctx.organizationId)));
  await ctx.db.delete(kitSkillWeights).where(and(eq(kitSkillWeights.kitVersionId, draft.id), eq(kitSkillWeights.organizationId, ctx.organizationId)));
  if (data.weights.length) {
    await ctx.db.insert(kitSkillWeights).values(data.weights.map((w) => ({ organizationId: ctx.organizationId, kitVersionId: draft.id, ...w })));
  }
  let position = 0;
  for (const [index, section] of data.sections.entries()) {
    const [row] = await ctx.db
      .insert(kitSections)
      .values({ organizationId: ctx.organizationId, kitVersionId: draft.id, position: index, title: section.title })
      .returning({ id: kitSections.id });
    if (section.items.length) {
      await ctx.db.insert(kitItems).values(
        section.items.map((item) => ({ organizationId: ctx.organizationId, kitVersionId: draft.id, sectionId: row!.id, position: position++, ...item })),
      );
    }
  }
  const [saved] = await ctx.db
    .update(kitVersions)
    .set({ roleTitle: data.roleTitle, level: data.level, targetMinutes: data.targetMinutes, description: data.description, revision: draft.revision + 1, updatedAt: new Date() })
    .where(eq(kitVersions.id, draft.id))
    .returning();
  await ctx.db.update(kits).set({ name: data.name, updatedAt: new Date() }).where(eq(kits.id, kitId));
  return saved!.revision;
}

/** Saves the whole draft. Refuses (409) when the draft changed since the editor loaded it. */
export async function saveKitDraft(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'kit:write');
  const { kitId, revision: loaded, ...content } = parseInput(SaveKitDraftInput, input);
  return inTransaction(ctx, async (tx) => {
    const kit = await getOwnKitForWrite(tx, kitId);
    const draft = await lockDraftAtRevision(tx, kit.id, loaded, 'Someone else saved this kit while you were editing. Reload to see their version.');
    const revision = await writeDraftContent(tx, kit.id, draft, content);
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'kit.draft_saved', entityType: 'kit', entityId: kit.id, data: { revision } });
    return { kitId: kit.id, versionId: draft.id, revision };
  });
}

/**
 * Freezes the draft as a published version; its items keep the exact question versions. With
 * `draft`, the content is saved first in the same transaction: a publish refused for missing
 * questions or weights rolls the save back too, so the editor's revision stays the current one.
 */
export async function publishKit(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'kit:write');
  const data = parseInput(PublishKitInput, input);
  return inTransaction(ctx, async (tx) => {
    const kit = await getOwnKitForWrite(tx, data.kitId);
    const draft = await lockDraftAtRevision(tx, kit.id, data.revision, 'The draft changed since you loaded it. Reload before publishing.');
    let revision = draft.revision;
    if (data.draft) {
      revision = await writeDraftContent(tx, kit.id, draft, data.draft);
      await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'kit.draft_saved', entityType: 'kit', entityId: kit.id, data: { revision } });
    }
    const [items] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(kitItems).where(eq(kitItems.kitVersionId, draft.id));
    const [weights] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(kitSkillWeights).where(eq(kitSkillWeights.kitVersionId, draft.id));
    const problems: Record<string, string[]> = {};
    if (!Number(items?.n)) problems.sections = ['Add at least one question before publishing'];
    if (!Number(weights?.n)) problems.weights = ['Weight at least one skill before publishing'];
    if (Object.keys(problems).length) throw new ValidationError(problems);
    await tx.db.update(kitVersions).set({ status: 'published', publishedAt: new Date(), publishedByUserId: ctx.userId, updatedAt: new Date() }).where(eq(kitVersions.id, draft.id));
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'kit.published', entityType: 'kit', entityId: kit.id, data: { version: draft.version } });
    return { kitId: kit.id, versionId: draft.id, version: draft.version, revision };
  });
}

/** Opens a new draft from the latest published version (or returns the draft that exists). */
export async function startKitDraft(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'kit:write');
  const { kitId } = parseInput(KitIdInput, input);
  return inTransaction(ctx, async (tx) => {
    const kit = await getOwnKitForWrite(tx, kitId);
    await tx.db.execute(sql`select id from ${kits} where ${kits.id} = ${kit.id} for update`);
    const existing = await lockDraft(tx, kit.id);
    if (existing) return { kitId: kit.id, versionId: existing.id, version: existing.version };
    const [latest] = await tx.db.select().from(kitVersions).where(eq(kitVersions.kitId, kit.id)).orderBy(desc(kitVersions.version)).limit(1);
    if (!latest) throw new NotFoundError('Kit version');
    const [draft] = await tx.db
      .insert(kitVersions)
      .values({
        organizationId: ctx.organizationId,
        kitId: kit.id,
        version: latest.version + 1,
        status: 'draft',
        roleTitle: latest.roleTitle,
        level: latest.level,
        targetMinutes: latest.targetMinutes,
        description: latest.description,
      })
      .returning();
    await copyVersionContent(tx, latest.id, draft!.id);
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'kit.draft_started', entityType: 'kit', entityId: kit.id, data: { version: draft!.version } });
    return { kitId: kit.id, versionId: draft!.id, version: draft!.version };
  });
}

export interface SuggestedItem extends KitQuestionSummary {
  reason: string;
}

/**
 * Suggests questions from the bank (current versions, active) whose primary skill is weighted,
 * with minutes in proportion to the weights, adding to the plan's `existing` questions.
 */
export async function suggestKitQuestions(ctx: Ctx, input: unknown): Promise<SuggestedItem[]> {
  requirePermission(ctx, 'kit:read');
  const data = parseInput(SuggestKitInput, input);
  const skillIds = data.weights.map((w) => w.skillId);
  const skillRows = await ctx.db
    .select({ id: skills.id, name: skills.name })
    .from(skills)
    .where(and(inArray(skills.id, skillIds), or(eq(skills.organizationId, ctx.organizationId), isNull(skills.organizationId))));
  const nameOf = new Map(skillRows.map((s) => [s.id, s.name]));
  const rows = await ctx.db
    .select({
      questionId: questions.id,
      versionId: questionVersions.id,
      title: questionVersions.title,
      minutes: questionVersions.expectedMinutes,
      level: questionVersions.level,
      kind: questionVersions.kind,
      primarySkillId: questionVersions.primarySkillId,
      skillIds: sql<string[]>`array_agg(${questionVersionSkills.skillId}::text)`,
    })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .innerJoin(questionVersionSkills, eq(questionVersionSkills.questionVersionId, questionVersions.id))
    .where(
      and(
        or(eq(questions.organizationId, ctx.organizationId), isNull(questions.organizationId)),
        eq(questions.status, 'active'),
        // Only questions about a weighted skill: a question merely tagged with one is about something else.
        inArray(questionVersions.primarySkillId, skillIds),
      ),
    )
    .groupBy(questions.id, questionVersions.id);
  const suggestions: Suggestion[] = suggestKit({
    level: data.level,
    budgetMinutes: data.budgetMinutes,
    weights: data.weights.filter((w) => nameOf.has(w.skillId)).map((w) => ({ ...w, name: nameOf.get(w.skillId)! })),
    candidates: rows.map((r) => ({ ...r, minutes: Number(r.minutes) })),
    existing: data.existing,
  });
  const kindOf = new Map(rows.map((r) => [r.versionId, r.kind]));
  return suggestions.map(({ candidate: c, reason }) => ({
    questionVersionId: c.versionId,
    questionId: c.questionId,
    title: c.title,
    minutes: c.minutes,
    level: c.level,
    kind: kindOf.get(c.versionId) ?? '',
    primarySkillId: c.primarySkillId,
    skillIds: c.skillIds,
    reason,
  }));
}
