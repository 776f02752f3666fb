import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, BackLink, buttonClass, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { describeRecommendations, GRID_STAGES, gridView, RANKED_COVERAGE } from '@/lib/dashboard/grid-view';
import { getOpeningGrid, type GridCandidate, type OpeningGrid } from '@/lib/dashboard/queries';
import { getOpening } from '@/lib/openings/queries';
import { orNotFound, requirePageContext } from '../../page-context';
import { plural } from '@/lib/text';
import { DecisionBadge } from '../../_components/decision-summary';

export const metadata: Metadata = { title: 'Candidate comparison' };

/** Background by score, always paired with the number itself so colour is never the only signal. */
function heat(mean: number): string {
  if (mean >= 3.5) return 'bg-green-200';
  if (mean >= 2.75) return 'bg-green-50';
  if (mean >= 2) return 'bg-amber-50';
  return 'bg-red-100';
}

export default async function OpeningDashboardPage({ params, searchParams }: { params: Promise<{ openingId: string }>; searchParams: Promise<{ sort?: string; stage?: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'dashboard:read')) return <AccessDenied what="the dashboard" />;
  const { openingId } = await params;
  const [grid, { opening }] = await orNotFound(Promise.all([getOpeningGrid(ctx, openingId), getOpening(ctx, openingId)]));
  const { sort, stage, ranked, incomplete } = gridView(grid, await searchParams);
  const columns = 4 + grid.skills.length;
  const link = (next: { sort?: string; stage?: string }) => `/dashboard/${openingId}?sort=${next.sort ?? sort}&stage=${next.stage ?? stage}`;
  const sortHeader = (key: string, label: string) => (
    <Link href={link({ sort: key })} aria-current={sort === key ? 'true' : undefined} className={sort === key ? 'font-semibold text-brand-800 underline' : 'text-slate-800 hover:underline'}>
      {label}
      {sort === key ? <span className="sr-only"> (sorted)</span> : null}
    </Link>
  );
  return (
    <>
      <BackLink href="/dashboard">Dashboard</BackLink>
      <PageHeader
        title={`Compare candidates: ${opening.title}`}
        description={`Each cell: mean of submitted ratings, the number of raters (n) and the range; “split” marks raters 2 or more points apart. The composite weighs skills with evidence; coverage is the share of weight that has evidence. Candidates under ${Math.round(RANKED_COVERAGE * 100)}% coverage are listed apart, not ranked.`}
        actions={
          <a className={buttonClass('secondary')} href={`/api/v1/openings/${openingId}/dashboard?stage=${stage}&sort=${sort}`} download>
            Export CSV
          </a>
        }
      />
      <nav aria-label="Filter by stage" className="mb-4 flex flex-wrap gap-2">
        {GRID_STAGES.map((s) => (
          <Link key={s} href={link({ stage: s })} aria-current={stage === s ? 'page' : undefined} className={`rounded-full px-3 py-1 text-sm ${stage === s ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-300'}`}>
            {s === 'all' ? 'All stages' : s}
          </Link>
        ))}
      </nav>
      {grid.candidates.some((c) => c.blind) ? (
        <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">
          Blind review: candidates appear by code, and their names are masked in the panel’s notes, until a hire or reject decision is recorded on their application.
        </p>
      ) : null}
      {grid.hiddenCandidates > 0 ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {plural(grid.hiddenCandidates, 'candidate')} hidden: you sit on their panel, and this organization holds leads to independent scoring. You read the others’ feedback on a candidate once you have submitted your scorecards for all of their interviews that have started; each candidate’s page lists what you still owe.
        </p>
      ) : null}
      {ranked.length + incomplete.length === 0 ? (
        <EmptyState title="No submitted feedback to compare yet" />
      ) : (
        <form method="get" action={`/dashboard/${openingId}/compare`}>
        <div className="mb-2 flex items-center gap-3 text-sm">
          <button type="submit" className={buttonClass('secondary', 'py-1.5')}>
            Compare selected
          </button>
          <span className="text-slate-600">Tick 2 to 5 candidates.</span>
        </div>
        <Card className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Candidates by skill, sorted by {sort === 'composite' ? 'composite' : sort === 'name' ? 'name' : grid.skills.find((s) => s.skillId === sort)?.name}</caption>
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="sticky left-0 z-20 bg-slate-50 px-3 py-2 shadow-[1px_0_0_var(--color-slate-200)]">
                  {sortHeader('name', 'Candidate')}
                </th>
                <th scope="col" className="px-3 py-2">{sortHeader('composite', 'Composite')}</th>
                <th scope="col" className="px-3 py-2">Recommendations</th>
                <th scope="col" className="px-3 py-2">Decision</th>
                {grid.skills.map((s) => (
                  <th key={s.skillId} scope="col" className="px-3 py-2">
                    {sortHeader(s.skillId, s.name)} <span className="block text-xs font-normal text-slate-600">weight {s.weight}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {ranked.map((c) => (
                <GridRow key={c.candidateId} candidate={c} grid={grid} openingId={openingId} />
              ))}
            </tbody>
            {incomplete.length > 0 ? (
              <tbody className="divide-y divide-slate-200 border-t-2 border-slate-300">
                <tr>
                  <th scope="rowgroup" colSpan={columns} className="bg-slate-50 px-3 py-2 text-left text-sm font-semibold text-slate-800">
                    Incomplete evidence, not ranked: under {Math.round(RANKED_COVERAGE * 100)}% of the weight has ratings
                  </th>
                </tr>
                {incomplete.map((c) => (
                  <GridRow key={c.candidateId} candidate={c} grid={grid} openingId={openingId} />
                ))}
              </tbody>
            ) : null}
          </table>
        </Card>
        </form>
      )}
    </>
  );
}

function GridRow({ candidate: c, grid, openingId }: { candidate: GridCandidate; grid: OpeningGrid; openingId: string }) {
  return (
    <tr>
      {/* Sticky, so the name stays in view while the skills scroll sideways on narrower screens. */}
      <th scope="row" className="sticky left-0 z-10 bg-white px-3 py-2 text-left font-medium shadow-[1px_0_0_var(--color-slate-200)]">
        <input type="checkbox" name="c" value={c.candidateId} aria-label={`Select ${c.name} to compare`} className="mr-2 size-4 align-middle" />
        <Link href={`/candidates/${c.candidateId}`} className="text-brand-700 hover:underline">
          {c.name}
        </Link>
        <span className="block text-xs font-normal text-slate-600">{c.stage}</span>
        <Link href={`/candidates/${c.candidateId}/packet?opening=${openingId}`} className="block whitespace-nowrap text-xs font-normal text-brand-700 hover:underline">
          Decision packet<span className="sr-only"> for {c.name}</span>
        </Link>
      </th>
      <td className="px-3 py-2 tabular-nums">
        <span className="font-semibold">{c.composite === null ? '—' : c.composite.toFixed(2)}</span>
        <span className={`block text-xs ${c.coverage < RANKED_COVERAGE ? 'font-medium text-red-700' : 'text-slate-600'}`}>coverage {Math.round(c.coverage * 100)}%</span>
      </td>
      <td className="px-3 py-2 text-xs whitespace-nowrap text-slate-700">{describeRecommendations(c.recommendations)}</td>
      <td className="px-3 py-2 text-xs">
        {c.decision ? <DecisionBadge outcome={c.decision.outcome} /> : <span className="text-slate-600">none yet</span>}
        <Link href={`/applications/${c.applicationId}/debrief`} className="mt-1 block whitespace-nowrap text-brand-700 hover:underline">
          Debrief<span className="sr-only"> for {c.name}</span>
        </Link>
      </td>
      {grid.skills.map((s) => {
        const cell = c.cells[s.skillId];
        return (
          <td key={s.skillId} className={`px-3 py-2 tabular-nums ${cell ? heat(cell.mean) : ''}`}>
            {cell ? (
              <>
                <span className="font-semibold">{cell.mean.toFixed(1)}</span>
                {cell.disagreement ? (
                  <span className="ml-1 rounded bg-red-700 px-1 text-xs font-medium text-white" title="Raters differ by 2 points or more">
                    split
                  </span>
                ) : null}
                <span className="block text-xs text-slate-700">
                  n {cell.n} · {cell.min}–{cell.max}
                </span>
              </>
            ) : (
              <span className="text-slate-600">no evidence</span>
            )}
          </td>
        );
      })}
    </tr>
  );
}
