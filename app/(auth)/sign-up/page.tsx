import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentAccount } from '@/lib/auth/session';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage() {
  if (await getCurrentAccount()) redirect('/');
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold">Create your Loopkit account</h1>
      <p className="mt-1 text-sm text-slate-600">
        You will be the admin of a new organization for your hiring team. Already have an account?{' '}
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
      <SignUpForm />
    </div>
  );
}
