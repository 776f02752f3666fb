import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalTime, TimeZoneNote } from '@/app/_components/local-time';
import { AccessDenied, BackLink, Badge, ButtonLink, Card, EmptyState, PageHeader, buttonClass } from '@/app/_components/ui';
import { listCandidates } from '@/lib/candidates/queries';
import { can } from '@/lib/context';
import { getOpeningOverview } from '@/lib/openings/queries';
import { qualifiedUserIdsByKit } from '@/lib/kits/qualifications';
import { BLIND_REVIEW_LABELS, OPENING_STATUS_LABELS } from '@/lib/openings/schemas';
import { listMembers } from '@/lib/orgs/queries';
import { LEVEL_LABELS } from '@/lib/questions/schemas';
import { ScheduleInterviewForm } from '../../candidates/candidate-forms';
import { orNotFound, requirePageContext } from '../../page-context';
import { AddCandidateToOpeningForm, ApplyCandidateButton } from './opening-candidate-forms';

export const metadata: Metadata = { title: 'Opening' };

const tone = { active: 'brand', hired: 'green', rejected: 'red', withdrawn: 'slate' } as const;
const inputClass = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';

export default async function OpeningPage({ params, searchParams }: { params: Promise<{ openingId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'opening:read')) return <AccessDenied what="openings" />;
  const { openingId } = await params;
  const rawFind = (await searchParams).find;
  const find = (Array.isArray(rawFind) ? rawFind[0] : rawFind)?.trim().slice(0, 100) ?? '';
  const data = await orNotFound(getOpeningOverview(ctx, openingId));
  const { opening } = data;
  // Candidates join and interviews are booked only while the opening takes applications.
  const takesApplications = opening.status === 'open';
  const canAdd = can(ctx, 'candidate:write') && takesApplications;
  const canSchedule = can(ctx, 'interview:schedule') && opening.status !== 'closed';
  const [members, found] = await Promise.all([
    canSchedule ? listMembers(ctx) : Promise.resolve([]),
    canAdd && find ? listCandidates(ctx, { q: find, limit: 10 }) : Promise.resolve(null),
  ]);
  const panelOptions = members.map((m) => ({ userId: m.userId, name: m.name ?? m.email }));
  const applied = new Set(data.applications.map((a) => a.candidateId));
  const stages = data.stages.map((s) => ({ id: s.id, name: s.name, durationMinutes: s.durationMinutes, kitId: s.kitId }));
  const qualifiedByKit = canSchedule ? await qualifiedUserIdsByKit(ctx, stages.flatMap((s) => (s.kitId ? [s.kitId] : []))) : {};
  return (
    <>
      <BackLink href="/openings">Openings</BackLink>
      <PageHeader
        title={opening.title}
        description={
          <>
            <Badge tone={opening.status === 'open' ? 'green' : 'slate'}>{OPENING_STATUS_LABELS[opening.status]}</Badge> {LEVEL_LABELS[opening.level]} · {opening.description || 'No description'}
            {opening.blindReview === 'off' ? null : <span className="block">Blind review: {BLIND_REVIEW_LABELS[opening.blindReview].toLowerCase()} until a hire or reject decision.</span>}
          </>
        }
        actions={can(ctx, 'opening:write') ? <ButtonLink href={`/openings/${opening.id}/edit`} variant="secondary">Edit opening</ButtonLink> : null}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card className="p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">Candidates ({data.applications.length})</h2>
              {data.applications.length ? (
                <Link href={`/candidates?openingId=${opening.id}`} className="text-sm text-brand-700 hover:underline">
                  Search and filter these candidates
                </Link>
              ) : null}
            </div>
            {data.applications.length === 0 ? (
              <div className="mt-3">
                <EmptyState
                  title="No candidates yet"
                  action={
                    canAdd ? (
                      <div className="flex flex-wrap justify-center gap-2">
                        <a href="#add-candidate" className={buttonClass('primary')}>
                          Add a candidate
                        </a>
                        <a href="#apply-existing" className={buttonClass('secondary')}>
                          Apply an existing candidate
                        </a>
                        <Link href={`/candidates/import?openingId=${opening.id}`} className={buttonClass('secondary')}>
                          Import a CSV
                        </Link>
                      </div>
                    ) : null
                  }
                >
                  {canAdd
                    ? 'Add someone new, apply a candidate already in Loopkit, or import a CSV into this opening; then schedule their interviews from here.'
                    : takesApplications
                      ? 'Recruiters and admins add candidates to openings.'
                      : `This opening is ${OPENING_STATUS_LABELS[opening.status].toLowerCase()} and takes no applications.`}
                </EmptyState>
              </div>
            ) : (
              <ul className="mt-2 divide-y divide-slate-200">
                {data.applications.map((a) => (
                  <li key={a.id} className="py-3 text-sm">
                    <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:justify-between">
                      <Link href={`/candidates/${a.candidateId}`} className="font-medium text-brand-700 hover:underline">
                        {a.candidateName}
                      </Link>
                      <span className="flex flex-wrap items-center gap-2 text-slate-600">
                        {a.currentStage ?? 'Not started'} <Badge tone={tone[a.stage]}>{a.stage}</Badge>
                      </span>
                    </div>
                    <p className="text-xs text-slate-600">
                      Applied <LocalTime iso={a.appliedAt.toISOString()} />
                      {a.nextInterviewAt ? (
                        <>
                          {' '}
                          · next interview <LocalTime iso={a.nextInterviewAt} />
                        </>
                      ) : null}
                    </p>
                    {canSchedule && a.stage === 'active' && stages.length ? (
                      <details className="mt-2">
                        <summary className="cursor-pointer text-xs font-medium text-brand-700">
                          Schedule an interview<span className="sr-only"> with {a.candidateName}</span>
                        </summary>
                        <div className="mt-2 rounded-md border border-slate-200 p-3">
                          <ScheduleInterviewForm applicationId={a.id} stages={stages} members={panelOptions} qualifiedByKit={qualifiedByKit} defaultStageId={a.currentStageId} openingId={opening.id} />
                        </div>
                      </details>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {data.applications.length ? <TimeZoneNote className="mt-2 text-xs text-slate-600" /> : null}
          </Card>
          {canAdd ? (
            <Card className="space-y-6 p-4">
              <section id="add-candidate" aria-labelledby="add-candidate-title" className="scroll-mt-4">
                <h2 id="add-candidate-title" className="mb-3 font-semibold">
                  Add a candidate to this opening
                </h2>
                <AddCandidateToOpeningForm openingId={opening.id} />
              </section>
              <section id="apply-existing" aria-labelledby="apply-existing-title" className="scroll-mt-4 border-t border-slate-200 pt-4">
                <h2 id="apply-existing-title" className="mb-3 font-semibold">
                  Apply an existing candidate
                </h2>
                <form method="get" action={`/openings/${opening.id}#apply-existing`} role="search" aria-label="Find a candidate to apply" className="flex flex-col gap-2 sm:flex-row sm:items-end">
                  <div className="grow space-y-1">
                    <label htmlFor="find-candidate" className="block text-sm font-medium text-slate-800">
                      Find a candidate
                    </label>
                    <input id="find-candidate" name="find" type="search" defaultValue={find} maxLength={100} placeholder="Part of a name or e-mail" className={inputClass} />
                  </div>
                  <button type="submit" className={buttonClass('secondary')}>
                    Find
                  </button>
                </form>
                {found ? <FoundCandidates openingId={opening.id} rows={found.rows.filter((c) => !c.erased)} applied={applied} /> : null}
              </section>
              <p className="border-t border-slate-200 pt-4 text-sm">
                Many at once?{' '}
                <Link href={`/candidates/import?openingId=${opening.id}`} className="font-medium text-brand-700 hover:underline">
                  Import a CSV into this opening
                </Link>
              </p>
            </Card>
          ) : null}
        </div>
        <div className="space-y-4">
          <Card className="p-4">
            <h2 className="font-semibold">Hiring manager</h2>
            <p className="mt-2 text-sm">{data.hiringManager ?? <span className="text-slate-600">Not chosen yet{can(ctx, 'opening:write') ? ' — choose one under Edit opening' : ''}.</span>}</p>
          </Card>
          <Card className="p-4">
            <h2 className="font-semibold">Interview loop</h2>
            <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
              {data.stages.map((s) => (
                <li key={s.id}>
                  {s.name} · {s.durationMinutes} min{s.kitName ? ` · ${s.kitName}` : ''}
                </li>
              ))}
            </ol>
          </Card>
          <Card className="p-4">
            <h2 className="font-semibold">Skill weights</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {data.weights.map((w) => (
                <li key={w.skillId} className="flex justify-between">
                  <span>{w.name}</span>
                  <span className="tabular-nums text-slate-600">{w.weight}</span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}

function FoundCandidates({ openingId, rows, applied }: { openingId: string; rows: { id: string; name: string; email: string | null }[]; applied: Set<string> }) {
  if (rows.length === 0) return <p className="mt-3 text-sm text-slate-600">No candidate matches. Add them with the form above.</p>;
  return (
    <ul className="mt-3 divide-y divide-slate-200" aria-label="Matching candidates">
      {rows.map((c) => (
        <li key={c.id} className="flex flex-col gap-2 py-2 text-sm sm:flex-row sm:items-center sm:justify-between">
          <span className="min-w-0">
            <span className="font-medium">{c.name}</span> <span className="break-all text-slate-600">{c.email}</span>
          </span>
          {applied.has(c.id) ? <Badge>Already applied</Badge> : <ApplyCandidateButton openingId={openingId} candidateId={c.id} name={c.name} />}
        </li>
      ))}
    </ul>
  );
}
