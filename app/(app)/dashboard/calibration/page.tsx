import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Badge, Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getCalibration, type ReliabilityRow } from '@/lib/dashboard/calibration';
import { MIN_CANDIDATES, MIN_RATERS } from '@/lib/dashboard/krippendorff';
import { LENIENCY_MARGIN, MIN_LENIENCY_RATINGS } from '@/lib/dashboard/leniency';
import { OwedScorecardsError } from '@/lib/scorecards/visibility';
import { requirePageContext } from '../../page-context';
import { OwedScorecardsNotice, unlessOwed } from '../_components/owed-scorecards';

export const metadata: Metadata = { title: 'Calibration' };

const verdictTone = { 'not enough data': 'slate', unreliable: 'red', tentative: 'amber', reliable: 'green' } as const;
const leniencyTone = { 'not enough data': 'slate', unclear: 'slate', 'in line': 'green', lenient: 'amber', severe: 'amber' } as const;

function ReliabilityTable({ caption, rows }: { caption: string; rows: ReliabilityRow[] }) {
  return (
    <Card className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="px-4 py-2 text-left font-semibold">{caption}</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            <th scope="col" className="px-4 py-2 text-right">Alpha</th>
            <th scope="col" className="px-4 py-2 text-right">95% interval</th>
            <th scope="col" className="px-4 py-2 text-right">Candidates</th>
            <th scope="col" className="px-4 py-2 text-right">Interviewers</th>
            <th scope="col" className="px-4 py-2 text-right" title="One candidate's skill, rated by two or more interviewers">
              Skill ratings compared
            </th>
            <th scope="col" className="px-4 py-2">Reading</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.length === 0 && (
            <tr>
              <td colSpan={7} className="px-4 py-6 text-center text-slate-600">
                Nothing to compare yet: reliability needs candidates rated on the same skill by two or more interviewers.
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className="px-4 py-2 text-left font-medium">{r.label}</th>
              <td className="px-4 py-2 text-right tabular-nums">{r.alpha === null ? '—' : r.alpha.toFixed(2)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{r.interval ? `${r.interval.low.toFixed(2)} to ${r.interval.high.toFixed(2)}` : '—'}</td>
              <td className="px-4 py-2 text-right tabular-nums">{r.candidates}</td>
              <td className="px-4 py-2 text-right tabular-nums">{r.raters}</td>
              <td className="px-4 py-2 text-right tabular-nums">{r.units}</td>
              <td className="min-w-64 px-4 py-2">
                <Badge tone={verdictTone[r.verdict]}>{r.verdict}</Badge>
                <span className="mt-1 block text-xs text-slate-600">{r.summary}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function signed(x: number): string {
  return `${x > 0 ? '+' : ''}${x.toFixed(2)}`;
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
        description={`How each interviewer rates compared with the rest of their panels, and how much the ratings agree: Krippendorff’s alpha for ordinal ratings, read with Krippendorff’s own thresholds — rely on it from .800, tentative conclusions from .667, below that not reliable. Intervals are 95% bootstrap intervals over candidates. Without ${MIN_CANDIDATES} candidates rated by two or more interviewers and ${MIN_RATERS} different interviewers, a row reads “not enough data”.`}
      />
      <div className="space-y-6">
        <Card className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="px-4 py-2 text-left">
              <span className="font-semibold">Interviewers</span>
              <span className="block text-xs font-normal text-slate-600">
                Leniency is the mean difference from the other panelists’ ratings of the same candidate and skill, with its 95% interval. It
                gets a verdict from {MIN_LENIENCY_RATINGS} shared ratings, and only when the interval clears ±{LENIENCY_MARGIN}.
              </span>
            </caption>
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-4 py-2">Interviewer</th>
                <th scope="col" className="px-4 py-2 text-right">Leniency</th>
                <th scope="col" className="px-4 py-2 text-right" title="Ratings given where another interviewer rated the same candidate and skill">
                  Shared ratings
                </th>
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
                    {i.leniency === null ? '—' : signed(i.leniency)}
                    {i.leniencyInterval && (
                      <span className="block text-xs text-slate-600">
                        {signed(i.leniencyInterval.low)} to {signed(i.leniencyInterval.high)}
                      </span>
                    )}
                    <Badge tone={leniencyTone[i.leniencyVerdict]}>{i.leniencyVerdict}</Badge>
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
