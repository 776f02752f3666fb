// The adverse-impact report (eeo:read only): per opening and selection step, selection rates by
// self-identified group, impact ratios against the highest-rate group with Fisher's exact p, and
// the share of each group above the opening's median composite. Aggregates only — no names.
// Every view is audited (lib/fairness/report.ts).
import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { type DimensionComparison, getAdverseImpactReport, listAdverseImpactOpenings } from '@/lib/fairness/report';
import { FOUR_FIFTHS_THRESHOLD, MIN_GROUP_SIZE, SIGNIFICANCE_LEVEL } from '@/lib/fairness/statistics';
import { orNotFound, requirePageContext } from '../../page-context';

export const metadata: Metadata = { title: 'Adverse impact' };

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
const pValue = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

function ComparisonTable({ caption, dimension, selectedLabel }: { caption: string; dimension: DimensionComparison; selectedLabel: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="px-4 py-2 text-left font-medium">{caption}</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-4 py-2">Group</th>
            <th scope="col" className="px-4 py-2 text-right">{selectedLabel} / pool</th>
            <th scope="col" className="px-4 py-2 text-right">Rate</th>
            <th scope="col" className="px-4 py-2 text-right">Impact ratio</th>
            <th scope="col" className="px-4 py-2 text-right">Fisher’s p</th>
            <th scope="col" className="px-4 py-2">Reading</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {dimension.groups.map((g) =>
            g.suppressed ? (
              <tr key={g.group}>
                <th scope="row" className="px-4 py-2 text-left font-medium">{g.label}</th>
                <td colSpan={5} className="px-4 py-2 text-slate-600">
                  fewer than {MIN_GROUP_SIZE}
                </td>
              </tr>
            ) : (
              <tr key={g.group}>
                <th scope="row" className="px-4 py-2 text-left font-medium">{g.label}</th>
                <td className="px-4 py-2 text-right tabular-nums">
                  {g.selected} / {g.pool}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{percent(g.rate)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{g.reference ? 'highest' : g.impactRatio === null ? '—' : g.impactRatio.toFixed(2)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{g.fisherP === null ? '—' : pValue(g.fisherP)}</td>
                <td className="px-4 py-2">
                  {g.reference ? (
                    <Badge>reference</Badge>
                  ) : g.flagged ? (
                    <Badge tone="red">below four-fifths</Badge>
                  ) : g.impactRatio === null ? (
                    <span className="text-slate-600">no comparison</span>
                  ) : (
                    <Badge tone="green">within four-fifths</Badge>
                  )}
                  {g.fisherP !== null && g.fisherP < SIGNIFICANCE_LEVEL ? <span className="ml-2 text-xs text-slate-700">unlikely to be chance alone</span> : null}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      {dimension.withoutGroup ? <p className="px-4 pb-2 text-xs text-slate-600">{dimension.withoutGroup} in this pool preferred not to say or did not answer; they are in no group.</p> : null}
    </div>
  );
}

export default async function AdverseImpactPage({ searchParams }: { searchParams: Promise<{ opening?: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'eeo:read')) return <AccessDenied what="the adverse-impact report" />;
  const openings = await listAdverseImpactOpenings(ctx);
  const { opening: openingParam } = await searchParams;
  const openingId = typeof openingParam === 'string' && openingParam ? openingParam : openings[0]?.id;
  const report = openingId ? await orNotFound(getAdverseImpactReport(ctx, { openingId })) : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard" className="text-brand-700 hover:underline">
          ← Dashboard
        </Link>
      </p>
      <PageHeader
        title="Adverse impact"
        description={`Selection rates by voluntarily self-identified group. A group selected at less than ${FOUR_FIFTHS_THRESHOLD * 100} % of the highest group’s rate is flagged (the four-fifths rule, 29 CFR 1607.4(D)); Fisher’s exact test says how likely so large a gap is by chance. Groups under ${MIN_GROUP_SIZE} people are not shown.`}
      />
      {openings.length === 0 ? (
        <EmptyState title="No openings yet">The report appears once an opening has applicants.</EmptyState>
      ) : (
        <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
          <label className="text-sm font-medium">
            Opening
            <select name="opening" defaultValue={openingId} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm">
              {openings.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium">
            Show
          </button>
        </form>
      )}
      {report ? (
        <div className="space-y-8">
          <p className="text-sm text-slate-700">
            {report.opening.title}: {report.applications} applications. Each step’s pool is the people decided at that step — those who went on and
            those rejected there; people still in progress and withdrawals are left out.
          </p>
          {report.steps.map((step) => (
            <section key={step.key} aria-labelledby={`${step.key}-heading`}>
              <h2 id={`${step.key}-heading`} className="mb-1 text-lg font-semibold">
                {step.from} → {step.to}
              </h2>
              <p className="mb-2 text-sm text-slate-600">
                {step.decided} decided{step.pending ? `, ${step.pending} still in progress` : ''}.
              </p>
              <Card className="divide-y divide-slate-200">
                {step.dimensions.map((d) => (
                  <ComparisonTable key={d.question} caption={`${step.from} → ${step.to}: ${d.dimension}`} dimension={d} selectedLabel="Selected" />
                ))}
              </Card>
            </section>
          ))}
          <section aria-labelledby="scores-heading">
            <h2 id="scores-heading" className="mb-1 text-lg font-semibold">
              Scores: share above the median composite
            </h2>
            <p className="mb-2 text-sm text-slate-600">
              {report.scores.median === null
                ? 'No candidate of this opening has a composite score yet.'
                : `Median composite ${report.scores.median.toFixed(2)} over ${report.scores.scored} scored candidates. Each group’s “scoring rate” is its share above that median, compared as NYC Local Law 144 bias audits do.`}
            </p>
            {report.scores.median === null ? null : (
              <Card className="divide-y divide-slate-200">
                {report.scores.dimensions.map((d) => (
                  <ComparisonTable key={d.question} caption={`Above the median composite: ${d.dimension}`} dimension={d} selectedLabel="Above" />
                ))}
              </Card>
            )}
          </section>
          <p className="text-xs text-slate-600">
            Read with care: with small groups neither the ratio nor the p-value is stable; the four-fifths rule is a rule of thumb, not a test, and a
            large gap that Fisher’s test cannot tell from chance still deserves a look. Viewing this report is recorded in the audit log.
          </p>
        </div>
      ) : null}
    </>
  );
}
