import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentAccount } from '@/lib/auth/session';
import { oauthProviders } from '@/lib/auth';
import { safeCallbackUrl } from '@/lib/urls';
import { SSO_FAILURE_MESSAGES, type SsoFailure } from '@/lib/sso/flow';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentAccount()) redirect(callbackUrl);
  const providers = oauthProviders();
  const ssoError = typeof params.sso_error === 'string' && params.sso_error in SSO_FAILURE_MESSAGES ? SSO_FAILURE_MESSAGES[params.sso_error as SsoFailure] : null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold">Sign in to Loopkit</h1>
      <p className="mt-1 text-sm text-slate-600">
        New here?{' '}
        <Link href="/sign-up" className="font-medium text-brand-700 underline">
          Create an account
        </Link>
      </p>
      {ssoError ? (
        <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          Single sign-on failed. {ssoError}
        </p>
      ) : null}
      {params.signedOut === 'everywhere' ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          You have been signed out on every device.
        </p>
      ) : null}
      {params.reset === 'done' ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Your password was changed and every device was signed out. Sign in with the new password.
        </p>
      ) : null}
      {params.verified === '1' ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Your e-mail address is confirmed. Sign in to continue.
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} github={providers.github} google={providers.google} />
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline">
          Forgot your password?
        </Link>
      </p>
    </div>
  );
}
