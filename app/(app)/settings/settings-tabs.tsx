import Link from 'next/link';
import { smtpConfigured } from '@/lib/mail';

export function SettingsTabs({ current, canManageOrg }: { current: 'organization' | 'members' | 'roles' | 'outbox'; canManageOrg: boolean }) {
  const tabs = [
    ...(canManageOrg ? [{ key: 'organization', href: '/settings', label: 'Organization' }] : []),
    { key: 'members', href: '/settings/members', label: 'Members' },
    { key: 'roles', href: '/settings/roles', label: 'Roles and permissions' },
    // Without SMTP, mail lands in the development outbox; admins read it here.
    ...(canManageOrg && !smtpConfigured() ? [{ key: 'outbox', href: '/settings/outbox', label: 'Outbox' }] : []),
  ];
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
            tab.key === current ? 'border-brand-600 text-brand-800' : 'border-transparent text-slate-600 hover:text-slate-900'
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
