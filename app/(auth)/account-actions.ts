'use server';
// Thin adapters for the account e-mail flows: forgot / reset password, verify e-mail, resend.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/auth/client-ip';
import { env } from '@/lib/env';
import { FORGOT_PASSWORD_ANSWER, requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { ACTIVE_ORG_COOKIE, anonymousContext, getCurrentAccount } from '@/lib/auth/session';
import { resendVerification, verifyEmail } from '@/lib/auth/verification';
import { type ActionState, errorToActionState } from '@/lib/http';
import { formDataToObject } from '@/lib/validation';

export async function forgotPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await requestPasswordReset(anonymousContext(), { email: formData.get('email'), ip: clientIp(await headers(), env().TRUSTED_PROXIES) });
    return { status: 'success', message: FORGOT_PASSWORD_ANSWER };
  } catch (error) {
    return errorToActionState(error);
  }
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await resetPassword(anonymousContext(), formDataToObject(formData));
  } catch (error) {
    return errorToActionState(error);
  }
  // Every session ended with the reset, this browser's included: sign in with the new password.
  redirect('/sign-in?reset=done');
}

export async function verifyEmailAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let joinedOrganizationId: string | null;
  let invitationProblem: string | null;
  try {
    ({ joinedOrganizationId, invitationProblem } = await verifyEmail(anonymousContext(), { token: formData.get('token') }));
  } catch (error) {
    return errorToActionState(error);
  }
  if (invitationProblem) return { status: 'success', message: `Your e-mail address is confirmed. The invitation could not be completed: ${invitationProblem}` };
  if (joinedOrganizationId) {
    (await cookies()).set(ACTIVE_ORG_COOKIE, joinedOrganizationId, { httpOnly: true, sameSite: 'lax', secure: process.env.NODE_ENV === 'production', path: '/' });
  }
  redirect((await getCurrentAccount()) ? '/' : '/sign-in?verified=1');
}

export async function resendVerificationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const account = await getCurrentAccount();
  if (!account) redirect('/sign-in');
  try {
    const { alreadyVerified } = await resendVerification(anonymousContext(), {
      userId: account.id,
      ip: clientIp(await headers(), env().TRUSTED_PROXIES),
      invitationToken: formData.get('invitationToken') ?? undefined,
    });
    return { status: 'success', message: alreadyVerified ? 'Your e-mail address is already confirmed.' : `We sent a new link to ${account.email}.` };
  } catch (error) {
    return errorToActionState(error);
  }
}
