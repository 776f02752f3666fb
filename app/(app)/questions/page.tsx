import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Badge, ButtonLink, buttonClass, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { type FacetName, searchQuestions } from '@/lib/questions/queries';
import { KIND_LABELS, LEVEL_LABELS, LEVELS, QUESTION_KINDS } from '@/lib/questions/schemas';
import { listSkillTaxonomy } from '@/lib/skills/queries';
import { requirePageContext } from '../page-context';
import { AutoSubmitForm, FilterPanel } from './filter-form';

export const metadata: Metadata = { title: 'Questions' };

type Params = Record<string, string | string[] | undefined>;

function toArray(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export default async function QuestionsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'question:read')) return <AccessDenied what="the question bank" />;
  const params = await searchParams;
  const input = {
    q: typeof params.q === 'string' ? params.q : '',
    category: toArray(params.category),
    skill: toArray(params.skill),
    level: toArray(params.level),
    kind: toArray(params.kind),
    status: params.status,
    origin: params.origin,
    page: params.page,
  };
  let result;
  try {
    result = await searchQuestions(ctx, input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    result = await searchQuestions(ctx, {});
  }
  const taxonomy = await listSkillTaxonomy(ctx);
  const { rows, total, page, pageSize, facets, filters } = result;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  const pageLink = (p: number) => {
    const sp = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) for (const v of toArray(value)) if (key !== 'page') sp.append(key, v);
    sp.set('page', String(p));
    return `/questions?${sp}`;
  };

  const checkboxGroup = (name: FacetName, legend: string, options: { value: string; label: string }[], selected: string[]) => (
    <fieldset className="border-t border-slate-200 py-3">
      <legend className="px-0 text-xs font-semibold uppercase tracking-wide text-slate-500">{legend}</legend>
      <ul className="mt-2 max-h-56 space-y-1 overflow-y-auto pr-1">
        {options.map((o) => {
          const n = facets[name][o.value] ?? 0;
          const id = `f-${name}-${o.value}`;
          return (
            <li key={o.value} className="flex items-center gap-2 text-sm">
              <input id={id} type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} className="size-4 rounded border-slate-300" />
              <label htmlFor={id} className={`flex-1 ${n === 0 ? 'text-slate-500' : 'text-slate-800'}`}>
                {o.label}
              </label>
              <span className="tabular-nums text-xs text-slate-600">{n}</span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );

  const radioGroup = (name: 'origin' | 'status', legend: string, options: { value: string; label: string; count?: number }[], selected: string) => (
    <fieldset className="border-t border-slate-200 py-3">
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{legend}</legend>
      <ul className="mt-2 space-y-1">
        {options.map((o) => (
          <li key={o.value} className="flex items-center gap-2 text-sm">
            <input id={`f-${name}-${o.value}`} type="radio" name={name} value={o.value} defaultChecked={selected === o.value} className="size-4 border-slate-300" />
            <label htmlFor={`f-${name}-${o.value}`} className="flex-1">
              {o.label}
            </label>
            {o.count !== undefined ? <span className="tabular-nums text-xs text-slate-600">{o.count}</span> : null}
          </li>
        ))}
      </ul>
    </fieldset>
  );

  const activeFilters =
    filters.category.length + filters.skill.length + filters.level.length + filters.kind.length + (filters.status !== 'active' ? 1 : 0) + (filters.origin !== 'all' ? 1 : 0);
  // Each question link carries this search, so "Question bank" on its page returns to it.
  const currentSearch = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of toArray(value)) currentSearch.append(key, v);
  const questionHref = (id: string) => (currentSearch.toString() ? `/questions/${id}?${new URLSearchParams({ from: currentSearch.toString() })}` : `/questions/${id}`);

  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

  return (
    <>
      <PageHeader
        title="Question bank"
        description="Skill-tagged questions with interviewer guidance and a rubric of four anchored answers. Search tolerates typos."
        actions={
          <>
            <ButtonLink variant="secondary" href="/questions/skills">
              Skills
            </ButtonLink>
            <a className={buttonClass('secondary')} href="/api/v1/questions/export?format=json&scope=ours" download>
              Export JSON
            </a>
            <a className={buttonClass('secondary')} href="/api/v1/questions/export?format=csv&scope=ours" download>
              Export CSV
            </a>
            {can(ctx, 'question:write') ? (
              <>
                <ButtonLink variant="secondary" href="/questions/import">
                  Import
                </ButtonLink>
                <ButtonLink href="/questions/new">New question</ButtonLink>
              </>
            ) : null}
          </>
        }
      />
      <AutoSubmitForm className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <aside>
          <FilterPanel activeCount={activeFilters}>
          <Card className="px-4">
            <h2 className="sr-only">Filters</h2>
            {radioGroup('origin', 'Origin', [
              { value: 'all', label: 'All', count: sum(facets.origin) },
              { value: 'builtin', label: 'Built-in', count: facets.origin.builtin ?? 0 },
              { value: 'ours', label: 'Ours', count: facets.origin.ours ?? 0 },
            ], filters.origin)}
            {checkboxGroup('level', 'Level', LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] })), filters.level)}
            {checkboxGroup('kind', 'Kind', QUESTION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })), filters.kind)}
            {checkboxGroup('category', 'Category', taxonomy.map((c) => ({ value: c.id, label: c.name })), filters.category)}
            {checkboxGroup('skill', 'Skill', taxonomy.flatMap((c) => c.skills.map((s) => ({ value: s.id, label: s.name }))), filters.skill)}
            {radioGroup('status', 'Status', [
              { value: 'active', label: 'Active', count: facets.status.active ?? 0 },
              { value: 'archived', label: 'Archived', count: facets.status.archived ?? 0 },
              { value: 'all', label: 'Both' },
            ], filters.status)}
            <div className="flex gap-2 border-t border-slate-200 py-3">
              <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">
                Apply filters
              </button>
              <Link href="/questions" className="rounded-md px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300">
                Clear
              </Link>
            </div>
          </Card>
          </FilterPanel>
        </aside>
        <section className="min-w-0" aria-labelledby="results-heading">
          <div className="flex gap-2">
            <label htmlFor="q" className="sr-only">
              Search questions
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={filters.q}
              placeholder="Search title, prompt and guidance…"
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
            />
            <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
              Search
            </button>
          </div>
          <h2 id="results-heading" className="mt-4 text-sm text-slate-600" aria-live="polite">
            {total} {total === 1 ? 'question' : 'questions'}
            {filters.q ? ` matching “${filters.q}”` : ''}
          </h2>
          {rows.length === 0 ? (
            <div className="mt-3">
              <EmptyState title="No questions match" action={<ButtonLink variant="secondary" href="/questions">Clear search and filters</ButtonLink>}>
                Try fewer filters or different words.
              </EmptyState>
            </div>
          ) : (
            <ul className="mt-3 space-y-3">
              {rows.map((q) => (
                <li key={q.id}>
                  <Card className="p-4">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <h3 className="font-medium">
                        <Link href={questionHref(q.id)} className="text-brand-700 hover:underline">
                          {q.title}
                        </Link>
                      </h3>
                      <span className="flex flex-wrap gap-1.5">
                        <Badge tone="brand">{q.primarySkill}</Badge>
                        <Badge>{KIND_LABELS[q.kind]}</Badge>
                        <Badge>{LEVEL_LABELS[q.level]}</Badge>
                        <Badge>{q.minutes} min</Badge>
                        {q.builtin ? null : <Badge tone="green">Ours</Badge>}
                        {q.status === 'archived' ? <Badge tone="amber">Archived</Badge> : null}
                      </span>
                    </div>
                    <p className="mt-1 line-clamp-2 text-sm text-slate-600">{q.snippet}</p>
                  </Card>
                </li>
              ))}
            </ul>
          )}
          <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
            <span className="text-slate-600">
              Page {page} of {pages}
            </span>
            <span className="flex gap-2">
              {page > 1 ? (
                <Link className="rounded-md bg-white px-3 py-1.5 ring-1 ring-slate-300" href={pageLink(page - 1)}>
                  Previous
                </Link>
              ) : null}
              {page < pages ? (
                <Link className="rounded-md bg-white px-3 py-1.5 ring-1 ring-slate-300" href={pageLink(page + 1)}>
                  Next
                </Link>
              ) : null}
            </span>
          </nav>
        </section>
      </AutoSubmitForm>
    </>
  );
}
