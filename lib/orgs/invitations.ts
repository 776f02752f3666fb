import 'server-only';
// One-time invitation links. The token is random, shown once to the admin, and only its SHA-256
// is stored, so a database leak does not leak usable links.
import { and, eq, isNull } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { invitations, memberships, organizations, users } from '@/db/schema';
import { recordAudit } from '../audit';
import { createUserWithPassword, findUserByEmail, type AccountSummary } from '../auth/accounts';
import { isEmailVerified, sendVerificationEmail, UNVERIFIED_INVITATION_MESSAGE } from '../auth/verification';
import { type BaseCtx, type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { sendMail } from '../mail';
import { absoluteUrl } from '../urls';
import { parseInput } from '../validation';
import { joinFromInvitation, loadUsableInvitation } from './invitation-join';
import { hashInvitationToken, invitationPath } from './invitation-token';
import { AcceptInvitationWithSignUpInput, CreateInvitationInput, InvitationToken, RevokeInvitationInput } from './schemas';

export const INVITATION_TTL_DAYS = 7;

export { hashInvitationToken, invitationPath };

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
    const link = absoluteUrl(invitationPath(token));
    await sendInvitationEmail(db, { invitation, link, invitedByUserId: ctx.userId });
    return { invitation, token, path: invitationPath(token), link };
  });
}

async function sendInvitationEmail(
  db: Ctx['db'],
  input: { invitation: typeof invitations.$inferSelect; link: string; invitedByUserId: string },
): Promise<void> {
  const [[org], [inviter]] = await Promise.all([
    db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, input.invitation.organizationId)),
    db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, input.invitedByUserId)),
  ]);
  const organizationName = org?.name ?? 'an organization';
  const invitedBy = inviter?.name ?? inviter?.email ?? 'Someone';
  await sendMail(db, {
    kind: 'invitation',
    organizationId: input.invitation.organizationId,
    to: input.invitation.email,
    subject: `${invitedBy} invited you to ${organizationName} on Loopkit`,
    text:
      `${invitedBy} invited you to join ${organizationName} on Loopkit.\n\n` +
      `Accept the invitation: ${input.link}\n\nThe link works once and expires in ${INVITATION_TTL_DAYS} days.`,
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

/** A signed-in user accepts an invitation addressed to their email. */
export async function acceptInvitation({ db }: BaseCtx, input: { token: unknown; userId: string; userEmail: string }) {
  const token = parseInput(InvitationToken, input.token);
  return db.transaction(async (tx) => {
    const invitation = await loadUsableInvitation(tx, { token });
    if (invitation.email.toLowerCase() !== input.userEmail.toLowerCase()) {
      throw new ConflictError(`This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
    }
    // The admin saw this link too: only the owner of the mailbox may turn it into a membership.
    if (!(await isEmailVerified(tx, input.userId))) throw new ForbiddenError(UNVERIFIED_INVITATION_MESSAGE);
    return joinFromInvitation(tx, invitation, input.userId);
  });
}

/**
 * A new person creates their account from an invitation. The account starts unverified and does
 * not join yet: the verification e-mail's link completes the acceptance, because possessing the
 * invitation link (which the admin also sees) does not prove the mailbox.
 */
export async function acceptInvitationWithSignUp({ db }: BaseCtx, input: unknown): Promise<{ user: AccountSummary; invitationId: string }> {
  const data = parseInput(AcceptInvitationWithSignUpInput, input);
  return db.transaction(async (tx) => {
    const invitation = await loadUsableInvitation(tx, { token: data.token });
    const user = await createUserWithPassword(tx, { name: data.name, email: invitation.email, password: data.password });
    await sendVerificationEmail(tx, user, { invitation });
    return { user, invitationId: invitation.id };
  });
}
