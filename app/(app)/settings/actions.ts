'use server';
// Server actions for organization settings, members and invitations: thin adapters over lib/orgs.
import { headers } from 'next/headers';
import { runMemberAction } from '@/app/_lib/member-action';
import type { ActionState } from '@/lib/http';
import { sendInvitationEmail } from '@/lib/mail';
import { createInvitation, revokeInvitation } from '@/lib/orgs/invitations';
import { changeMemberRole, removeMember, updateOrganization } from '@/lib/orgs/mutations';

async function publicOrigin(): Promise<string> {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

export type InviteState = ActionState<{ link: string; email: string; emailed: boolean }>;

export async function inviteMemberAction(_prev: InviteState, formData: FormData): Promise<InviteState> {
  return runMemberAction(
    formData,
    async (ctx, input, request) => {
      const { invitation, path } = await createInvitation(ctx, input);
      const link = `${await publicOrigin()}${path}`;
      const emailed = await sendInvitationEmail({
        to: invitation.email,
        link,
        organizationName: request.activeOrganization?.name ?? 'Loopkit',
        invitedBy: request.account.name ?? request.account.email,
      });
      return { status: 'success', message: `Invitation created for ${invitation.email}.`, data: { link, email: invitation.email, emailed } };
    },
    '/settings/members',
  );
}

export async function revokeInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await revokeInvitation(ctx, input), 'Invitation revoked.'), '/settings/members');
}

export async function changeMemberRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await changeMemberRole(ctx, input), 'Role updated.'), '/settings/members');
}

export async function removeMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await removeMember(ctx, input), 'Member removed.'), '/settings/members');
}

export async function updateOrganizationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await updateOrganization(ctx, input), 'Settings saved.'), '/');
}
