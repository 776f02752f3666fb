// Settings → Data retention: which candidates the organization's retention period erases now and
// in the next 30 days, so an admin can act (or change the period) before it happens.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { type DueCandidate, getRetentionOverview } from '@/lib/candidates/retention';
import { can } from '@/lib/context';
import { requirePageContext } from '../../page-context';
import { SettingsTabs } from '../settings-tabs';

export const metadata: Metadata = { title: 'Data retention' };

const dateOnly = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

function DueList({ title, rows, empty }: { title: string; rows: DueCandidate[]; empty: string }) {
  return (
    <Card>
      <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold">
        {title} ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-600">{empty}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Candidate</th>
              <th scope="col" className="px-4 py-2 font-medium">Last application closed</th>
              <th scope="col" className="px-4 py-2 font-medium">Erased on</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.candidateId}>
                <td className="px-4 py-2">
                  <Link href={`/candidates/${r.candidateId}`} className="text-brand-700 hover:underline">
                    {r.name}
                  </Link>
                </td>
                <td className="px-4 py-2">{dateOnly.format(r.closedAt)}</td>
                <td className="px-4 py-2">{dateOnly.format(r.dueAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export default async function RetentionPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'candidate:erase')) return <AccessDenied what="data retention" />;
  const overview = await getRetentionOverview(ctx);
  return (
    <>
      <PageHeader title="Settings" description="How long candidates are kept, and who is erased next." />
      <SettingsTabs current="retention" canManageOrg={can(ctx, 'org:manage')} role={ctx.role} />
      {overview.retentionMonths === null ? (
        <EmptyState title="Candidates are kept until erased by hand" action={<Link href="/settings" className="text-sm font-medium text-brand-700 hover:underline">Set a retention period</Link>}>
          No retention period is set, so rejected and withdrawn candidates stay until an admin erases them from their page.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <p className="text-sm text-slate-700">
            Rejected and withdrawn candidates are kept for <strong>{overview.retentionMonths} months</strong> after their last application closed, then their personal
            data is erased; their anonymous ratings stay. Dates are in UTC. <Link href="/settings" className="text-brand-700 hover:underline">Change the period</Link>
          </p>
          <DueList title="Due now" rows={overview.dueNow} empty="Nobody is due for erasure." />
          <DueList title={`Due in the next ${overview.horizonDays} days`} rows={overview.dueSoon} empty={`Nobody is due in the next ${overview.horizonDays} days.`} />
        </div>
      )}
    </>
  );
}
