'use server';
// Server actions for organization settings, members and invitations: thin adapters over lib/orgs.
import { runMemberAction } from '@/app/_lib/member-action';
import type { ActionState } from '@/lib/http';
import { smtpConfigured } from '@/lib/mail';
import { updateReminderSettings } from '@/lib/notifications/mutations';
import { createInvitation, revokeInvitation } from '@/lib/orgs/invitations';
import { changeMemberRole, removeMember, updateOrganization } from '@/lib/orgs/mutations';

export type InviteState = ActionState<{ link: string; email: string; emailed: boolean }>;

export async function inviteMemberAction(_prev: InviteState, formData: FormData): Promise<InviteState> {
  return runMemberAction(
    formData,
    async (ctx, input) => {
      // The link is built from AUTH_URL (lib/urls.ts), never from the request's Host header; the
      // e-mail is queued in the same transaction (SMTP, or the development outbox).
      const { invitation, link } = await createInvitation(ctx, input);
      return { status: 'success', message: `Invitation created for ${invitation.email}.`, data: { link, email: invitation.email, emailed: smtpConfigured() } };
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

export async function updateReminderSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await updateReminderSettings(ctx, input), 'Reminder settings saved.'), '/settings');
}
