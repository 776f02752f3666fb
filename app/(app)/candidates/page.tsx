import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalTime } from '@/app/_components/local-time';
import { AccessDenied, Badge, ButtonLink, Card, EmptyState, PageHeader, buttonClass } from '@/app/_components/ui';
import { type CandidateListPage, listCandidateFilterOptions, listCandidates } from '@/lib/candidates/queries';
import { APPLICATION_STAGES, CANDIDATE_SORTS, CANDIDATE_SORT_LABELS } from '@/lib/candidates/schemas';
import { can } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { plural } from '@/lib/text';
import { requirePageContext } from '../page-context';
import { NewCandidateForm } from './candidate-forms';

export const metadata: Metadata = { title: 'Candidates' };

const tone = { active: 'brand', hired: 'green', rejected: 'red', withdrawn: 'slate' } as const;
const FILTERS = ['q', 'openingId', 'stage', 'loopStageId', 'sort'] as const;
/** Longer than the API's default page: a recruiter scans a screenful, and the search narrows it. */
const PAGE_SIZE = 50;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

const selectClass = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';

export default async function CandidatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'candidate:read')) return <AccessDenied what="candidates" />;
  const params = await searchParams;
  const filters = Object.fromEntries(FILTERS.map((name) => [name, first(params[name])])) as Record<(typeof FILTERS)[number], string>;
  const cursor = first(params.cursor);
  const filtered = Boolean(filters.q || filters.openingId || filters.stage || filters.loopStageId);
  const [result, options] = await Promise.all([
    listCandidates(ctx, { ...filters, cursor, limit: PAGE_SIZE }).catch((error: unknown) => {
      // A hand-edited or stale URL: say which parameter is wrong instead of failing the page.
      if (error instanceof ValidationError) return error;
      throw error;
    }),
    listCandidateFilterOptions(ctx),
  ]);
  const canWrite = can(ctx, 'candidate:write');
  const query = (extra: Record<string, string>) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v && !(k === 'sort' && v === 'newest')) search.set(k, v);
    const text = search.toString();
    return text ? `/candidates?${text}` : '/candidates';
  };
  return (
    <>
      <PageHeader
        title="Candidates"
        description="People applying to your openings and where each application stands."
        actions={canWrite ? <ButtonLink variant="secondary" href="/candidates/import">Import CSV</ButtonLink> : null}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <Card className="p-4">
            {/* Keyed by the filters: a soft navigation (Clear filters, Back) must show the URL's values, not the last ones typed. */}
            <form key={JSON.stringify(filters)} method="get" action="/candidates" role="search" aria-label="Search and filter candidates" className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
              <div className="space-y-1 sm:col-span-2 xl:col-span-3">
                <label htmlFor="f-q" className="block text-sm font-medium text-slate-800">
                  Search candidates
                </label>
                <input id="f-q" name="q" type="search" defaultValue={filters.q} maxLength={100} aria-describedby="f-q-hint" className={selectClass} />
                <p id="f-q-hint" className="text-xs text-slate-600">
                  Any part of a name or e-mail address.
                </p>
              </div>
              <FilterSelect id="f-opening" name="openingId" label="Opening" value={filters.openingId}>
                <option value="">All openings</option>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.title}
                    {o.status === 'open' ? '' : ` (${o.status})`}
                  </option>
                ))}
              </FilterSelect>
              <FilterSelect id="f-stage" name="stage" label="Application status" value={filters.stage}>
                <option value="">Any status</option>
                {APPLICATION_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {s[0]!.toUpperCase() + s.slice(1)}
                  </option>
                ))}
              </FilterSelect>
              <FilterSelect id="f-loop" name="loopStageId" label="Interview stage" value={filters.loopStageId}>
                <option value="">Any interview stage</option>
                {options
                  .filter((o) => o.stages.length && (!filters.openingId || o.id === filters.openingId))
                  .map((o) => (
                    <optgroup key={o.id} label={o.title}>
                      {o.stages.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
              </FilterSelect>
              <FilterSelect id="f-sort" name="sort" label="Sort" value={filters.sort || 'newest'}>
                {CANDIDATE_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {CANDIDATE_SORT_LABELS[s]}
                  </option>
                ))}
              </FilterSelect>
              <div className="flex flex-wrap items-end gap-2 sm:col-span-2 xl:col-span-3">
                <button type="submit" className={buttonClass('primary')}>
                  Search
                </button>
                {filtered ? (
                  <Link href={query({ q: '', openingId: '', stage: '', loopStageId: '' })} className={buttonClass('ghost')}>
                    Clear filters
                  </Link>
                ) : null}
              </div>
            </form>
          </Card>
          {result instanceof ValidationError ? (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
              This address has a filter the list cannot use: {result.message}.{' '}
              <Link href="/candidates" className="font-medium underline">
                Start again
              </Link>
            </div>
          ) : (
            <CandidateResults result={result} filtered={filtered} cursor={cursor} nextHref={result.nextCursor ? query({ cursor: result.nextCursor }) : null} firstHref={query({})} />
          )}
        </div>
        {canWrite ? (
          <Card className="h-fit p-4">
            <h2 className="mb-3 font-semibold">Add a candidate</h2>
            <NewCandidateForm openings={options.filter((o) => o.status === 'open').map((o) => ({ id: o.id, title: o.title }))} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

function FilterSelect({ id, name, label, value, children }: { id: string; name: string; label: string; value: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={selectClass}>
        {children}
      </select>
    </div>
  );
}

function CandidateResults({ result, filtered, cursor, nextHref, firstHref }: { result: CandidateListPage; filtered: boolean; cursor: string; nextHref: string | null; firstHref: string }) {
  if (result.total === 0) {
    return filtered ? (
      <EmptyState
        title="No candidates match"
        action={
          <Link href="/candidates" className={buttonClass('secondary')}>
            Clear filters
          </Link>
        }
      >
        Nobody matches this search and these filters.
      </EmptyState>
    ) : (
      <EmptyState title="No candidates yet">Add one with the form, or import a CSV.</EmptyState>
    );
  }
  return (
    <section aria-labelledby="candidate-results" className="space-y-3">
      <h2 id="candidate-results" className="text-sm text-slate-700" aria-live="polite">
        {plural(result.total, 'candidate')}{filtered ? (result.total === 1 ? ' matches' : ' match') : ''}
      </h2>
      {result.rows.length === 0 ? (
        <EmptyState title="No more candidates" action={<Link href={firstHref} className={buttonClass('secondary')}>Back to the first page</Link>} />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200">
            {result.rows.map((c) => (
              <li key={c.id} className="flex flex-col gap-2 px-4 py-3 text-sm md:flex-row md:items-start md:justify-between">
                <div className="min-w-0">
                  <Link href={`/candidates/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                  {c.erased ? (
                    <>
                      {' '}
                      <Badge>Personal data erased</Badge>
                    </>
                  ) : c.blind ? (
                    <span className="block text-slate-600">Blind review</span>
                  ) : (
                    <span className="block break-all text-slate-600">{c.email}</span>
                  )}
                  <span className="block text-xs text-slate-600">
                    Added <LocalTime iso={c.createdAt} />
                  </span>
                </div>
                <ul className="flex flex-col gap-1 text-slate-600 md:items-end" aria-label={`Applications of ${c.name}`}>
                  {c.applications.length === 0 ? <li>No application</li> : null}
                  {c.applications.map((a) => (
                    <li key={a.id} className="flex flex-wrap items-center gap-2">
                      <span>
                        {a.openingTitle}
                        {a.loopStage ? ` · ${a.loopStage}` : ''}
                      </span>
                      <Badge tone={tone[a.stage]}>{a.stage}</Badge>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <nav aria-label="Pages" className="flex flex-wrap gap-2">
        {cursor ? (
          <Link href={firstHref} className={buttonClass('secondary')}>
            ← First page
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className={buttonClass('secondary')}>
            Next page →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
