// The development outbox is scoped like everything else: an organization's admins read its own
// mail and account mail to its members — not another organization's, not strangers'.
import { describe, expect, it } from 'vitest';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { acceptInvitationWithSignUp, createInvitation } from '@/lib/orgs/invitations';
import { getOutboxMail, listOutboxMail } from '@/lib/outbox/queries';
import { setupTestDatabase } from './support/database';
import { PASSWORD, addMember, createOrgWithAdmin, uniqueEmail } from './support/factories';
import { deliverQueuedMail } from './support/mail';

const t = setupTestDatabase({ isolation: 'transaction' });

describe('development outbox', () => {
  it("shows an admin their organization's invitations and their members' account mail, and nothing else", async () => {
    const a = await createOrgWithAdmin(t.db);
    const b = await createOrgWithAdmin(t.db);
    const memberOfA = await addMember(t.db, a.organizationId, 'recruiter');
    const stranger = uniqueEmail('stranger');
    const invitedToA = uniqueEmail('invited-a');
    const invitedToB = uniqueEmail('invited-b');
    await createInvitation(a.ctx, { email: invitedToA, role: 'interviewer' });
    await createInvitation(b.ctx, { email: invitedToB, role: 'interviewer' });
    await requestPasswordReset({ db: t.db }, { email: memberOfA.email, ip: '192.0.2.20' });
    await requestPasswordReset({ db: t.db }, { email: stranger, ip: '192.0.2.21' });
    await deliverQueuedMail(t.db);

    const seenByA = await listOutboxMail(a.ctx);
    const recipientsA = seenByA.map((m) => m.recipient);
    expect(recipientsA).toEqual(expect.arrayContaining([invitedToA, memberOfA.email, a.email]));
    expect(recipientsA).not.toContain(invitedToB);
    expect(recipientsA).not.toContain(b.email);
    expect(recipientsA).not.toContain(stranger);

    const seenByB = await listOutboxMail(b.ctx);
    expect(seenByB.map((m) => m.recipient)).not.toEqual(expect.arrayContaining([invitedToA]));
    expect(seenByB.map((m) => m.recipient)).not.toContain(memberOfA.email);

    const reset = seenByA.find((m) => m.recipient === memberOfA.email && m.kind === 'password_reset')!;
    expect((await getOutboxMail(a.ctx, reset.id)).subject).toBe('Reset your Loopkit password');
    await expect(getOutboxMail(b.ctx, reset.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOutboxMail(b.ctx, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('files the verification of a sign-up from an invitation under the inviting organization', async () => {
    const a = await createOrgWithAdmin(t.db);
    const b = await createOrgWithAdmin(t.db);
    const email = uniqueEmail('joiner');
    const { token } = await createInvitation(a.ctx, { email, role: 'interviewer' });
    await acceptInvitationWithSignUp({ db: t.db }, { token, name: 'Joiner', password: PASSWORD });
    await deliverQueuedMail(t.db);
    expect((await listOutboxMail(a.ctx)).filter((m) => m.recipient === email).map((m) => m.kind).sort()).toEqual(['email_verification', 'invitation']);
    expect((await listOutboxMail(b.ctx)).filter((m) => m.recipient === email)).toEqual([]);
  });

  it('is for admins only (403 for every other role)', async () => {
    const a = await createOrgWithAdmin(t.db);
    for (const role of ['recruiter', 'hiring_manager', 'interviewer'] as const) {
      const member = await addMember(t.db, a.organizationId, role);
      await expect(listOutboxMail(member.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
