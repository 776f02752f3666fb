import type { Metadata } from 'next';
import { previewPasswordReset } from '@/lib/auth/password-reset';
import { anonymousContext } from '@/lib/auth/session';
import { ResetPasswordForm } from '../../account-forms';
import { TokenUnavailable } from '../../token-unavailable';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await previewPasswordReset(anonymousContext(), token);
  if (state !== 'valid') return <TokenUnavailable state={state} retry={{ href: '/forgot-password', label: 'Ask for a new link' }} />;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      <ResetPasswordForm token={token} />
    </div>
  );
}
