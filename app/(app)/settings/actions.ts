'use server';
// Server actions for organization settings, members and invitations: thin adapters over lib/orgs.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getRequestContext } from '@/lib/auth/session';
import { type ActionState, errorToActionState } from '@/lib/http';
import { createInvitation, revokeInvitation } from '@/lib/orgs/invitations';
import { sendInvitationEmail } from '@/lib/mail';
import { changeMemberRole, removeMember, updateOrganization } from '@/lib/orgs/mutations';
import { UnauthenticatedError } from '@/lib/errors';
import { formDataToObject } from '@/lib/validation';

async function currentCtx() {
  const request = await getRequestContext();
  if (!request?.ctx) throw new UnauthenticatedError();
  return { ctx: request.ctx, request };
}

async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return process.env.AUTH_URL ? new URL(process.env.AUTH_URL).origin : `${proto}://${host}`;
}

export type InviteState = ActionState<{ link: string; email: string; emailed: boolean }>;

export async function inviteMemberAction(_prev: InviteState, formData: FormData): Promise<InviteState> {
  try {
    const { ctx, request } = await currentCtx();
    const { invitation, path } = await createInvitation(ctx, formDataToObject(formData));
    const link = `${await origin()}${path}`;
    const emailed = await sendInvitationEmail({
      to: invitation.email,
      link,
      organizationName: request.activeOrganization?.name ?? 'Loopkit',
      invitedBy: request.account.name ?? request.account.email,
    });
    revalidatePath('/settings/members');
    return { status: 'success', message: `Invitation created for ${invitation.email}.`, data: { link, email: invitation.email, emailed } };
  } catch (error) {
    return errorToActionState(error);
  }
}

export async function revokeInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { ctx } = await currentCtx();
    await revokeInvitation(ctx, formDataToObject(formData));
    revalidatePath('/settings/members');
    return { status: 'success', message: 'Invitation revoked.' };
  } catch (error) {
    return errorToActionState(error);
  }
}

export async function changeMemberRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { ctx } = await currentCtx();
    await changeMemberRole(ctx, formDataToObject(formData));
    revalidatePath('/settings/members');
    return { status: 'success', message: 'Role updated.' };
  } catch (error) {
    return errorToActionState(error);
  }
}

export async function removeMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { ctx } = await currentCtx();
    await removeMember(ctx, formDataToObject(formData));
    revalidatePath('/settings/members');
    return { status: 'success', message: 'Member removed.' };
  } catch (error) {
    return errorToActionState(error);
  }
}

export async function updateOrganizationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { ctx } = await currentCtx();
    await updateOrganization(ctx, formDataToObject(formData));
    revalidatePath('/', 'layout');
    return { status: 'success', message: 'Settings saved.' };
  } catch (error) {
    return errorToActionState(error);
  }
}
