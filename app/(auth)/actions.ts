'use server';
// Thin adapters for sign-in, sign-up and sign-out: parse the form, call lib/, map errors.
import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signUp } from '@/lib/auth/accounts';
import { signIn, signOut } from '@/lib/auth';
import { LOCKED_MESSAGE, INVALID_CREDENTIALS_MESSAGE, signOutEverywhere } from '@/lib/auth/accounts';
import { SignInInput } from '@/lib/auth/schemas';
import { ACTIVE_ORG_COOKIE, anonymousContext, getAccountContext, getCurrentAccount } from '@/lib/auth/session';
import { endSessionOnSignOut } from '@/lib/auth/sessions';
import { type ActionState, errorToActionState } from '@/lib/http';
import { formDataToObject, parseInput } from '@/lib/validation';
import { safeCallbackUrl } from '@/lib/urls';
import { SSO_FLOW_COOKIE, SSO_FLOW_MAX_AGE_SECONDS, startSsoSignIn } from '@/lib/sso/flow';
import { SSO_CALLBACK_PATH } from '@/lib/sso/provider';
import { SSO_REQUIRED_MESSAGE } from '@/lib/sso/schemas';

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formDataToObject(formData);
  try {
    const input = parseInput(SignInInput, raw);
    await signIn('credentials', { email: input.email, password: input.password, redirectTo: safeCallbackUrl(raw.callbackUrl) });
    return { status: 'success' };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === 'sso_required') return { status: 'error', message: SSO_REQUIRED_MESSAGE };
      return { status: 'error', message: code === 'locked' ? LOCKED_MESSAGE : INVALID_CREDENTIALS_MESSAGE };
    }
    return errorToActionState(error);
  }
}

/** "Continue with single sign-on": the work e-mail picks the organization's provider; off we go. */
export async function startSsoAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formDataToObject(formData);
  let authorizationUrl: string;
  try {
    const started = await startSsoSignIn(anonymousContext(), { email: raw.email, callbackUrl: raw.callbackUrl });
    authorizationUrl = started.authorizationUrl;
    // SameSite=Lax: the provider sends the browser back with a top-level GET, which carries it.
    (await cookies()).set(SSO_FLOW_COOKIE, started.flowCookie, {
      httpOnly: true,
      sameSite: 'lax',
      secure: process.env.NODE_ENV === 'production',
      path: SSO_CALLBACK_PATH,
      maxAge: SSO_FLOW_MAX_AGE_SECONDS,
    });
  } catch (error) {
    return errorToActionState(error);
  }
  redirect(authorizationUrl);
}

export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formDataToObject(formData);
  try {
    const { organizationId } = await signUp(anonymousContext(), raw);
    (await cookies()).set(ACTIVE_ORG_COOKIE, organizationId, { httpOnly: true, sameSite: 'lax', secure: process.env.NODE_ENV === 'production', path: '/' });
    await signIn('credentials', { email: raw.email, password: raw.password, redirectTo: '/' });
    return { status: 'success' };
  } catch (error) {
    return errorToActionState(error);
  }
}

export async function signOutAction(): Promise<void> {
  // Auth.js's signOut event revokes the session too; doing it here first keeps sign-out
  // independent of how Auth.js decodes the cookie (the second revocation is a no-op).
  const account = await getAccountContext();
  if (account) await endSessionOnSignOut(account.db, { uid: account.userId, sid: account.sessionId });
  await signOut({ redirectTo: '/sign-in' });
}

export async function signOutEverywhereAction(): Promise<void> {
  const account = await getCurrentAccount();
  if (account) await signOutEverywhere(anonymousContext(), account.id);
  await signOut({ redirectTo: '/sign-in?signedOut=everywhere' });
}
