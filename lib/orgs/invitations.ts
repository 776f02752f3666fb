import 'server-only';
// One-time invitation links. The token is random, shown once to the admin, and only its SHA-256
// is stored, so a database leak does not leak usable links.
import { and, eq, isNull } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { DbExecutor } from '@/db/client';
import { invitations, memberships, organizations } from '@/db/schema';
import { recordAudit } from '../audit';
import { createUserWithPassword, findUserByEmail, type AccountSummary } from '../auth/accounts';
import { type BaseCtx, type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { AcceptInvitationWithSignUpInput, CreateInvitationInput, InvitationToken, RevokeInvitationInput } from './schemas';

export const INVITATION_TTL_DAYS = 7;

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}

export async function createInvitation(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'member:invite');
  const data = parseInput(CreateInvitationInput, input);
  return inTransaction(ctx, async ({ db }) => {
    const existingUser = await findUserByEmail(db, data.email);
    if (existingUser) {
      const [member] = await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, existingUser.id)));
      if (member) throw ValidationError.field('email', 'This person is already a member of the organization');
    }
    const token = randomBytes(32).toString('base64url');
    const [invitation] = await db
      .insert(invitations)
      .values({
        organizationId: ctx.organizationId,
        email: data.email,
        role: data.role,
        tokenHash: hashInvitationToken(token),
        invitedByUserId: ctx.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      })
      .returning();
    if (!invitation) throw new Error('insert returned no invitation');
    await recordAudit(db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: invitation.id,
      // The address is on the invitation row; the append-only log keeps no personal values.
      data: { role: data.role },
    });
    return { invitation, token, path: invitationPath(token) };
  });
}

export async function revokeInvitation(ctx: Ctx, input: unknown): Promise<void> {
  requirePermission(ctx, 'member:invite');
  const { invitationId } = parseInput(RevokeInvitationInput, input);
  await inTransaction(ctx, async ({ db }) => {
    const [updated] = await db
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, invitationId),
          eq(invitations.organizationId, ctx.organizationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    if (!updated) throw new NotFoundError('Invitation');
    await recordAudit(db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'invitation.revoked', entityType: 'invitation', entityId: invitationId });
  });
}

export type InvitationPreview =
  | { state: 'valid'; email: string; role: string; organizationName: string; accountExists: boolean }
  | { state: 'invalid' | 'expired' | 'used' };

/** What the invitation page shows before anyone signs in. */
export async function previewInvitation({ db }: BaseCtx, token: unknown): Promise<InvitationPreview> {
  const parsed = InvitationToken.safeParse(token);
  if (!parsed.success) return { state: 'invalid' };
  const [row] = await db
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashInvitationToken(parsed.data)))
    .limit(1);
  if (!row || row.invitation.revokedAt) return { state: 'invalid' };
  if (row.invitation.acceptedAt) return { state: 'used' };
  if (row.invitation.expiresAt.getTime() < Date.now()) return { state: 'expired' };
  return {
    state: 'valid',
    email: row.invitation.email,
    role: row.invitation.role,
    organizationName: row.organizationName,
    accountExists: Boolean(await findUserByEmail(db, row.invitation.email)),
  };
}

/** Locks the invitation row so two tabs cannot both accept one link. */
async function loadUsableInvitation(db: DbExecutor, token: string) {
  const [invitation] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
    .for('update')
    .limit(1);
  if (!invitation || invitation.revokedAt) throw new NotFoundError('Invitation');
  if (invitation.acceptedAt) throw new ConflictError('This invitation has already been used');
  if (invitation.expiresAt.getTime() < Date.now()) throw new ConflictError('This invitation has expired — ask for a new one');
  return invitation;
}

async function joinFromInvitation(db: DbExecutor, invitation: typeof invitations.$inferSelect, userId: string) {
  const [existing] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, invitation.organizationId), eq(memberships.userId, userId)));
  if (existing) throw new ConflictError('You are already a member of this organization');
  await db.insert(memberships).values({ organizationId: invitation.organizationId, userId, role: invitation.role });
  await db.update(invitations).set({ acceptedAt: new Date(), acceptedByUserId: userId }).where(eq(invitations.id, invitation.id));
  await recordAudit(db, {
    organizationId: invitation.organizationId,
    actorUserId: userId,
    action: 'invitation.accepted',
    entityType: 'invitation',
    entityId: invitation.id,
    data: { role: invitation.role },
  });
  return { organizationId: invitation.organizationId, role: invitation.role };
}

/** A signed-in user accepts an invitation addressed to their email. */
export async function acceptInvitation({ db }: BaseCtx, input: { token: unknown; userId: string; userEmail: string }) {
  const token = parseInput(InvitationToken, input.token);
  return db.transaction(async (tx) => {
    const invitation = await loadUsableInvitation(tx, token);
    if (invitation.email.toLowerCase() !== input.userEmail.toLowerCase()) {
      throw new ConflictError(`This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
    }
    return joinFromInvitation(tx, invitation, input.userId);
  });
}

/** A new person creates their account from an invitation and joins in one transaction. */
export async function acceptInvitationWithSignUp(
  { db }: BaseCtx,
  input: unknown,
): Promise<{ user: AccountSummary; organizationId: string }> {
  const data = parseInput(AcceptInvitationWithSignUpInput, input);
  return db.transaction(async (tx) => {
    const invitation = await loadUsableInvitation(tx, data.token);
    const user = await createUserWithPassword(tx, { name: data.name, email: invitation.email, password: data.password });
    const joined = await joinFromInvitation(tx, invitation, user.id);
    return { user, organizationId: joined.organizationId };
  });
}
