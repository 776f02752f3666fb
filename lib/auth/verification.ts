import 'server-only';
// E-mail verification. A new account proves it owns its address before it may accept an
// invitation addressed there: the inviting admin also sees the invitation link, so holding the
// link proves nothing about the mailbox. A verification started from an invitation (sign-up on
// the invitation page) completes that acceptance once verified.
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { invitations, users, userTokens } from '@/db/schema';
import { recordAudit } from '../audit';
import type { BaseCtx } from '../context';
import { ConflictError, DomainError, NotFoundError } from '../errors';
import { sendMail } from '../mail';
import { joinFromInvitation, loadUsableInvitation } from '../orgs/invitation-join';
import { hashInvitationToken } from '../orgs/invitation-token';
import { absoluteUrl } from '../urls';
import { parseInput } from '../validation';
import { UserTokenValue, VerifyEmailInput } from './schemas';
import { findUserToken, issueUserToken, retireUserTokens, TOKEN_STATE_MESSAGES, type TokenState, throttleEmailRequest } from './user-tokens';

export const UNVERIFIED_INVITATION_MESSAGE =
  'Verify your e-mail address before accepting this invitation: open the link we sent you, or send a new one.';

export function verifyEmailPath(token: string): string {
  return `/verify-email/${token}`;
}

/** Issues a verification link and queues its e-mail, in the caller's transaction. */
export async function sendVerificationEmail(
  db: DbExecutor,
  user: { id: string; email: string },
  options: { invitation?: { id: string; organizationId: string } | null } = {},
): Promise<void> {
  const token = await issueUserToken(db, { userId: user.id, purpose: 'email_verification', invitationId: options.invitation?.id });
  await sendMail(db, {
    kind: 'email_verification',
    // A verification that completes an invitation belongs to that organization's mail (its
    // admins see it in the development outbox, as they see the invitation itself).
    organizationId: options.invitation?.organizationId ?? null,
    to: user.email,
    subject: 'Confirm your e-mail address for Loopkit',
    text:
      `Confirm that this address belongs to your Loopkit account:\n\n${absoluteUrl(verifyEmailPath(token))}\n\n` +
      `The link works once and expires in 24 hours.` +
      (options.invitation ? ' Confirming also accepts the invitation you signed up from.' : ''),
  });
}

export async function isEmailVerified(db: DbExecutor, userId: string): Promise<boolean> {
  const [user] = await db.select({ verified: users.emailVerified }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(user?.verified);
}

/**
 * "Send the link again", for a signed-in unverified user. With an invitation token (from the
 * invitation page) the new link also completes that invitation.
 */
export async function resendVerification(
  { db }: BaseCtx,
  input: { userId: string; ip: string | null; invitationToken?: unknown },
): Promise<{ alreadyVerified: boolean }> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).limit(1);
    if (!user) throw new NotFoundError('Account');
    if (user.emailVerified) return { alreadyVerified: true };
    await throttleEmailRequest(tx, { kind: 'email_verification', email: user.email, ip: input.ip });
    let invitation: { id: string; organizationId: string } | null = null;
    const token = UserTokenValue.safeParse(input.invitationToken);
    if (token.success) {
      const [found] = await tx
        .select({ id: invitations.id, organizationId: invitations.organizationId, email: invitations.email })
        .from(invitations)
        .where(and(eq(invitations.tokenHash, hashInvitationToken(token.data)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
        .limit(1);
      if (found && found.email.toLowerCase() === user.email.toLowerCase()) invitation = found;
    } else {
      // A new link replaces the old one, and keeps the invitation the old one would have completed.
      const [previous] = await tx
        .select({ id: invitations.id, organizationId: invitations.organizationId })
        .from(userTokens)
        .innerJoin(invitations, eq(invitations.id, userTokens.invitationId))
        .where(and(eq(userTokens.userId, user.id), eq(userTokens.purpose, 'email_verification'), isNotNull(userTokens.invitationId)))
        .orderBy(desc(userTokens.createdAt))
        .limit(1);
      invitation = previous ?? null;
    }
    await sendVerificationEmail(tx, user, { invitation });
    return { alreadyVerified: false };
  });
}

export async function previewEmailVerification({ db }: BaseCtx, token: unknown): Promise<TokenState> {
  const parsed = UserTokenValue.safeParse(token);
  if (!parsed.success) return 'invalid';
  return (await findUserToken(db, 'email_verification', parsed.data)).state;
}

export interface VerifyEmailResult {
  userId: string;
  /** Set when the verification completed an invitation: the organization just joined. */
  joinedOrganizationId: string | null;
  /** Why the invitation could not be completed (revoked, expired, already a member), if so. */
  invitationProblem: string | null;
}

/** Marks the address verified, uses the token up and completes the invitation it came from. */
export async function verifyEmail({ db }: BaseCtx, input: unknown): Promise<VerifyEmailResult> {
  const { token } = parseInput(VerifyEmailInput, input);
  return db.transaction(async (tx) => {
    const { state, row } = await findUserToken(tx, 'email_verification', token, { lock: true });
    if (state === 'invalid' || !row) throw new NotFoundError('Verification link');
    if (state !== 'valid') throw new ConflictError(TOKEN_STATE_MESSAGES[state]);
    const now = new Date();
    const [user] = await tx.update(users).set({ emailVerified: now, updatedAt: now }).where(eq(users.id, row.userId)).returning();
    if (!user) throw new NotFoundError('Verification link');
    await retireUserTokens(tx, user.id, 'email_verification');
    await recordAudit(tx, { organizationId: null, actorUserId: user.id, action: 'user.email_verified', entityType: 'user', entityId: user.id });
    if (!row.invitationId) return { userId: user.id, joinedOrganizationId: null, invitationProblem: null };
    try {
      // A savepoint: a failed join must not undo the verification itself.
      const joined = await tx.transaction(async (sp) => {
        const invitation = await loadUsableInvitation(sp, { id: row.invitationId! });
        if (invitation.email.toLowerCase() !== user.email.toLowerCase()) throw new NotFoundError('Invitation');
        return joinFromInvitation(sp, invitation, user.id);
      });
      return { userId: user.id, joinedOrganizationId: joined.organizationId, invitationProblem: null };
    } catch (error) {
      if (error instanceof DomainError) return { userId: user.id, joinedOrganizationId: null, invitationProblem: error.message };
      throw error;
    }
  });
}
