import 'server-only';
// Openings and their interview loops. Each stage names a kit; interviews pin that kit's latest
// published version when they are scheduled. The opening's skill weights — used by the
// dashboard's composite — start as the heaviest weight each skill has in the loop's kits.
import { and, count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { refreshOpeningQuestionTallies } from '@/db/analytics';
import { interviews, kits, kitSkillWeights, kitVersions, memberships, openingSkillWeights, openingStages, openings, skills } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, type FieldErrors, NotFoundError, ValidationError } from '../errors';
import { ownOrBuiltin } from '../scoping';
import { parseInput } from '../validation';
import { getOpeningForEdit } from './queries';
import { CreateOpeningInput, UpdateOpeningInput } from './schemas';

async function isMember(ctx: Ctx, userId: string): Promise<boolean> {
  const [member] = await ctx.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, userId)));
  return Boolean(member);
}

/** Kit id → its latest published version id, for the kits ctx may use (its own and built-in). */
async function latestPublishedVersions(ctx: Ctx, kitIds: string[]): Promise<Map<string, string>> {
  const latestByKit = new Map<string, string>();
  if (!kitIds.length) return latestByKit;
  const published = await ctx.db
    .select({ kitId: kitVersions.kitId, versionId: kitVersions.id })
    .from(kitVersions)
    .innerJoin(kits, eq(kits.id, kitVersions.kitId))
    .where(and(inArray(kitVersions.kitId, kitIds), eq(kitVersions.status, 'published'), or(eq(kits.organizationId, ctx.organizationId), isNull(kits.organizationId))))
    .orderBy(desc(kitVersions.version));
  for (const p of published) if (!latestByKit.has(p.kitId)) latestByKit.set(p.kitId, p.versionId);
  return latestByKit;
}

function requirePublishedKits(stages: { kitId: string }[], latestByKit: Map<string, string>, errors: FieldErrors) {
  stages.forEach((s, i) => {
    if (!latestByKit.has(s.kitId)) errors[`stages.${i}.kitId`] = ['Choose a kit with a published version'];
  });
}

export async function createOpening(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'opening:write');
  const data = parseInput(CreateOpeningInput, input);
  return inTransaction(ctx, async (tx) => {
    const { db } = tx;
    if (data.hiringManagerUserId && !(await isMember(tx, data.hiringManagerUserId))) throw ValidationError.field('hiringManagerUserId', 'Choose a member of this organization');
    const latestByKit = await latestPublishedVersions(tx, [...new Set(data.stages.map((s) => s.kitId))]);
    const errors: FieldErrors = {};
    requirePublishedKits(data.stages, latestByKit, errors);
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const [opening] = await db
      .insert(openings)
      .values({ organizationId: ctx.organizationId, title: data.title, level: data.level, description: data.description, hiringManagerUserId: data.hiringManagerUserId ?? null, blindReview: data.blindReview })
      .returning();
    await db.insert(openingStages).values(
      data.stages.map((s, position) => ({ organizationId: ctx.organizationId, openingId: opening!.id, position, name: s.name, kitId: s.kitId, durationMinutes: s.durationMinutes })),
    );
    const weights = await db
      .select({ skillId: kitSkillWeights.skillId, weight: kitSkillWeights.weight })
      .from(kitSkillWeights)
      .where(inArray(kitSkillWeights.kitVersionId, [...latestByKit.values()]));
    const heaviest = new Map<string, number>();
    for (const w of weights) heaviest.set(w.skillId, Math.max(heaviest.get(w.skillId) ?? 0, w.weight));
    if (heaviest.size) {
      await db
        .insert(openingSkillWeights)
        .values([...heaviest].map(([skillId, weight]) => ({ organizationId: ctx.organizationId, openingId: opening!.id, skillId, weight })));
    }
    await recordAudit(db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'opening.created', entityType: 'opening', entityId: opening!.id, data: { title: data.title, blindReview: data.blindReview } });
    return { openingId: opening!.id };
  });
}

/**
 * Saves an edit of an opening, its loop and its weights as one change based on one revision.
 * Stages keep their ids (interviews refer to them) when renamed, moved or given another kit; a
 * stage can be removed only while no interview uses it. Interviews keep the kit version they
 * pinned: changing a stage's kit affects only interviews scheduled afterwards.
 */
export async function updateOpening(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'opening:write');
  const data = parseInput(UpdateOpeningInput, input);
  return inTransaction(ctx, async (tx) => {
    const { db } = tx;
    const [opening] = await db
      .select()
      .from(openings)
      .where(and(eq(openings.id, data.openingId), eq(openings.organizationId, ctx.organizationId)))
      .for('update');
    if (!opening) throw new NotFoundError('Opening');
    if (opening.revision !== data.revision) {
      // The 409 carries the opening as it is now, so the editor can reload it or keep its own.
      throw new ConflictError(
        `Someone else saved this opening (now revision ${opening.revision}) while you were editing revision ${data.revision}. Your changes were not saved.`,
        await getOpeningForEdit(tx, opening.id),
      );
    }
    // Locked so that scheduling (which reads its stage FOR SHARE) cannot add an interview to a
    // stage this edit is about to remove.
    const current = await db
      .select()
      .from(openingStages)
      .where(and(eq(openingStages.organizationId, ctx.organizationId), eq(openingStages.openingId, opening.id)))
      .orderBy(openingStages.position)
      .for('update');
    const currentById = new Map(current.map((s) => [s.id, s]));

    const errors: FieldErrors = {};
    if (data.hiringManagerUserId && data.hiringManagerUserId !== opening.hiringManagerUserId && !(await isMember(tx, data.hiringManagerUserId))) {
      errors.hiringManagerUserId = ['Choose a member of this organization'];
    }
    const seenStages = new Set<string>();
    data.stages.forEach((s, i) => {
      if (!s.id) return;
      if (!currentById.has(s.id)) errors[`stages.${i}.id`] = ['This stage is not part of the opening’s loop; reload the page'];
      else if (seenStages.has(s.id)) errors[`stages.${i}.id`] = ['This stage appears twice'];
      seenStages.add(s.id);
    });
    // Only kits that changed must be published now; a kept kit stays valid even if it was later
    // unpublished or is otherwise unavailable, so an unrelated edit never fails on it.
    const needsCheck = data.stages.filter((s) => !s.id || currentById.get(s.id)?.kitId !== s.kitId);
    const latestByKit = await latestPublishedVersions(tx, [...new Set(needsCheck.map((s) => s.kitId))]);
    data.stages.forEach((s, i) => {
      if (needsCheck.includes(s) && !latestByKit.has(s.kitId)) errors[`stages.${i}.kitId`] = ['Choose a kit with a published version'];
    });
    const removed = current.filter((s) => !seenStages.has(s.id));
    if (removed.length) {
      const used = await db
        .select({ stageId: interviews.openingStageId, n: count() })
        .from(interviews)
        .where(and(eq(interviews.organizationId, ctx.organizationId), inArray(interviews.openingStageId, removed.map((s) => s.id))))
        .groupBy(interviews.openingStageId);
      const messages = used.map((u) => `“${currentById.get(u.stageId!)!.name}” has ${u.n} interview${Number(u.n) === 1 ? '' : 's'} and can’t be removed`);
      if (messages.length) errors.stages = messages;
    }
    if (data.weights) {
      const skillIds = data.weights.map((w) => w.skillId);
      const known = new Set(
        skillIds.length
          ? (await db.select({ id: skills.id }).from(skills).where(and(inArray(skills.id, skillIds), ownOrBuiltin(skills.organizationId, ctx.organizationId)))).map((s) => s.id)
          : [],
      );
      const seenSkills = new Set<string>();
      data.weights.forEach((w, i) => {
        if (!known.has(w.skillId)) errors[`weights.${i}.skillId`] = ['Choose a skill from the taxonomy'];
        else if (seenSkills.has(w.skillId)) errors[`weights.${i}.skillId`] = ['This skill is weighted twice'];
        seenSkills.add(w.skillId);
      });
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);

    // What changed, for the audit event (names, not a copy of the whole opening).
    const hiringManagerUserId = data.hiringManagerUserId ?? null;
    const blindReview = data.blindReview ?? opening.blindReview;
    const fields = (['title', 'level', 'status', 'description', 'hiringManagerUserId', 'blindReview'] as const).filter(
      (f) => (f === 'hiringManagerUserId' ? hiringManagerUserId : f === 'blindReview' ? blindReview : data[f]) !== opening[f],
    );
    const loop = { added: [] as string[], removed: removed.map((s) => s.name), renamed: [] as { from: string; to: string }[], kitChanged: [] as string[], durationChanged: [] as string[], reordered: false };
    const kept = data.stages.filter((s) => s.id).map((s) => s.id!);
    loop.reordered = kept.join() !== current.filter((s) => seenStages.has(s.id)).map((s) => s.id).join();

    for (const [position, stage] of data.stages.entries()) {
      const before = stage.id ? currentById.get(stage.id) : undefined;
      if (!before) {
        await db.insert(openingStages).values({ organizationId: ctx.organizationId, openingId: opening.id, position, name: stage.name, kitId: stage.kitId, durationMinutes: stage.durationMinutes });
        loop.added.push(stage.name);
        continue;
      }
      if (before.name !== stage.name) loop.renamed.push({ from: before.name, to: stage.name });
      if (before.kitId !== stage.kitId) loop.kitChanged.push(stage.name);
      if (before.durationMinutes !== stage.durationMinutes) loop.durationChanged.push(stage.name);
      if (before.position !== position || before.name !== stage.name || before.kitId !== stage.kitId || before.durationMinutes !== stage.durationMinutes) {
        await db.update(openingStages).set({ position, name: stage.name, kitId: stage.kitId, durationMinutes: stage.durationMinutes }).where(eq(openingStages.id, before.id));
      }
    }
    if (removed.length) await db.delete(openingStages).where(inArray(openingStages.id, removed.map((s) => s.id)));

    const weightsChanged = data.weights ? await replaceWeights(db, ctx, opening.id, data.weights) : false;
    const loopChanged = loop.added.length + loop.removed.length + loop.renamed.length + loop.kitChanged.length + loop.durationChanged.length > 0 || loop.reordered;
    if (!fields.length && !loopChanged && !weightsChanged) return { openingId: opening.id, revision: opening.revision };

    const revision = opening.revision + 1;
    await db
      .update(openings)
      .set({ title: data.title, level: data.level, status: data.status, description: data.description, hiringManagerUserId, blindReview, revision, updatedAt: new Date() })
      .where(eq(openings.id, opening.id));
    await recordAudit(db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'opening.updated',
      entityType: 'opening',
      entityId: opening.id,
      // The mode is a setting, not personal data: the audit names the new one so a reviewer sees when blinding changed.
      data: { revision, fields, ...(blindReview !== opening.blindReview ? { blindReview } : {}), ...(loopChanged ? { loop } : {}), weightsChanged },
    });
    return { openingId: opening.id, revision };
  });
}

/** Replaces the opening's weights with `weights`; returns whether anything differed. */
async function replaceWeights(db: DbExecutor, ctx: Ctx, openingId: string, weights: { skillId: string; weight: number }[]): Promise<boolean> {
  const scope = and(eq(openingSkillWeights.organizationId, ctx.organizationId), eq(openingSkillWeights.openingId, openingId));
  const before = await db.select({ skillId: openingSkillWeights.skillId, weight: openingSkillWeights.weight }).from(openingSkillWeights).where(scope);
  const key = (rows: { skillId: string; weight: number }[]) => rows.map((w) => `${w.skillId}:${w.weight}`).sort().join();
  if (key(before) === key(weights)) return false;
  await db.delete(openingSkillWeights).where(scope);
  if (weights.length) await db.insert(openingSkillWeights).values(weights.map((w) => ({ organizationId: ctx.organizationId, openingId, skillId: w.skillId, weight: w.weight })));
  // Composites follow the weights, and question analytics pair ratings with composites.
  await refreshOpeningQuestionTallies(db, openingId);
  return true;
}
