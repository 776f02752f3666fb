import type { Metadata } from 'next';
import { AccessDenied, ComingSoon } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { requirePageContext } from '../page-context';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'dashboard:read')) return <AccessDenied what="the dashboard" />;
  return (
    <ComingSoon
      title="Dashboard"
      description="Compare candidates on evidence and see how far that evidence can be trusted."
      bullets={[
        'Candidates × skills heatmap with raters and spread, weighted composite and coverage',
        'Disagreement flags where raters differ by two points or more',
        'Interviewer calibration and inter-rater reliability (Krippendorff’s alpha)',
      ]}
    />
  );
}
