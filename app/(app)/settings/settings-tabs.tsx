import Link from 'next/link';
import { type PermissionSubject, can } from '@/lib/context';
import { smtpConfigured } from '@/lib/mail';

type Tab = 'organization' | 'members' | 'roles' | 'security' | 'retention' | 'audit' | 'account' | 'outbox' | 'notifications' | 'api-keys' | 'api-reference' | 'sso' | 'webhooks';

export function SettingsTabs({ current, canManageOrg, role }: { current: Tab; canManageOrg: boolean; role?: PermissionSubject['role'] }) {
  const subject: PermissionSubject | null = role ? { role } : null;
  const tabs = [
    ...(canManageOrg ? [{ key: 'organization', href: '/settings', label: 'Organization' }] : []),
    ...(subject && can(subject, 'member:read') ? [{ key: 'members', href: '/settings/members', label: 'Members' }] : []),
    { key: 'roles', href: '/settings/roles', label: 'Roles and permissions' },
    ...(subject && can(subject, 'candidate:erase') ? [{ key: 'retention', href: '/settings/retention', label: 'Data retention' }] : []),
    ...(subject && can(subject, 'audit:read') ? [{ key: 'audit', href: '/settings/audit', label: 'Audit log' }] : []),
    ...(subject && can(subject, 'api_key:manage') ? [{ key: 'api-keys', href: '/settings/api-keys', label: 'API keys' }] : []),
    { key: 'api-reference', href: '/settings/api-reference', label: 'API reference' },
    // Without SMTP, mail lands in the development outbox; admins read it here.
    ...(canManageOrg && !smtpConfigured() ? [{ key: 'outbox', href: '/settings/outbox', label: 'Outbox' }] : []),
    ...(canManageOrg ? [{ key: 'sso', href: '/settings/sso', label: 'Single sign-on' }] : []),
    ...(subject && can(subject, 'webhook:manage') ? [{ key: 'webhooks', href: '/settings/webhooks', label: 'Webhooks' }] : []),
    { key: 'notifications', href: '/settings/notifications', label: 'Notifications and time zone' },
    { key: 'security', href: '/settings/security', label: 'Sessions and password' },
    { key: 'account', href: '/settings/account', label: 'Your account' },
  ];
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 overflow-x-auto whitespace-nowrap border-b border-slate-200">
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
