import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getRequestContext } from '@/lib/auth/session';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { can } from '@/lib/context';
import { getHeaderNotificationState } from '@/lib/notifications/queries';
import { TRAINEE_PERMISSION } from '@/lib/training/queries';
import { BrowserTimeZoneReporter } from './_components/browser-time-zone';
import { AccountMenu, OrganizationSwitcher } from './_components/menus';
import { NotificationBell } from './_components/notification-bell';
import { type NavItem, PrimaryNav } from './_components/nav';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const request = await getRequestContext();
  if (!request) redirect('/sign-in');
  const { account, ctx, organizations } = request;
  const header = ctx ? await getHeaderNotificationState(ctx) : null;

  const nav: NavItem[] = [];
  if (ctx) {
    nav.push({ href: '/', label: 'Home' });
    if (can(ctx, 'question:read')) nav.push({ href: '/questions', label: 'Questions' });
    if (can(ctx, 'kit:read')) nav.push({ href: '/kits', label: 'Kits' });
    if (can(ctx, 'opening:read')) nav.push({ href: '/openings', label: 'Openings' });
    if (can(ctx, 'candidate:read')) nav.push({ href: '/candidates', label: 'Candidates' });
    nav.push({ href: '/interviews', label: 'Interviews' });
    if (can(ctx, 'interview:read_all')) nav.push({ href: '/loop', label: 'Loop' });
    if (can(ctx, 'dashboard:read')) nav.push({ href: '/dashboard', label: 'Dashboard' });
    if (can(ctx, TRAINEE_PERMISSION) || can(ctx, 'training:manage')) nav.push({ href: '/training', label: 'Training' });
    if (can(ctx, 'member:read') || can(ctx, 'org:manage')) nav.push({ href: '/settings', label: 'Settings' });
  }

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
            <svg aria-hidden viewBox="0 0 32 32" className="size-7">
              <rect width="32" height="32" rx="8" fill="#2f5bd3" />
              <path d="M9 16a7 7 0 1 0 7-7" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
              <circle cx="16" cy="9" r="2.5" fill="#fff" />
            </svg>
            <span>Loopkit</span>
          </Link>
          {ctx ? (
            <OrganizationSwitcher
              activeId={ctx.organizationId}
              organizations={organizations.map((o) => ({ id: o.id, name: o.name, roleLabel: ROLE_LABELS[o.role] }))}
            />
          ) : null}
          <div className="ml-auto flex items-center gap-2">
            {header ? <NotificationBell unread={header.unread} /> : null}
            <AccountMenu name={account.name ?? account.email} email={account.email} />
          </div>
        </div>
        {nav.length ? <div className="mx-auto max-w-7xl px-4 pb-2 sm:px-6"><PrimaryNav items={nav} /></div> : null}
      </header>
      {header && !header.hasTimeZone ? <BrowserTimeZoneReporter /> : null}
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
