// Settings → Audit log: who changed what and when in this organization, newest first, filtered by
// member, entity and dates (a GET form, so every view is a shareable URL), a page at a time.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { listAuditEvents, listAuditFilterOptions } from '@/lib/audit-log';
import { can } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { requirePageContext } from '../../page-context';
import { SettingsTabs } from '../settings-tabs';
import { LocalTime, TimeZoneInput } from './local-time';

export const metadata: Metadata = { title: 'Audit log' };

type Search = Record<string, string | string[] | undefined>;
const FILTER_KEYS = ['actorUserId', 'entityType', 'entityId', 'from', 'to', 'timeZone'] as const;

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function describe(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}

const inputClass = 'block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm';

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'audit:read')) return <AccessDenied what="the audit log" />;
  const search = await searchParams;
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, one(search[k])]));
  const [options, result] = await Promise.all([
    listAuditFilterOptions(ctx),
    listAuditEvents(ctx, { ...filters, cursor: one(search.cursor) }).catch((error: unknown) => {
      if (error instanceof ValidationError) return error;
      throw error;
    }),
  ]);
  const nextHref = (cursor: string) => {
    const params = new URLSearchParams();
    for (const k of FILTER_KEYS) if (filters[k]) params.set(k, filters[k]);
    params.set('cursor', cursor);
    return `/settings/audit?${params}`;
  };
  const filtered = FILTER_KEYS.some((k) => k !== 'timeZone' && filters[k]);
  return (
    <>
      <PageHeader title="Settings" description="Who changed what, and when. The log keeps ids, field names and counts — never personal values." />
      <SettingsTabs current="audit" canManageOrg={can(ctx, 'org:manage')} role={ctx.role} />
      <form method="get" className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter the audit log">
        <TimeZoneInput />
        <div>
          <label htmlFor="actorUserId" className="block text-sm font-medium text-slate-800">Member</label>
          <select id="actorUserId" name="actorUserId" defaultValue={filters.actorUserId ?? ''} className={inputClass}>
            <option value="">Anyone</option>
            {options.actors.map((a) => (
              <option key={a.id} value={a.id}>{a.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entityType" className="block text-sm font-medium text-slate-800">Entity type</label>
          <select id="entityType" name="entityType" defaultValue={filters.entityType ?? ''} className={inputClass}>
            <option value="">Any</option>
            {options.entityTypes.map((t) => (
              <option key={t} value={t}>{t.replace(/_/g, ' ')}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entityId" className="block text-sm font-medium text-slate-800">Entity id</label>
          <input id="entityId" name="entityId" defaultValue={filters.entityId ?? ''} className={inputClass} />
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-medium text-slate-800">From</label>
          <input id="from" name="from" type="date" defaultValue={filters.from ?? ''} className={inputClass} />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium text-slate-800">To</label>
          <input id="to" name="to" type="date" defaultValue={filters.to ?? ''} className={inputClass} />
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white">Filter</button>
          {filtered ? <Link href="/settings/audit" className="py-2 text-sm text-brand-700 hover:underline">Clear</Link> : null}
        </div>
      </form>
      {result instanceof ValidationError ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {Object.entries(result.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ')}
        </div>
      ) : result.entries.length === 0 ? (
        <EmptyState title={filtered ? 'No events match these filters' : 'Nothing recorded yet'}>
          {filtered ? 'Try a wider date range or another member.' : 'Changes to candidates, openings, kits, interviews and members appear here.'}
        </EmptyState>
      ) : (
        <Card>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit events, newest first</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">When</th>
                <th scope="col" className="px-4 py-2 font-medium">Who</th>
                <th scope="col" className="px-4 py-2 font-medium">What</th>
                <th scope="col" className="px-4 py-2 font-medium">Entity</th>
                <th scope="col" className="px-4 py-2 font-medium">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.entries.map((e) => (
                <tr key={e.id} className="align-top">
                  <td className="whitespace-nowrap px-4 py-2"><LocalTime iso={e.at.toISOString()} /></td>
                  <td className="px-4 py-2">{e.actor ? e.actor.name : <span className="text-slate-600">System</span>}</td>
                  <td className="px-4 py-2">{e.label}</td>
                  <td className="px-4 py-2">
                    {e.entityId ? (
                      <Link href={`/settings/audit?entityType=${encodeURIComponent(e.entityType)}&entityId=${encodeURIComponent(e.entityId)}`} className="text-brand-700 hover:underline">
                        {e.entityType.replace(/_/g, ' ')} {e.entityId.slice(0, 8)}
                      </Link>
                    ) : (
                      e.entityType.replace(/_/g, ' ')
                    )}
                  </td>
                  <td className="break-all px-4 py-2 text-slate-600">{describe(e.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.nextCursor ? (
            <p className="border-t border-slate-200 px-4 py-3 text-sm">
              <Link href={nextHref(result.nextCursor)} className="font-medium text-brand-700 hover:underline">Older events</Link>
            </p>
          ) : null}
        </Card>
      )}
    </>
  );
}
