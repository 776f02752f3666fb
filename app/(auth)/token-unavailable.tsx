import Link from 'next/link';
import type { TokenState } from '@/lib/auth/user-tokens';
import { TOKEN_STATE_MESSAGES } from '@/lib/auth/user-tokens';

/** The page for an expired, used or unknown one-time link, with the way to get a new one. */
export function TokenUnavailable({ state, retry }: { state: Exclude<TokenState, 'valid'>; retry: { href: string; label: string } }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold">Link unavailable</h1>
      <p className="mt-2 text-sm text-slate-600">{TOKEN_STATE_MESSAGES[state]}</p>
      <Link href={retry.href} className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
        {retry.label}
      </Link>
    </div>
  );
}
