import Link from 'next/link';
import type { ReactNode } from 'react';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 flex items-center gap-2 text-xl font-semibold text-slate-900">
        <svg aria-hidden viewBox="0 0 32 32" className="size-8">
          <rect width="32" height="32" rx="8" fill="#2f5bd3" />
          <path d="M9 16a7 7 0 1 0 7-7" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
          <circle cx="16" cy="9" r="2.5" fill="#fff" />
        </svg>
        Loopkit
      </Link>
      <main className="w-full max-w-md">{children}</main>
    </div>
  );
}
