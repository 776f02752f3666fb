import 'server-only';
// Reads about organizations and their members, always scoped to ctx.organizationId.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { invitations, memberships, organizations, users } from '@/db/schema';
import type { Role } from '../auth/permissions';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';

export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

export async function getOrganization(ctx: Ctx) {
  const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, ctx.organizationId)).limit(1);
  if (!org) throw new NotFoundError('Organization');
  return org;
}

export interface MemberRow {
  membershipId: string;
  userId: string;
  name: string | null;
  email: string;
  role: Role;
  joinedAt: Date;
}

export async function listMembers(ctx: Ctx): Promise<MemberRow[]> {
  requirePermission(ctx, 'member:read');
  return ctx.db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, ctx.organizationId))
    .orderBy(sql`lower(coalesce(${users.name}, ${users.email}))`);
}

/** Loads one membership of the caller's organization or throws NotFound (also for other orgs' ids). */
export async function getMembershipInOrg(ctx: Ctx, membershipId: string) {
  const [row] = await ctx.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, ctx.organizationId)))
    .limit(1);
  if (!row) throw new NotFoundError('Member');
  return row;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
  invitedBy: string | null;
}

export async function listPendingInvitations(ctx: Ctx): Promise<PendingInvitation[]> {
  requirePermission(ctx, 'member:invite');
  return ctx.db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedBy: sql<string | null>`coalesce(${users.name}, ${users.email})`,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(
      and(
        eq(invitations.organizationId, ctx.organizationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        sql`${invitations.expiresAt} > now()`,
      ),
    )
    .orderBy(desc(invitations.createdAt));
}
