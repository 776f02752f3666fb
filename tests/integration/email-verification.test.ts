// E-mail verification: new accounts start unverified and get a link; an unverified account
// cannot accept an invitation (whoever holds the link — the inviting admin sees it too — does
// not thereby own the mailbox); verifying from an invitation sign-up completes the acceptance.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, memberships, users, userTokens } from '@/db/schema';
import { signUp } from '@/lib/auth/accounts';
import { hashToken } from '@/lib/auth/user-tokens';
import { isEmailVerified, previewEmailVerification, resendVerification, verifyEmail } from '@/lib/auth/verification';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { acceptInvitation, acceptInvitationWithSignUp, createInvitation } from '@/lib/orgs/invitations';
import { absoluteUrl } from '@/lib/urls';
import { setupTestDatabase } from './support/database';
import { PASSWORD, createOrgWithAdmin, sessionOrganizations, uniqueEmail } from './support/factories';
import { latestMail, tokenFromMail } from './support/mail';

// Opts out of per-test transactions: latestMail picks the newest mail by created_at, which inside
// one transaction is the same now() for every mail of a test.
const t = setupTestDatabase({ isolation: 'file' });

async function signUpUnverified() {
  const email = uniqueEmail('fresh');
  const { user, organizationId } = await signUp({ db: t.db }, { name: 'Fresh Person', email, password: PASSWORD, organizationName: 'Own Org' });
  return { user, organizationId, email };
}

async function verificationToken(email: string) {
  return tokenFromMail((await latestMail(t.db, email, 'email_verification'))?.body, 'verify-email');
}

describe('e-mail verification', () => {
  it('a new account can use the app at once and confirms its address from the e-mailed link, once', async () => {
    const { user, organizationId, email } = await signUpUnverified();
    expect(await sessionOrganizations(t.db, user.id)).toEqual([expect.objectContaining({ id: organizationId, role: 'admin' })]);
    expect(await isEmailVerified(t.db, user.id)).toBe(false);

    const mail = await latestMail(t.db, email, 'email_verification');
    expect(mail).toMatchObject({ subject: 'Confirm your e-mail address for Loopkit', organizationId: null });
    const token = tokenFromMail(mail?.body, 'verify-email');
    const [stored] = await t.db.select().from(userTokens).where(eq(userTokens.tokenHash, hashToken(token)));
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBeCloseTo(24 * 3_600_000, -4);

    expect(await verifyEmail({ db: t.db }, { token })).toEqual({ userId: user.id, joinedOrganizationId: null, invitationProblem: null });
    expect(await isEmailVerified(t.db, user.id)).toBe(true);
    expect(await previewEmailVerification({ db: t.db }, token)).toBe('used');
    await expect(verifyEmail({ db: t.db }, { token })).rejects.toBeInstanceOf(ConflictError);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.email_verified'));
    expect(event).toMatchObject({ entityId: user.id, data: {} });
  });

  it('refuses an invitation to an unverified account until it verifies (with a resent link that completes it)', async () => {
    const { ctx: inviter, organizationId } = await createOrgWithAdmin(t.db);
    const invitee = await signUpUnverified();
    const { token: invitationToken } = await createInvitation(inviter, { email: invitee.email, role: 'recruiter' });

    const refused = await acceptInvitation({ db: t.db }, { token: invitationToken, userId: invitee.user.id, userEmail: invitee.email }).catch((e) => e);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect(refused.message).toMatch(/Verify your e-mail address/);
    expect(await t.db.select().from(memberships).where(eq(memberships.organizationId, organizationId))).toHaveLength(1);

    await resendVerification({ db: t.db }, { userId: invitee.user.id, ip: '192.0.2.10', invitationToken });
    const result = await verifyEmail({ db: t.db }, { token: await verificationToken(invitee.email) });
    expect(result.joinedOrganizationId).toBe(organizationId);
    const orgs = await sessionOrganizations(t.db, invitee.user.id);
    expect(orgs.map((o) => o.role).sort()).toEqual(['admin', 'recruiter']);
  });

  it('whoever holds an invitation link cannot take the invited address: the sign-up waits for the mailbox', async () => {
    const { ctx: admin, organizationId } = await createOrgWithAdmin(t.db);
    const victim = uniqueEmail('victim');
    // The admin sees the link; signing up through it themselves must not produce a member.
    const { token } = await createInvitation(admin, { email: victim, role: 'hiring_manager' });
    const { user } = await acceptInvitationWithSignUp({ db: t.db }, { token, name: 'Not The Victim', password: PASSWORD });
    expect(await sessionOrganizations(t.db, user.id)).toEqual([]);
    await expect(acceptInvitation({ db: t.db }, { token, userId: user.id, userEmail: victim })).rejects.toBeInstanceOf(ForbiddenError);
    // Only the link sent to the victim's mailbox completes it (a resend keeps the invitation).
    await resendVerification({ db: t.db }, { userId: user.id, ip: '192.0.2.11' });
    expect((await verifyEmail({ db: t.db }, { token: await verificationToken(victim) })).joinedOrganizationId).toBe(organizationId);
  });

  it('a verification whose invitation was revoked meanwhile still verifies, and says why it did not join', async () => {
    const { ctx: admin } = await createOrgWithAdmin(t.db);
    const email = uniqueEmail('late');
    const { token, invitation } = await createInvitation(admin, { email, role: 'interviewer' });
    const { user } = await acceptInvitationWithSignUp({ db: t.db }, { token, name: 'Late', password: PASSWORD });
    const { revokeInvitation } = await import('@/lib/orgs/invitations');
    await revokeInvitation(admin, { invitationId: invitation.id });
    const result = await verifyEmail({ db: t.db }, { token: await verificationToken(email) });
    expect(result).toMatchObject({ joinedOrganizationId: null, invitationProblem: 'Invitation not found' });
    expect(await isEmailVerified(t.db, user.id)).toBe(true);
  });

  it('refuses expired and unknown links; resending to a verified account sends nothing', async () => {
    const { user, email } = await signUpUnverified();
    const token = await verificationToken(email);
    await t.db.update(userTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userTokens.tokenHash, hashToken(token)));
    expect(await previewEmailVerification({ db: t.db }, token)).toBe('expired');
    await expect(verifyEmail({ db: t.db }, { token })).rejects.toBeInstanceOf(ConflictError);
    await expect(verifyEmail({ db: t.db }, { token: 'y'.repeat(43) })).rejects.toBeInstanceOf(NotFoundError);

    await t.db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, user.id));
    expect(await resendVerification({ db: t.db }, { userId: user.id, ip: '192.0.2.12' })).toEqual({ alreadyVerified: true });
  });

  it('builds every link from the configured public origin, never from a request', async () => {
    const { ctx } = await createOrgWithAdmin(t.db);
    const { link, path } = await createInvitation(ctx, { email: uniqueEmail(), role: 'interviewer' });
    expect(link).toBe(absoluteUrl(path));
    expect(link.startsWith('http://localhost:3000/invite/')).toBe(true);
  });
});
