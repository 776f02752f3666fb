'use client';
// Primary navigation. Links a role cannot use are not shown; the pages check again on the server.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  label: string;
}

export function PrimaryNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    // On a phone the links scroll sideways: the right edge fades out so it is plain there is more.
    <nav aria-label="Main" className="-mx-1 flex gap-1 overflow-x-auto [mask-image:linear-gradient(to_right,#000_80%,transparent)] pr-6 md:[mask-image:none] md:pr-0">
      {items.map((item) => {
        const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${
              active ? 'bg-brand-50 text-brand-800' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
