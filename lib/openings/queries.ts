import 'server-only';
// Reads of openings and their interview loops.
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { applications, openingStages, openings } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { parseId } from '../ids';

export async function listOpenings(ctx: Ctx) {
  requirePermission(ctx, 'opening:read');
  return ctx.db
    .select({ id: openings.id, title: openings.title, level: openings.level, status: openings.status, applications: count(applications.id) })
    .from(openings)
    .leftJoin(applications, and(eq(applications.openingId, openings.id), eq(applications.organizationId, ctx.organizationId)))
    .where(eq(openings.organizationId, ctx.organizationId))
    .groupBy(openings.id)
    .orderBy(desc(openings.createdAt));
}

export async function getOpening(ctx: Ctx, openingIdInput: unknown) {
  requirePermission(ctx, 'opening:read');
  const openingId = parseId('openingId', openingIdInput);
  const [opening] = await ctx.db.select().from(openings).where(and(eq(openings.id, openingId), eq(openings.organizationId, ctx.organizationId)));
  if (!opening) throw new NotFoundError('Opening');
  const stages = await ctx.db
    .select()
    .from(openingStages)
    .where(and(eq(openingStages.organizationId, ctx.organizationId), eq(openingStages.openingId, opening.id)))
    .orderBy(asc(openingStages.position));
  return { opening, stages };
}
