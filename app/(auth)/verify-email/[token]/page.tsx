import type { Metadata } from 'next';
import { anonymousContext } from '@/lib/auth/session';
import { previewEmailVerification } from '@/lib/auth/verification';
import { VerifyEmailForm } from '../../account-forms';
import { TokenUnavailable } from '../../token-unavailable';

export const metadata: Metadata = { title: 'Confirm your e-mail address' };

// Opening the link only shows a button: a GET never writes, and mail scanners that prefetch
// links must not confirm an address (or accept an invitation) on the owner's behalf.
export default async function VerifyEmailTokenPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await previewEmailVerification(anonymousContext(), token);
  if (state !== 'valid') return <TokenUnavailable state={state} retry={{ href: '/verify-email', label: 'Send a new link' }} />;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold">Confirm your e-mail address</h1>
      <p className="mt-1 text-sm text-slate-600">One click confirms that this address belongs to your Loopkit account.</p>
      <VerifyEmailForm token={token} />
    </div>
  );
}
