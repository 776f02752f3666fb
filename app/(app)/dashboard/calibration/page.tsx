import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Badge, Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getCalibration, type ReliabilityRow } from '@/lib/dashboard/calibration';
import { OwedScorecardsError } from '@/lib/scorecards/visibility';
import { requirePageContext } from '../../page-context';
import { OwedScorecardsNotice, unlessOwed } from '../_components/owed-scorecards';

export const metadata: Metadata = { title: 'Calibration' };

const bandTone = { 'not enough data': 'slate', poor: 'red', moderate: 'amber', good: 'green', excellent: 'green' } as const;

function ReliabilityTable({ caption, rows }: { caption: string; rows: ReliabilityRow[] }) {
  return (
    <Card className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="px-4 py-2 text-left font-semibold">{caption}</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            <th scope="col" className="px-4 py-2 text-right">Alpha</th>
            <th scope="col" className="px-4 py-2 text-right">Ratings (n)</th>
            <th scope="col" className="px-4 py-2 text-right">Interviews</th>
            <th scope="col" className="px-4 py-2">Reading</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className="px-4 py-2 text-left font-medium">{r.label}</th>
              <td className="px-4 py-2 text-right tabular-nums">{r.alpha === null ? '—' : r.alpha.toFixed(2)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{r.pairableValues}</td>
              <td className="px-4 py-2 text-right tabular-nums">{r.units}</td>
              <td className="px-4 py-2">
                <Badge tone={bandTone[r.band]}>{r.band}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

export default async function CalibrationPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'dashboard:read') || !can(ctx, 'scorecard:read_all')) return <AccessDenied what="calibration" />;
  const calibration = await unlessOwed(getCalibration(ctx));
  if (calibration instanceof OwedScorecardsError) return <OwedScorecardsNotice page="Calibration" error={calibration} />;
  const { interviewers, bySkill, byKit } = calibration;
  return (
    <>
      <p className="mb-2 flex flex-wrap gap-x-4 text-sm">
        <Link href="/dashboard" className="text-brand-700 hover:underline">
          ← Dashboard
        </Link>
        <Link href="/dashboard/questions" className="text-brand-700 hover:underline">
          Question analytics
        </Link>
      </p>
      <PageHeader
        title="Calibration"
        description="How each interviewer rates compared with the rest of their panels, and how much the ratings agree: Krippendorff’s alpha for ordinal ratings (below .50 poor, .50–.75 moderate, .75–.90 good, above .90 excellent). Too few ratings read as “not enough data”."
      />
      <div className="space-y-6">
        <Card className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="px-4 py-2 text-left font-semibold">Interviewers</caption>
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-4 py-2">Interviewer</th>
                <th scope="col" className="px-4 py-2 text-right">Leniency</th>
                <th scope="col" className="px-4 py-2 text-right">n</th>
                <th scope="col" className="px-4 py-2">Ratings 1 / 2 / 3 / 4</th>
                <th scope="col" className="px-4 py-2 text-right">Scorecards</th>
                <th scope="col" className="px-4 py-2 text-right">Hours to submit</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {interviewers.map((i) => (
                <tr key={i.userId}>
                  <th scope="row" className="px-4 py-2 text-left font-medium">{i.name}</th>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {i.leniency === null ? '—' : `${i.leniency > 0 ? '+' : ''}${i.leniency.toFixed(2)}`}
                    <span className="block text-xs text-slate-600">{i.leniency === null ? '' : i.leniency > 0.25 ? 'lenient' : i.leniency < -0.25 ? 'severe' : 'in line'}</span>
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{i.leniencyN}</td>
                  <td className="px-4 py-2 tabular-nums">
                    {i.distribution['1']} / {i.distribution['2']} / {i.distribution['3']} / {i.distribution['4']}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{i.scorecards}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{i.meanHoursToSubmit === null ? '—' : i.meanHoursToSubmit.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <ReliabilityTable caption="Reliability by skill" rows={bySkill} />
        <ReliabilityTable caption="Reliability by kit" rows={byKit} />
      </div>
    </>
  );
}
