// Predictive validity (dashboard:read): for hires with a post-hire outcome at one checkpoint, how
// their interview scores relate to it — per opening, kit, skill, question and interviewer — as
// Pearson's r with n and a 95 % interval (Fisher's z), read in plain words, with "not enough data"
// below the stated minimum. Aggregates only, no candidate. For one opening, the skill weights the
// data support beside the current ones; nothing changes until someone accepts them.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { CHECKPOINT_ADJECTIVES, CHECKPOINT_LABELS, OUTCOME_CHECKPOINTS, type OutcomeCheckpoint } from '@/lib/outcomes/schemas';
import { getValidityReport, listValidityOpenings, suggestionFingerprint, type ValidityDimension, type ValidityReport, type ValidityRow } from '@/lib/validity/report';
import { MIN_VALIDITY_N, suggestionChangesWeights } from '@/lib/validity/statistics';
import { orNotFound, requirePageContext } from '../../page-context';
import { AcceptWeightsForm } from './accept-weights-form';

export const metadata: Metadata = { title: 'Predictive validity' };

const DIMENSIONS: { key: ValidityDimension; title: string; x: string; y: string }[] = [
  { key: 'opening', title: 'Openings', x: 'composite score', y: 'overall outcome' },
  { key: 'kit', title: 'Kits', x: 'mean rating in the kit’s interviews', y: 'overall outcome' },
  { key: 'skill', title: 'Skills', x: 'skill score', y: 'overall outcome' },
  { key: 'skill_outcome', title: 'Skills, rated again after hire', x: 'skill score', y: 'the same skill’s outcome rating' },
  { key: 'question', title: 'Questions', x: 'question rating', y: 'overall outcome' },
  { key: 'interviewer', title: 'Interviewers', x: 'their ratings of the hire', y: 'overall outcome' },
];

const fixed = (x: number) => (x < 0 ? `−${Math.abs(x).toFixed(2)}` : x.toFixed(2));

function ValidityTable({ caption, rows }: { caption: string; rows: ValidityRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="px-4 py-2 text-left font-medium">{caption}</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            <th scope="col" className="px-4 py-2 text-right">Hires (n)</th>
            <th scope="col" className="px-4 py-2 text-right">r</th>
            <th scope="col" className="px-4 py-2 text-right">95 % interval</th>
            <th scope="col" className="px-4 py-2">Reading</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="px-4 py-2 text-left font-medium">{row.label}</th>
              <td className="px-4 py-2 text-right tabular-nums">{row.result.n}</td>
              {row.result.status === 'ok' ? (
                <>
                  <td className="px-4 py-2 text-right tabular-nums">{fixed(row.result.r)}</td>
                  <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">
                    {fixed(row.result.lower)} to {fixed(row.result.upper)}
                  </td>
                  <td className="px-4 py-2">{row.result.reading}</td>
                </>
              ) : (
                <td colSpan={3} className="px-4 py-2 text-slate-700">
                  {row.result.status === 'not_enough_data' ? (
                    <Badge>not enough data</Badge>
                  ) : (
                    <span>No variation: every hire here has the same score or the same outcome, so there is nothing to correlate.</span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RangeRestriction({ report }: { report: ValidityReport }) {
  const { applicantsSd, hiresSd, applicants, hires } = report.rangeRestriction;
  const spread =
    applicantsSd !== null && hiresSd !== null
      ? ` Here the composite’s standard deviation is ${hiresSd.toFixed(2)} among the ${hires} hires with an outcome and ${applicantsSd.toFixed(2)} among all ${applicants} scored candidates.`
      : '';
  return (
    <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800">
      <strong>Range restriction:</strong> only hired candidates have outcomes, and they are the ones who scored well, so the scores compared here span a
      narrower range than the candidates interviewed. That makes every correlation smaller than the interview’s real validity across all
      candidates — a low r is weak evidence against an interview, and a high one is likely an underestimate.{spread}
    </p>
  );
}

export default async function ValidityPage({ searchParams }: { searchParams: Promise<{ opening?: string; checkpoint?: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'dashboard:read')) return <AccessDenied what="the predictive-validity report" />;
  const params = await searchParams;
  const openingId = typeof params.opening === 'string' && params.opening ? params.opening : undefined;
  const checkpoint: OutcomeCheckpoint = OUTCOME_CHECKPOINTS.find((c) => c === params.checkpoint) ?? '90_days';
  const [openings, report] = await Promise.all([listValidityOpenings(ctx), orNotFound(getValidityReport(ctx, { openingId, checkpoint }))]);
  const label = CHECKPOINT_LABELS[checkpoint];
  const adjective = CHECKPOINT_ADJECTIVES[checkpoint];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard" className="text-brand-700 hover:underline">
          ← Dashboard
        </Link>
      </p>
      <PageHeader
        title="Predictive validity"
        description={`Do interview scores predict how hires do? For hires with a post-hire outcome, Pearson’s correlation r between their interview scores and their outcome ratings, with the number of hires (n) and a 95 % confidence interval by Fisher’s z transformation. Below ${MIN_VALIDITY_N} hires a figure is not shown: “not enough data”.`}
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium">
          Opening
          <select name="opening" defaultValue={openingId ?? ''} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="">All openings</option>
            {openings.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Checkpoint
          <select name="checkpoint" defaultValue={checkpoint} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            {OUTCOME_CHECKPOINTS.map((c) => (
              <option key={c} value={c}>
                {CHECKPOINT_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium">
          Show
        </button>
      </form>
      <div className="space-y-8">
        <p className="text-sm text-slate-700">
          {report.opening ? report.opening.title : 'All openings'}: {report.hiresWithOutcome} {report.hiresWithOutcome === 1 ? 'hire' : 'hires'} with a {adjective}{' '}
          outcome. Only submitted scorecards count, as on the comparison grid.
        </p>
        <RangeRestriction report={report} />
        {report.hiresWithOutcome === 0 ? (
          <EmptyState title={`No ${adjective} outcomes yet`}>
            Hiring managers record outcomes on a hire’s debrief page once the checkpoint is near; Loopkit reminds them when it is due.
          </EmptyState>
        ) : (
          DIMENSIONS.map((d) =>
            report.rows[d.key].length ? (
              <section key={d.key} aria-labelledby={`validity-${d.key}`}>
                <h2 id={`validity-${d.key}`} className="mb-2 text-lg font-semibold">
                  {d.title}
                </h2>
                <Card>
                  <ValidityTable caption={`${d.title}: ${d.x} vs ${d.y}, ${label}`} rows={report.rows[d.key]} />
                </Card>
              </section>
            ) : null,
          )
        )}
        {report.opening && report.suggestion?.length ? (
          <section aria-labelledby="suggested-weights">
            <h2 id="suggested-weights" className="mb-1 text-lg font-semibold">
              Suggested skill weights
            </h2>
            <p className="mb-2 text-sm text-slate-700">
              Each skill with enough data gets a share of the weight those skills hold now, in proportion to the lower end of its interval against
              the overall outcome (floored at zero); skills the data do not support drop to the minimum of 1, and skills without enough data keep
              their weight. Nothing changes until you accept.
            </p>
            <Card>
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <caption className="px-4 py-2 text-left font-medium">Weights of {report.opening.title}: current and suggested</caption>
                  <thead className="bg-slate-50 text-left">
                    <tr>
                      <th scope="col" className="px-4 py-2">Skill</th>
                      <th scope="col" className="px-4 py-2 text-right">Current</th>
                      <th scope="col" className="px-4 py-2 text-right">Suggested</th>
                      <th scope="col" className="px-4 py-2">Basis</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200">
                    {report.suggestion.map((w) => (
                      <tr key={w.skillId}>
                        <th scope="row" className="px-4 py-2 text-left font-medium">{w.name}</th>
                        <td className="px-4 py-2 text-right tabular-nums">{w.current}</td>
                        <td className="px-4 py-2 text-right tabular-nums">{w.weight}</td>
                        <td className="px-4 py-2">{w.basis === 'validity' ? 'validity against the overall outcome' : 'kept: not enough data'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
            <div className="mt-3">
              {!suggestionChangesWeights(report.suggestion) ? (
                <p className="text-sm text-slate-700">The data do not support a change to the current weights.</p>
              ) : can(ctx, 'opening:write') ? (
                <AcceptWeightsForm openingId={report.opening.id} checkpoint={checkpoint} revision={report.opening.revision} shown={suggestionFingerprint(report.suggestion).join(',')} />
              ) : (
                <p className="text-sm text-slate-700">Someone who may edit openings can accept these weights.</p>
              )}
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
