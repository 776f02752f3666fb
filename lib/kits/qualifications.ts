import 'server-only';
// Kit qualification: an admin (kit:qualify) marks which members are qualified to interview with a
// kit. Scheduling never refuses an unqualified panel; it warns (panelQualificationWarning), and a
// shadow never counts as the qualified member. Marking is a set operation — marking twice, or two
// admins marking the same member at once, ends in the same state — so it needs no revision.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { kitQualifications, kitVersions, memberships, users } from '@/db/schema';
import { recordAudit } from '../audit';
import { can, type Ctx, inTransaction, requirePermission } from '../context';
import { ForbiddenError, NotFoundError } from '../errors';
import { panelQualificationWarning, type PanelRoleValue } from '../interviews/schemas';
import { parseInput } from '../validation';
import { getVisibleKit } from './queries';
import { SetKitQualificationInput } from './schemas';

export interface KitQualification {
  userId: string;
  name: string;
  qualifiedAt: Date;
  qualifiedBy: string | null;
}

/** Who may see who is qualified: a list of colleagues, for those who read the member list or grant qualifications. */
export function canSeeKitQualifications(ctx: Ctx): boolean {
  return can(ctx, 'kit:read') && (can(ctx, 'member:read') || can(ctx, 'kit:qualify'));
}

/** The kit's qualified interviewers who are still members of the organization, by name. */
export async function listKitQualifications(ctx: Ctx, kitIdInput: unknown): Promise<KitQualification[]> {
  if (!canSeeKitQualifications(ctx)) throw new ForbiddenError('You cannot see who is qualified for kits');
  const kit = await getVisibleKit(ctx, kitIdInput);
  const grantor = alias(users, 'grantor');
  const rows = await ctx.db
    .select({ userId: kitQualifications.userId, name: users.name, email: users.email, qualifiedAt: kitQualifications.qualifiedAt, byName: grantor.name, byEmail: grantor.email })
    .from(kitQualifications)
    .innerJoin(memberships, and(eq(memberships.organizationId, kitQualifications.organizationId), eq(memberships.userId, kitQualifications.userId)))
    .innerJoin(users, eq(users.id, kitQualifications.userId))
    .leftJoin(grantor, eq(grantor.id, kitQualifications.qualifiedByUserId))
    .where(and(eq(kitQualifications.organizationId, ctx.organizationId), eq(kitQualifications.kitId, kit.id)))
    .orderBy(asc(sql`coalesce(${users.name}, ${users.email})`));
  return rows.map((r) => ({ userId: r.userId, name: r.name ?? r.email, qualifiedAt: r.qualifiedAt, qualifiedBy: r.byName ?? r.byEmail ?? null }));
}

/** Qualified members per kit, for the scheduling form's warning before submit. */
export async function qualifiedUserIdsByKit(ctx: Ctx, kitIds: string[]): Promise<Record<string, string[]>> {
  const ids = [...new Set(kitIds)];
  if (!ids.length) return {};
  const rows = await ctx.db
    .select({ kitId: kitQualifications.kitId, userId: kitQualifications.userId })
    .from(kitQualifications)
    .where(and(eq(kitQualifications.organizationId, ctx.organizationId), inArray(kitQualifications.kitId, ids)));
  const out: Record<string, string[]> = Object.fromEntries(ids.map((id) => [id, []]));
  for (const r of rows) out[r.kitId]!.push(r.userId);
  return out;
}

/** Marks or unmarks a member as qualified for a kit (the organization's own or a built-in template). Audited when it changes anything. */
export async function setKitQualification(ctx: Ctx, input: unknown): Promise<{ changed: boolean }> {
  requirePermission(ctx, 'kit:qualify');
  const data = parseInput(SetKitQualificationInput, input);
  return inTransaction(ctx, async (tx) => {
    const kit = await getVisibleKit(tx, data.kitId);
    const [member] = await tx.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, data.userId)));
    if (!member) throw new NotFoundError('Member');
    const scope = and(eq(kitQualifications.organizationId, ctx.organizationId), eq(kitQualifications.kitId, kit.id), eq(kitQualifications.userId, data.userId));
    const changed = data.qualified
      ? (await tx.db.insert(kitQualifications).values({ organizationId: ctx.organizationId, kitId: kit.id, userId: data.userId, qualifiedByUserId: ctx.userId }).onConflictDoNothing({ target: [kitQualifications.organizationId, kitQualifications.kitId, kitQualifications.userId] }).returning({ userId: kitQualifications.userId })).length > 0
      : (await tx.db.delete(kitQualifications).where(scope).returning({ userId: kitQualifications.userId })).length > 0;
    if (changed) {
      await recordAudit(tx.db, {
        organizationId: ctx.organizationId,
        actorUserId: ctx.userId,
        action: data.qualified ? 'kit.qualification_granted' : 'kit.qualification_revoked',
        entityType: 'kit',
        entityId: kit.id,
        data: { userId: data.userId },
      });
    }
    return { changed };
  });
}

/**
 * The qualification warning for a panel (its members and roles) on an interview pinned to a kit
 * version, or null. Callers have the interview and its panel at hand and have already decided the
 * viewer may see it; only the kit's qualified members are read here.
 */
export async function interviewQualificationWarning(ctx: Ctx, kitVersionId: string, panelUserIds: readonly string[], panelRoles: Partial<Record<string, PanelRoleValue>>): Promise<string | null> {
  const [version] = await ctx.db.select({ kitId: kitVersions.kitId }).from(kitVersions).where(eq(kitVersions.id, kitVersionId));
  if (!version) throw new NotFoundError('Kit version');
  const qualified = (await qualifiedUserIdsByKit(ctx, [version.kitId]))[version.kitId] ?? [];
  return panelQualificationWarning(panelUserIds, panelRoles, qualified);
}
