// The redirect URI every organization registers at its OpenID provider. Verifies the provider's
// answer (lib/sso/flow.ts) and starts the ordinary Loopkit session through Auth.js's "sso"
// provider with a one-time ticket; any refusal goes back to the sign-in page with its reason.
import { cookies } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { signIn } from '@/lib/auth';
import { anonymousContext } from '@/lib/auth/session';
import { completeSsoSignIn, SSO_FLOW_COOKIE, SsoSignInError } from '@/lib/sso/flow';
import { SSO_CALLBACK_PATH } from '@/lib/sso/provider';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const jar = await cookies();
  const flowCookie = jar.get(SSO_FLOW_COOKIE)?.value;
  // One attempt per cookie: whatever happens next, it is used up.
  jar.set(SSO_FLOW_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: process.env.NODE_ENV === 'production', path: SSO_CALLBACK_PATH, maxAge: 0 });
  let reason: string;
  try {
    const { ticket, callbackUrl } = await completeSsoSignIn(anonymousContext(), { query: request.nextUrl.searchParams, flowCookie });
    await signIn('sso', { ticket, redirectTo: callbackUrl });
    reason = 'provider'; // signIn redirects (throws) on success
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof SsoSignInError) {
      console.warn('SSO sign-in refused:', error.message);
      reason = error.reason;
    } else {
      console.error('SSO sign-in failed', error);
      reason = 'provider';
    }
  }
  redirect(`/sign-in?sso_error=${reason}`);
}
