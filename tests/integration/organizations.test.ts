import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, invitations, memberships, organizations } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import {
  acceptInvitation,
  acceptInvitationWithSignUp,
  createInvitation,
  hashInvitationToken,
  previewInvitation,
  revokeInvitation,
} from '@/lib/orgs/invitations';
import { changeMemberRole, createOrganization, removeMember, updateOrganization } from '@/lib/orgs/mutations';
import { getOrganization, listMembers, listPendingInvitations } from '@/lib/orgs/queries';
import { verifyEmail } from '@/lib/auth/verification';
import { setupTestDatabase } from './support/database';
import { latestMail, tokenFromMail } from './support/mail';
import { PASSWORD, addMember, createOrgWithAdmin, sessionOrganizations, uniqueEmail } from './support/factories';

const t = setupTestDatabase({ isolation: 'transaction' });

async function invitationCount(organizationId: string) {
  const [row] = await t.db.select({ n: count() }).from(invitations).where(eq(invitations.organizationId, organizationId));
  return row!.n;
}

describe('invitations', () => {
  it('an admin invites by email; the invitee signs up from the one-time link and joins with that role', async () => {
    const { ctx, organizationId } = await createOrgWithAdmin(t.db, 'Invite Co');
    const email = uniqueEmail('new');
    const { token, path } = await createInvitation(ctx, { email, role: 'interviewer' });
    expect(path).toBe(`/invite/${token}`);
    // Only the hash is stored.
    const [stored] = await t.db.select().from(invitations).where(eq(invitations.email, email));
    expect(stored!.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(await previewInvitation({ db: t.db }, token)).toMatchObject({ state: 'valid', email, role: 'interviewer', organizationName: 'Invite Co', accountExists: false });
    const { user } = await acceptInvitationWithSignUp({ db: t.db }, { token, name: 'Ivy Interviewer', password: PASSWORD });
    // The account exists but joins only once the verification link from the mailbox is opened.
    expect(await sessionOrganizations(t.db, user.id)).toEqual([]);
    const mail = await latestMail(t.db, email, 'email_verification');
    const joined = await verifyEmail({ db: t.db }, { token: tokenFromMail(mail?.body, 'verify-email') });
    expect(joined).toMatchObject({ joinedOrganizationId: organizationId, invitationProblem: null });
    const orgs = await sessionOrganizations(t.db, user.id);
    expect(orgs).toEqual([expect.objectContaining({ id: organizationId, role: 'interviewer' })]);
    expect(await previewInvitation({ db: t.db }, token)).toEqual({ state: 'used' });
    await expect(acceptInvitationWithSignUp({ db: t.db }, { token, name: 'Again', password: PASSWORD })).rejects.toBeInstanceOf(ConflictError);
  });

  it('an existing user accepts while signed in, but only with the invited address', async () => {
    const { ctx: orgA } = await createOrgWithAdmin(t.db);
    const other = await createOrgWithAdmin(t.db);
    const { token } = await createInvitation(orgA, { email: other.email, role: 'recruiter' });
    expect(await previewInvitation({ db: t.db }, token)).toMatchObject({ accountExists: true });
    const intruder = await createOrgWithAdmin(t.db);
    await expect(acceptInvitation({ db: t.db }, { token, userId: intruder.user.id, userEmail: intruder.email })).rejects.toBeInstanceOf(ConflictError);
    await acceptInvitation({ db: t.db }, { token, userId: other.user.id, userEmail: other.email });
    const orgs = await sessionOrganizations(t.db, other.user.id);
    expect(orgs.map((o) => o.role).sort()).toEqual(['admin', 'recruiter']);
  });

  it('revoked and expired links cannot be used', async () => {
    const { ctx } = await createOrgWithAdmin(t.db);
    const revoked = await createInvitation(ctx, { email: uniqueEmail(), role: 'interviewer' });
    await revokeInvitation(ctx, { invitationId: revoked.invitation.id });
    expect(await previewInvitation({ db: t.db }, revoked.token)).toEqual({ state: 'invalid' });
    await expect(acceptInvitationWithSignUp({ db: t.db }, { token: revoked.token, name: 'X', password: PASSWORD })).rejects.toBeInstanceOf(NotFoundError);

    const expired = await createInvitation(ctx, { email: uniqueEmail(), role: 'interviewer' });
    await t.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, expired.invitation.id));
    expect(await previewInvitation({ db: t.db }, expired.token)).toEqual({ state: 'expired' });
    await expect(acceptInvitationWithSignUp({ db: t.db }, { token: expired.token, name: 'X', password: PASSWORD })).rejects.toBeInstanceOf(ConflictError);
    expect((await listPendingInvitations(ctx)).map((i) => i.id)).not.toContain(expired.invitation.id);
  });

  it('rejects bad input naming the field, and changes nothing', async () => {
    const { ctx, organizationId } = await createOrgWithAdmin(t.db);
    const before = await invitationCount(organizationId);
    const badEmail = await createInvitation(ctx, { email: 'nope', role: 'interviewer' }).catch((e) => e);
    expect(badEmail).toBeInstanceOf(ValidationError);
    expect(Object.keys(badEmail.fieldErrors)).toEqual(['email']);
    const badRole = await createInvitation(ctx, { email: uniqueEmail(), role: 'owner' }).catch((e) => e);
    expect(Object.keys(badRole.fieldErrors)).toEqual(['role']);
    const member = await addMember(t.db, organizationId, 'interviewer');
    const already = await createInvitation(ctx, { email: member.email, role: 'admin' }).catch((e) => e);
    expect(already.fieldErrors.email[0]).toMatch(/already a member/);
    expect(await invitationCount(organizationId)).toBe(before);
  });

  it('only roles with member:invite may invite (403)', async () => {
    const { organizationId } = await createOrgWithAdmin(t.db);
    for (const role of ['interviewer', 'recruiter', 'hiring_manager'] as const) {
      const { ctx } = await addMember(t.db, organizationId, role);
      await expect(createInvitation(ctx, { email: uniqueEmail(), role: 'interviewer' })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await invitationCount(organizationId)).toBe(0);
  });
});

describe('creating another organization', () => {
  it('makes the signed-in account its admin, with the same audit event as sign-up', async () => {
    const { user } = await createOrgWithAdmin(t.db);
    const org = await createOrganization({ db: t.db, userId: user.id }, { name: '  Second Venture ' });
    expect(org).toMatchObject({ name: 'Second Venture', slug: expect.stringMatching(/^second-venture/) });
    const orgs = await sessionOrganizations(t.db, user.id);
    expect(orgs.find((o) => o.id === org.id)).toMatchObject({ role: 'admin' });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.organizationId, org.id));
    expect(events).toEqual([expect.objectContaining({ action: 'organization.created', actorUserId: user.id, entityId: org.id })]);
  });

  it('rejects a blank name with 422 and creates nothing', async () => {
    const { user } = await createOrgWithAdmin(t.db);
    const [before] = await t.db.select({ n: count() }).from(organizations);
    const error = await createOrganization({ db: t.db, userId: user.id }, { name: '   ' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toHaveProperty('name');
    const [after] = await t.db.select({ n: count() }).from(organizations);
    expect(after!.n).toBe(before!.n);
  });
});

describe('members', () => {
  it('a role change takes effect on the member’s next request', async () => {
    const { ctx, organizationId } = await createOrgWithAdmin(t.db);
    const member = await addMember(t.db, organizationId, 'interviewer');
    await changeMemberRole(ctx, { membershipId: member.membership.id, role: 'hiring_manager' });
    // The session layer (loadAccount) reads the role from the database on every request.
    const [org] = await sessionOrganizations(t.db, member.user.id);
    expect(org!.role).toBe('hiring_manager');
  });

  it('a removed member loses the organization on their next request', async () => {
    const { ctx, organizationId } = await createOrgWithAdmin(t.db);
    const member = await addMember(t.db, organizationId, 'recruiter');
    await removeMember(ctx, { membershipId: member.membership.id });
    expect(await sessionOrganizations(t.db, member.user.id)).toEqual([]);
    expect((await listMembers(ctx)).map((m) => m.userId)).not.toContain(member.user.id);
  });

  it('the last admin can be neither demoted nor removed', async () => {
    const { ctx } = await createOrgWithAdmin(t.db);
    const [self] = await t.db.select().from(memberships).where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, ctx.userId)));
    await expect(changeMemberRole(ctx, { membershipId: self!.id, role: 'interviewer' })).rejects.toBeInstanceOf(ConflictError);
    await expect(removeMember(ctx, { membershipId: self!.id })).rejects.toBeInstanceOf(ConflictError);
    const [still] = await t.db.select().from(memberships).where(eq(memberships.id, self!.id));
    expect(still!.role).toBe('admin');
  });

  it('rejects bad input naming the field', async () => {
    const { ctx } = await createOrgWithAdmin(t.db);
    const badId = await changeMemberRole(ctx, { membershipId: 'x', role: 'admin' }).catch((e) => e);
    expect(badId).toBeInstanceOf(ValidationError);
    expect(Object.keys(badId.fieldErrors)).toEqual(['membershipId']);
    const badName = await updateOrganization(ctx, { name: ' ', leadsScoreIndependently: 'on' }).catch((e) => e);
    expect(Object.keys(badName.fieldErrors)).toEqual(['name']);
    expect((await getOrganization(ctx)).name).not.toBe(' ');
  });

  it('only admins manage members and settings (403)', async () => {
    const { organizationId } = await createOrgWithAdmin(t.db);
    const target = await addMember(t.db, organizationId, 'interviewer');
    for (const role of ['recruiter', 'hiring_manager', 'interviewer'] as const) {
      const { ctx } = await addMember(t.db, organizationId, role);
      await expect(changeMemberRole(ctx, { membershipId: target.membership.id, role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(removeMember(ctx, { membershipId: target.membership.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateOrganization(ctx, { name: 'Hijacked' })).rejects.toBeInstanceOf(ForbiddenError);
    }
    const interviewer = await addMember(t.db, organizationId, 'interviewer');
    await expect(listMembers(interviewer.ctx)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('organization settings are saved and audited', async () => {
    const { ctx } = await createOrgWithAdmin(t.db);
    await updateOrganization(ctx, { name: 'Renamed Team', leadsScoreIndependently: 'on' });
    expect(await getOrganization(ctx)).toMatchObject({ name: 'Renamed Team', leadsScoreIndependently: true });
  });
});
