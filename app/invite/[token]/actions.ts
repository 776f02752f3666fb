'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth';
import { ACTIVE_ORG_COOKIE, anonymousContext, getCurrentAccount } from '@/lib/auth/session';
import { type ActionState, errorToActionState } from '@/lib/http';
import { acceptInvitation, acceptInvitationWithSignUp } from '@/lib/orgs/invitations';
import { formDataToObject } from '@/lib/validation';

const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: process.env.NODE_ENV === 'production', path: '/' };

export async function acceptInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const account = await getCurrentAccount();
  if (!account) redirect('/sign-in');
  let organizationId: string;
  try {
    ({ organizationId } = await acceptInvitation(anonymousContext(), { token: formData.get('token'), userId: account.id, userEmail: account.email }));
  } catch (error) {
    return errorToActionState(error);
  }
  (await cookies()).set(ACTIVE_ORG_COOKIE, organizationId, cookieOptions);
  redirect('/');
}

export async function acceptWithSignUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formDataToObject(formData);
  try {
    // The account is created unverified; the link in the verification e-mail completes the join.
    const { user } = await acceptInvitationWithSignUp(anonymousContext(), raw);
    await signIn('credentials', { email: user.email, password: raw.password, redirectTo: '/verify-email?from=invitation' });
    return { status: 'success' };
  } catch (error) {
    return errorToActionState(error);
  }
}
