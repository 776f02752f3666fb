import 'server-only';
// Changes to an organization and its members. Role changes and removals are read from the
// database on every request (see lib/auth/session.ts), so they take effect immediately.
import { and, count, eq } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { memberships, organizations } from '@/db/schema';
import { recordAudit } from '../audit';
import { type AccountCtx, type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError } from '../errors';
import { parseInput } from '../validation';
import { insertOrganizationWithAdmin } from './founding';
import { getMembershipInOrg } from './queries';
import { ChangeMemberRoleInput, CreateOrganizationInput, RemoveMemberInput, UpdateOrganizationInput } from './schemas';

async function countAdmins(db: DbExecutor, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'admin')));
  return row?.n ?? 0;
}

export async function changeMemberRole(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'member:manage');
  const data = parseInput(ChangeMemberRoleInput, input);
  return inTransaction(ctx, async (tx) => {
    const member = await getMembershipInOrg(tx, data.membershipId);
    if (member.role === data.role) return member;
    if (member.role === 'admin' && (await countAdmins(tx.db, ctx.organizationId)) <= 1) {
      throw new ConflictError('An organization needs at least one admin. Make someone else an admin first.');
    }
    const [updated] = await tx.db
      .update(memberships)
      .set({ role: data.role, updatedAt: new Date() })
      .where(and(eq(memberships.id, member.id), eq(memberships.organizationId, ctx.organizationId)))
      .returning();
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'member.role_changed',
      entityType: 'membership',
      entityId: member.id,
      data: { userId: member.userId, from: member.role, to: data.role },
    });
    return updated ?? member;
  });
}

export async function removeMember(ctx: Ctx, input: unknown): Promise<void> {
  requirePermission(ctx, 'member:manage');
  const data = parseInput(RemoveMemberInput, input);
  await inTransaction(ctx, async (tx) => {
    const member = await getMembershipInOrg(tx, data.membershipId);
    if (member.role === 'admin' && (await countAdmins(tx.db, ctx.organizationId)) <= 1) {
      throw new ConflictError('You cannot remove the last admin of the organization.');
    }
    await tx.db.delete(memberships).where(and(eq(memberships.id, member.id), eq(memberships.organizationId, ctx.organizationId)));
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'member.removed',
      entityType: 'membership',
      entityId: member.id,
      data: { userId: member.userId, role: member.role },
    });
  });
}

export async function updateOrganization(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'org:manage');
  const data = parseInput(UpdateOrganizationInput, input);
  return inTransaction(ctx, async ({ db }) => {
    const [updated] = await db
      .update(organizations)
      .set({ name: data.name, leadsScoreIndependently: data.leadsScoreIndependently, ...(data.candidateRetentionMonths !== undefined && { candidateRetentionMonths: data.candidateRetentionMonths }), updatedAt: new Date() })
      .where(eq(organizations.id, ctx.organizationId))
      .returning();
    await recordAudit(db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'organization.updated',
      entityType: 'organization',
      entityId: ctx.organizationId,
      data,
    });
    return updated;
  });
}

/** Any signed-in user may start another organization; they become its admin. */
export async function createOrganization(ctx: Pick<AccountCtx, 'db' | 'userId'>, input: unknown) {
  const data = parseInput(CreateOrganizationInput, input);
  return ctx.db.transaction((tx) => insertOrganizationWithAdmin(tx, { name: data.name, adminUserId: ctx.userId }));
}
