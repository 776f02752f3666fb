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
  const readsFeedback = can(ctx, 'scorecard:read_all');
  const reports = [
    { href: '/dashboard/calibration', title: 'Interviewer calibration and reliability', what: 'how lenient each interviewer is and how consistently the panel rates', show: readsFeedback },
    { href: '/dashboard/questions', title: 'Question analytics', what: 'which questions tell candidates apart', show: readsFeedback },
    { href: '/dashboard/validity', title: 'Predictive validity', what: 'how interview scores of hires relate to their post-hire outcomes', show: true },
    { href: '/dashboard/adverse-impact', title: 'Adverse impact', what: 'selection rates by self-identified group (four-fifths rule)', show: can(ctx, 'eeo:read') },
  ];
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
      <h2 className="mt-8 text-sm font-semibold uppercase tracking-wide text-slate-600">Reports</h2>
      <ul className="mt-2 space-y-2 text-sm">
        {reports
          .filter((r) => r.show)
          .map((r) => (
            <li key={r.href}>
              <Link href={r.href} className="font-medium text-brand-700 underline">
                {r.title}
              </Link>{' '}
              <span className="text-slate-600">— {r.what}</span>
            </li>
          ))}
      </ul>
    </>
  );
}
