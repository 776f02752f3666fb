import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { listOpenings } from '@/lib/openings/queries';
import { LEVEL_LABELS } from '@/lib/questions/schemas';
import { requirePageContext } from '../page-context';
import { plural } from '@/lib/text';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'dashboard:read')) return <AccessDenied what="the dashboard" />;
  const openings = await listOpenings(ctx);
  return (
    <>
      <PageHeader title="Dashboard" description="Compare candidates on evidence: per-skill scores with their raters and spread, and the weighted composite with its coverage." />
      {openings.length === 0 ? (
        <EmptyState title="No openings yet">Create an opening and collect feedback to compare candidates.</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200">
            {openings.map((o) => (
              <li key={o.id} className="flex items-center justify-between px-4 py-3 text-sm">
                <Link href={`/dashboard/${o.id}`} className="font-medium text-brand-700 hover:underline">
                  {o.title}
                </Link>
                <span className="text-slate-600">
                  {LEVEL_LABELS[o.level]} · {plural(o.applications, 'candidate')}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {can(ctx, 'scorecard:read_all') ? (
        <ul className="mt-6 space-y-1 text-sm">
          <li>
            <Link href="/dashboard/calibration" className="font-medium text-brand-700 underline">
              Interviewer calibration and reliability
            </Link>
          </li>
          <li>
            <Link href="/dashboard/questions" className="font-medium text-brand-700 underline">
              Question analytics
            </Link>{' '}
            <span className="text-slate-600">— which questions tell candidates apart</span>
          </li>
        </ul>
      ) : null}
      <p className="mt-3 text-sm">
        <Link href="/dashboard/validity" className="font-medium text-brand-700 underline">
          Predictive validity
        </Link>{' '}
        <span className="text-slate-600">— how interview scores of hires relate to their post-hire outcomes</span>
      </p>
      {can(ctx, 'eeo:read') ? (
        <p className="mt-3 text-sm">
          <Link href="/dashboard/adverse-impact" className="font-medium text-brand-700 underline">
            Adverse impact
          </Link>{' '}
          <span className="text-slate-600">— selection rates by self-identified group (four-fifths rule)</span>
        </p>
      ) : null}
    </>
  );
}
