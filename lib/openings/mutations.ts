import 'server-only';
// Openings and their interview loops. Each stage names a kit; interviews pin that kit's latest
// published version when they are scheduled. The opening's skill weights — used by the
// dashboard's composite — start as the heaviest weight each skill has in the loop's kits.
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { kits, kitSkillWeights, kitVersions, memberships, openingSkillWeights, openingStages, openings } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ValidationError } from '../errors';
import { parseInput } from '../validation';
import { CreateOpeningInput } from './schemas';

export async function createOpening(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'opening:write');
  const data = parseInput(CreateOpeningInput, input);
  return inTransaction(ctx, async ({ db }) => {
    if (data.hiringManagerUserId) {
      const [member] = await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, data.hiringManagerUserId)));
      if (!member) throw ValidationError.field('hiringManagerUserId', 'Choose a member of this organization');
    }
    const kitIds = [...new Set(data.stages.map((s) => s.kitId))];
    const published = await db
      .select({ kitId: kitVersions.kitId, versionId: kitVersions.id, version: kitVersions.version })
      .from(kitVersions)
      .innerJoin(kits, eq(kits.id, kitVersions.kitId))
      .where(and(inArray(kitVersions.kitId, kitIds), eq(kitVersions.status, 'published'), or(eq(kits.organizationId, ctx.organizationId), isNull(kits.organizationId))))
      .orderBy(desc(kitVersions.version));
    const latestByKit = new Map<string, string>();
    for (const p of published) if (!latestByKit.has(p.kitId)) latestByKit.set(p.kitId, p.versionId);
    const errors: Record<string, string[]> = {};
    data.stages.forEach((s, i) => {
      if (!latestByKit.has(s.kitId)) errors[`stages.${i}.kitId`] = ['Choose a kit with a published version'];
    });
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const [opening] = await db
      .insert(openings)
      .values({ organizationId: ctx.organizationId, title: data.title, level: data.level, description: data.description, hiringManagerUserId: data.hiringManagerUserId ?? null })
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
    await recordAudit(db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'opening.created', entityType: 'opening', entityId: opening!.id, data: { title: data.title } });
    return { openingId: opening!.id };
  });
}
