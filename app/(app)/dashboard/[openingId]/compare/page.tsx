import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AccessDenied, BackLink, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { NotCountedBadge } from '../../../_components/evidence';
import { can } from '@/lib/context';
import { compareCandidates } from '@/lib/dashboard/queries';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { RECOMMENDATION_LABELS } from '@/lib/scorecards/schemas';
import { requirePageContext } from '../../../page-context';
import { SkillChart } from './skill-chart';

export const metadata: Metadata = { title: 'Compare candidates' };

export default async function ComparePage({ params, searchParams }: { params: Promise<{ openingId: string }>; searchParams: Promise<{ c?: string | string[] }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'dashboard:read')) return <AccessDenied what="the dashboard" />;
  const { openingId } = await params;
  const { c } = await searchParams;
  let data;
  try {
    data = await compareCandidates(ctx, { openingId, candidateIds: c });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ValidationError)
      return (
        <EmptyState title="Choose 2 to 5 candidates to compare" action={<Link href={`/dashboard/${openingId}`} className="font-medium text-brand-700 underline">Back to the grid</Link>}>
          {Object.values(error.fieldErrors).flat()[0]}
        </EmptyState>
      );
    throw error;
  }
  const { skills, candidates } = data;
  return (
    <>
      <BackLink href={`/dashboard/${openingId}`}>Comparison grid</BackLink>
      <PageHeader title={`Compare: ${candidates.map((x) => x.name).join(', ')}`} description="Per-skill means of submitted ratings, the composite with its coverage, strongest and weakest skills, and each interviewer’s ratings and summary." />
      <Card className="p-4">
        <SkillChart skills={skills.map((s) => s.name)} candidates={candidates.map((x) => ({ name: x.name, means: skills.map((s) => x.cells[s.skillId]?.mean ?? null) }))} />
        <table className="mt-4 min-w-full text-sm">
          <caption className="text-left font-semibold">Per-skill means (n raters)</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">Skill (weight)</th>
              {candidates.map((x) => (
                <th key={x.candidateId} scope="col" className="px-3 py-2">{x.name}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {skills.map((s) => (
              <tr key={s.skillId}>
                <th scope="row" className="px-3 py-1.5 text-left font-normal">{s.name} ({s.weight})</th>
                {candidates.map((x) => {
                  const cell = x.cells[s.skillId];
                  return (
                    <td key={x.candidateId} className="px-3 py-1.5 tabular-nums">
                      {cell ? `${cell.mean.toFixed(2)} (n ${cell.n})` : 'no evidence'}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="font-semibold">
              <th scope="row" className="px-3 py-1.5 text-left">Composite (coverage)</th>
              {candidates.map((x) => (
                <td key={x.candidateId} className="px-3 py-1.5 tabular-nums">
                  {x.composite === null ? '—' : x.composite.toFixed(2)} ({Math.round(x.coverage * 100)}%)
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </Card>
      <div className="mt-6 grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {candidates.map((x) => (
          <Card key={x.candidateId} className="p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">{x.name}</h2>
              <Link href={`/candidates/${x.candidateId}/packet?opening=${openingId}`} className="text-sm font-medium text-brand-700 hover:underline">
                Decision packet<span className="sr-only"> for {x.name}</span>
              </Link>
            </div>
            <p className="mt-1 text-sm">
              <span className="font-medium">Strongest:</span> {x.strongest.join(', ') || '—'}
            </p>
            <p className="text-sm">
              <span className="font-medium">Weakest:</span> {x.weakest.join(', ') || '—'}
            </p>
            <ul className="mt-3 space-y-2 text-sm">
              {x.scorecards.map((s) => (
                <li key={s.id} className="rounded-md border border-slate-200 p-2">
                  <p className="font-medium">
                    {s.interviewerName} · {s.recommendation ? RECOMMENDATION_LABELS[s.recommendation] : '—'}
                  </p>
                  {!s.counted ? <NotCountedBadge role={s.panelRole} /> : null}
                  <p className="text-xs text-slate-700">
                    {skills
                      .filter((sk) => s.ratings[sk.skillId] !== undefined)
                      .map((sk) => `${sk.name} ${s.ratings[sk.skillId] === 'no_evidence' ? 'n/e' : s.ratings[sk.skillId]}`)
                      .join(' · ')}
                  </p>
                  {s.summary ? <p className="mt-1 text-slate-700">{s.summary}</p> : null}
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
    </>
  );
}
