import 'server-only';
// Reads of interview kits: the organization's kits and the built-in templates.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { kits, kitVersions } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { parseId } from '../ids';
import { ownOrBuiltin } from '../scoping';

export async function listKits(ctx: Ctx) {
  requirePermission(ctx, 'kit:read');
  return ctx.db
    .select({
      id: kits.id,
      name: kits.name,
      isTemplate: kits.isTemplate,
      builtin: isNull(kits.organizationId),
      latestVersion: sql<number>`max(${kitVersions.version})`,
      roleTitle: sql<string>`(array_agg(${kitVersions.roleTitle} order by ${kitVersions.version} desc))[1]`,
      level: sql<string>`(array_agg(${kitVersions.level}::text order by ${kitVersions.version} desc))[1]`,
      targetMinutes: sql<number>`(array_agg(${kitVersions.targetMinutes} order by ${kitVersions.version} desc))[1]`,
    })
    .from(kits)
    .innerJoin(kitVersions, eq(kitVersions.kitId, kits.id))
    .where(and(ownOrBuiltin(kits.organizationId, ctx.organizationId), isNull(kits.archivedAt)))
    .groupBy(kits.id)
    .orderBy(desc(kits.isTemplate), asc(kits.name));
}

export async function getKit(ctx: Ctx, kitIdInput: unknown) {
  requirePermission(ctx, 'kit:read');
  const kitId = parseId('kitId', kitIdInput);
  const [kit] = await ctx.db.select().from(kits).where(and(eq(kits.id, kitId), ownOrBuiltin(kits.organizationId, ctx.organizationId)));
  if (!kit) throw new NotFoundError('Kit');
  const versions = await ctx.db.select().from(kitVersions).where(eq(kitVersions.kitId, kit.id)).orderBy(desc(kitVersions.version));
  return { kit, versions };
}
