'use client';
// The organization switcher and the account menu, built on Radix dropdown menus for correct
// keyboard and screen-reader behaviour.
import { DropdownMenu } from 'radix-ui';
import { useTransition } from 'react';
import { signOutAction, signOutEverywhereAction } from '@/app/(auth)/actions';
import { removeAllDrafts } from '../interviews/[interviewId]/local-drafts';
import { switchOrganizationAction } from '../actions';

const menuClass = 'z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg';
const itemClass =
  'flex cursor-pointer select-none items-center justify-between gap-3 rounded px-2.5 py-2 text-sm text-slate-800 outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-800';

export function OrganizationSwitcher({
  organizations,
  activeId,
}: {
  organizations: { id: string; name: string; roleLabel: string }[];
  activeId: string;
}) {
  const [pending, startTransition] = useTransition();
  const active = organizations.find((o) => o.id === activeId);
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className="flex max-w-64 items-center gap-2 rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
      >
        <span className="truncate">
          <span className="sr-only">Organization: </span>
          {pending ? 'Switching…' : active?.name}
        </span>
        <span aria-hidden>▾</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className={menuClass} align="start" sideOffset={6}>
          <DropdownMenu.Label className="px-2.5 py-1.5 text-xs font-medium uppercase tracking-wide text-slate-500">Your organizations</DropdownMenu.Label>
          {organizations.map((org) => (
            <DropdownMenu.Item
              key={org.id}
              className={itemClass}
              onSelect={() => startTransition(() => switchOrganizationAction(org.id))}
            >
              <span className="truncate">
                {org.name}
                {org.id === activeId ? <span className="sr-only"> (current)</span> : null}
              </span>
              <span className="text-xs text-slate-500">{org.roleLabel}</span>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item className={itemClass} asChild>
            <a href="/organizations/new">Create organization</a>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function AccountMenu({ name, email }: { name: string; email: string }) {
  const [, startTransition] = useTransition();
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className="flex items-center gap-2 rounded-full border border-slate-200 bg-white py-1 pl-1 pr-2.5 text-sm text-slate-800 hover:bg-slate-50"
      >
        <span aria-hidden className="flex size-7 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white">
          {initials(name)}
        </span>
        <span className="sr-only">Account menu: </span>
        <span className="sr-only sm:not-sr-only">{name}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className={menuClass} align="end" sideOffset={6}>
          <DropdownMenu.Label className="px-2.5 py-1.5 text-xs text-slate-600">{email}</DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item className={itemClass} asChild>
            <a href="/settings/security">Sessions and password</a>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={itemClass} asChild>
            <a href="/settings/notifications">Notifications and time zone</a>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className={itemClass}
            onSelect={() => {
              removeAllDrafts();
              startTransition(() => signOutAction());
            }}
          >
            Sign out
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className={itemClass}
            onSelect={() => {
              removeAllDrafts();
              startTransition(() => signOutEverywhereAction());
            }}
          >
            Sign out everywhere
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}
