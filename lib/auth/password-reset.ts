import 'server-only';
// "Forgot password": the same answer whether or not the account exists, a throttle per address
// and per IP, a single-use link valid for an hour, and a reset that ends every session.
import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { recordAudit } from '../audit';
import type { BaseCtx } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { passwordSignInDisabledFor } from '../sso/flow';
import { SSO_REQUIRED_MESSAGE } from '../sso/schemas';
import { sendMail } from '../mail';
import { absoluteUrl } from '../urls';
import { parseInput } from '../validation';
import { findUserByEmail } from './accounts';
import { hashPassword } from './password';
import { clearSignInFailures } from './rate-limit';
import { revokeUserSessions } from './sessions';
import { ForgotPasswordInput, ResetPasswordInput, UserTokenValue } from './schemas';
import { findUserToken, issueUserToken, retireUserTokens, TOKEN_STATE_MESSAGES, type TokenState, throttleEmailRequest } from './user-tokens';
import { isServiceUserEmail } from '../api-keys/tokens';

export const FORGOT_PASSWORD_ANSWER = 'If an account exists for that address, we sent it a link to choose a new password. The link works once, within 1 hour.';

export function resetPasswordPath(token: string): string {
  return `/reset-password/${token}`;
}

/** Sends a reset link if the address has an account; says nothing either way. */
export async function requestPasswordReset({ db }: BaseCtx, input: { email: unknown; ip: string | null }): Promise<void> {
  const { email } = parseInput(ForgotPasswordInput, { email: input.email });
  // Decided by the domain alone, so it says nothing about whether the account exists.
  if (await passwordSignInDisabledFor(db, email)) throw ValidationError.field('email', SSO_REQUIRED_MESSAGE);
  await db.transaction(async (tx) => {
    await throttleEmailRequest(tx, { kind: 'password_reset', email, ip: input.ip });
    const user = await findUserByEmail(tx, email);
    // An API key's service user has no password and must never get one.
    if (!user || isServiceUserEmail(user.email)) return;
    const token = await issueUserToken(tx, { userId: user.id, purpose: 'password_reset' });
    await sendMail(tx, {
      kind: 'password_reset',
      organizationId: null,
      to: user.email,
      subject: 'Reset your Loopkit password',
      text:
        `Someone asked to reset the password of your Loopkit account.\n\n` +
        `Choose a new password: ${absoluteUrl(resetPasswordPath(token))}\n\n` +
        `The link works once and expires in 1 hour. If it was not you, ignore this e-mail: your password stays as it is.`,
    });
    await recordAudit(tx, { organizationId: null, actorUserId: null, action: 'user.password_reset_requested', entityType: 'user', entityId: user.id });
  });
}

/** What the reset page shows before the form is sent. */
export async function previewPasswordReset({ db }: BaseCtx, token: unknown): Promise<TokenState> {
  const parsed = UserTokenValue.safeParse(token);
  if (!parsed.success) return 'invalid';
  return (await findUserToken(db, 'password_reset', parsed.data)).state;
}

/** Sets the new password, uses the token up, ends every session and lifts a sign-in lock. */
export async function resetPassword({ db }: BaseCtx, input: unknown): Promise<{ userId: string }> {
  const data = parseInput(ResetPasswordInput, input);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const { state, row } = await findUserToken(tx, 'password_reset', data.token, { lock: true });
    if (state === 'invalid' || !row) throw new NotFoundError('Reset link');
    if (state !== 'valid') throw new ConflictError(`${TOKEN_STATE_MESSAGES[state]} Ask for a new one.`);
    const [owner] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.userId));
    // A link sent before the organization turned passwords off must not set one now.
    if (owner && (await passwordSignInDisabledFor(tx, owner.email))) throw new ForbiddenError(SSO_REQUIRED_MESSAGE);
    const [user] = await tx
      .update(users)
      // A new session version signs out every device, the attacker's included if there was one.
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, row.userId))
      .returning({ id: users.id, email: users.email });
    if (!user) throw new NotFoundError('Reset link');
    await revokeUserSessions(tx, user.id, null); // so the sessions page agrees
    await retireUserTokens(tx, user.id, 'password_reset');
    await clearSignInFailures(tx, user.email.toLowerCase());
    await recordAudit(tx, { organizationId: null, actorUserId: user.id, action: 'user.password_reset', entityType: 'user', entityId: user.id });
    return { userId: user.id };
  });
}
