import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '../account-forms';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold">Reset your password</h1>
      <p className="mt-1 text-sm text-slate-600">Enter the address you sign in with, and we will e-mail you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p className="mt-4 text-sm">
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          Back to sign-in
        </Link>
      </p>
    </div>
  );
}
