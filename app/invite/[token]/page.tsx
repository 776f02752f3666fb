import type { Metadata } from 'next';
import Link from 'next/link';
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';
import { anonymousContext, getCurrentAccount } from '@/lib/auth/session';
import { isEmailVerified, UNVERIFIED_INVITATION_MESSAGE } from '@/lib/auth/verification';
import { previewInvitation } from '@/lib/orgs/invitations';
import { ResendVerificationForm } from '../../(auth)/account-forms';
import AuthLayout from '../../(auth)/layout';
import { AcceptAsMemberForm, AcceptWithSignUpForm } from './accept-forms';

export const metadata: Metadata = { title: 'Invitation' };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [preview, account] = await Promise.all([previewInvitation(anonymousContext(), token), getCurrentAccount()]);

  if (preview.state !== 'valid') {
    const text = {
      invalid: 'This invitation link is not valid. It may have been revoked, or the link was copied incompletely.',
      expired: 'This invitation has expired. Ask the person who invited you for a new link.',
      used: 'This invitation has already been used. Sign in to continue.',
    }[preview.state];
    return (
      <AuthLayout>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-xl font-semibold">Invitation unavailable</h1>
          <p className="mt-2 text-sm text-slate-600">{text}</p>
          <Link href="/sign-in" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
            Go to sign-in
          </Link>
        </div>
      </AuthLayout>
    );
  }

  const roleLabel = ROLE_LABELS[preview.role as Role];
  const verified = account ? await isEmailVerified(anonymousContext().db, account.id) : false;
  return (
    <AuthLayout>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold">Join {preview.organizationName}</h1>
        <p className="mt-1 text-sm text-slate-600">
          You have been invited as <strong>{roleLabel}</strong> ({preview.email}).
        </p>
        {account ? (
          account.email.toLowerCase() !== preview.email.toLowerCase() ? (
            <p role="alert" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              You are signed in as {account.email}. This invitation is for {preview.email}: sign out and sign in with that address to accept it.
            </p>
          ) : verified ? (
            <AcceptAsMemberForm token={token} organizationName={preview.organizationName} />
          ) : (
            <div className="mt-4">
              <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {UNVERIFIED_INVITATION_MESSAGE}
              </p>
              <ResendVerificationForm invitationToken={token} />
            </div>
          )
        ) : preview.accountExists ? (
          <p className="mt-4 text-sm">
            You already have a Loopkit account.{' '}
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-brand-700 underline">
              Sign in to accept
            </Link>
          </p>
        ) : (
          <AcceptWithSignUpForm token={token} email={preview.email} />
        )}
      </div>
    </AuthLayout>
  );
}
