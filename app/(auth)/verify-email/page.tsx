import type { Metadata } from 'next';
import Link from 'next/link';
import { anonymousContext, getCurrentAccount } from '@/lib/auth/session';
import { isEmailVerified } from '@/lib/auth/verification';
import { ResendVerificationForm } from '../account-forms';

export const metadata: Metadata = { title: 'Check your e-mail' };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const account = await getCurrentAccount();
  const verified = account ? await isEmailVerified(anonymousContext().db, account.id) : false;
  const fromInvitation = params.from === 'invitation';
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold">{verified ? 'Your e-mail address is confirmed' : 'Check your e-mail'}</h1>
      {!account ? (
        <p className="mt-2 text-sm text-slate-600">
          <Link href="/sign-in?callbackUrl=%2Fverify-email" className="font-medium text-brand-700 underline">
            Sign in
          </Link>{' '}
          to send a new confirmation link.
        </p>
      ) : verified ? (
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
          Continue to Loopkit
        </Link>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-600">
            We sent a link to <strong>{account.email}</strong>. Open it to confirm your address
            {fromInvitation ? ' and join the organization that invited you' : ''}. The link works once, within 24 hours.
          </p>
          <ResendVerificationForm />
        </>
      )}
    </div>
  );
}
