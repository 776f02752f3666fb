import type { Metadata } from 'next';
import Link from 'next/link';
import { SelectField } from '@/app/_components/form';
import { AccessDenied, Badge, buttonClass, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getQuestionAnalytics, type QuestionAnalyticsRow, type QuestionSort } from '@/lib/dashboard/question-analytics';
import { MIN_CANDIDATES, MIN_CANDIDATES_FOR_R, MIN_RATINGS, MIN_RATINGS_FOR_R, type Separation, STRONG_R, WEAK_R } from '@/lib/dashboard/separation';
import { listOpenings } from '@/lib/openings/queries';
import { RATING_LABELS } from '@/lib/scorecards/schemas';
import { OwedScorecardsError } from '@/lib/scorecards/visibility';
import { orNotFound, requirePageContext } from '../../page-context';
import { OwedScorecardsNotice, unlessOwed } from '../_components/owed-scorecards';

export const metadata: Metadata = { title: 'Question analytics' };

const tone: Record<Separation, 'slate' | 'red' | 'amber' | 'green'> = {
  'never separates': 'red',
  reversed: 'red',
  weak: 'amber',
  moderate: 'green',
  strong: 'green',
  'not enough data': 'slate',
};

const SORT_CAPTION: Record<QuestionSort, string> = {
  asked: 'times asked, most first',
  separation: 'separation, weakest first',
  question: 'question title',
};

/** One sentence under the flag that says what it is based on. */
function reading(q: QuestionAnalyticsRow): string {
  switch (q.separation) {
    case 'never separates':
      return `Every one of the ${q.ratings} ratings was ${q.min}.`;
    case 'reversed':
      return 'Candidates with a higher composite were rated lower here.';
    case 'weak':
      return 'Its ratings barely follow the composite.';
    case 'moderate':
    case 'strong':
      return 'Its ratings follow the composite.';
    case 'not enough data':
      if (q.ratings < MIN_RATINGS) return q.ratings === 0 ? 'No ratings yet.' : `Only ${q.ratings} rating${q.ratings === 1 ? '' : 's'} so far.`;
      if (q.candidates < MIN_CANDIDATES) return 'Rated for one candidate only.';
      if (q.r === null && q.rN >= MIN_RATINGS_FOR_R) return 'The candidates’ composites are too alike to compare.';
      return `Needs ${MIN_RATINGS_FOR_R} ratings of ${MIN_CANDIDATES_FOR_R} candidates with a composite.`;
  }
}

function Distribution({ q }: { q: QuestionAnalyticsRow }) {
  return (
    <ul className="min-w-40 space-y-0.5">
      {(['1', '2', '3', '4'] as const).map((k) => {
        const count = q.distribution[k];
        const share = q.ratings ? count / q.ratings : 0;
        return (
          <li key={k} className="flex items-center gap-2 text-xs tabular-nums">
            <span aria-hidden className="w-3 text-slate-600">{k}</span>
            <span aria-hidden className="w-5 text-right font-medium text-slate-900">{count}</span>
            <span aria-hidden className="h-2 w-20 rounded-sm bg-slate-100">
              <span className="block h-2 rounded-sm bg-slate-600" style={{ width: `${Math.round(share * 100)}%` }} />
            </span>
            <span className="sr-only">
              {count} rated {k} ({RATING_LABELS[Number(k) as 1 | 2 | 3 | 4]})
            </span>
          </li>
        );
      })}
    </ul>
  );
}

type SearchParams = { opening?: string | string[]; sort?: string | string[] };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function QuestionAnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'dashboard:read') || !can(ctx, 'scorecard:read_all')) return <AccessDenied what="question analytics" />;
  const params = await searchParams;
  const openingParam = first(params.opening) ?? '';
  const [analytics, openings] = await Promise.all([
    orNotFound(unlessOwed(getQuestionAnalytics(ctx, { openingId: openingParam, sort: first(params.sort) }))),
    can(ctx, 'opening:read') ? listOpenings(ctx) : Promise.resolve([]),
  ]);
  if (analytics instanceof OwedScorecardsError) return <OwedScorecardsNotice page="Question analytics" error={analytics} />;
  const { opening, sort, questions } = analytics;
  const href = (next: QuestionSort) => `/dashboard/questions?${new URLSearchParams({ ...(opening ? { opening: opening.id } : {}), sort: next })}`;
  const sortHeader = (key: QuestionSort, label: string) => (
    <Link href={href(key)} aria-current={sort === key ? 'true' : undefined} className={sort === key ? 'font-semibold text-brand-800 underline' : 'text-slate-800 hover:underline'}>
      {label}
      {sort === key ? <span className="sr-only"> (sorted)</span> : null}
    </Link>
  );

  return (
    <>
      <p className="mb-2 flex flex-wrap gap-x-4 text-sm">
        <Link href="/dashboard" className="text-brand-700 hover:underline">
          ← Dashboard
        </Link>
        <Link href="/dashboard/calibration" className="text-brand-700 hover:underline">
          Calibration
        </Link>
      </p>
      <PageHeader
        title="Question analytics"
        description="Which questions tell candidates apart. For each question: how often it was asked, how interviewers rated it, and whether candidates who did well overall also did well on it. Only submitted scorecards count."
      />

      <form method="get" action="/dashboard/questions" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-80">
          <SelectField label="Opening" name="opening" id="qa-opening" defaultValue={opening?.id ?? ''}>
            <option value="">All openings</option>
            {openings.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </SelectField>
        </div>
        <input type="hidden" name="sort" value={sort} />
        <button type="submit" className={buttonClass('secondary')}>
          Show
        </button>
      </form>

      {questions.length === 0 ? (
        <EmptyState title="No questions asked yet">
          A question appears here once an interview that used it has a submitted scorecard{opening ? ' for this opening' : ''}. Rate each question on the scorecard to see how well it separates candidates.
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="px-4 py-2 text-left font-semibold">
              Questions{opening ? ` for ${opening.title}` : ''}
              <span className="block text-xs font-normal text-slate-600">Sorted by {SORT_CAPTION[sort]}</span>
            </caption>
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-4 py-2">{sortHeader('question', 'Question')}</th>
                <th scope="col" className="px-4 py-2 text-right">{sortHeader('asked', 'Times asked')}</th>
                <th scope="col" className="px-4 py-2 text-right">Ratings</th>
                <th scope="col" className="px-4 py-2">Ratings 1–4</th>
                <th scope="col" className="px-4 py-2 text-right">Mean</th>
                <th scope="col" className="px-4 py-2 text-right">r</th>
                <th scope="col" className="px-4 py-2">{sortHeader('separation', 'Separation')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {questions.map((q) => (
                <tr key={q.questionId} className="align-top">
                  <th scope="row" className="px-4 py-2 text-left font-medium">
                    <Link href={`/questions/${q.questionId}`} className="text-brand-700 hover:underline">
                      {q.title}
                    </Link>
                    <span className="block text-xs font-normal text-slate-600">{q.skill}</span>
                  </th>
                  <td className="px-4 py-2 text-right tabular-nums">{q.timesAsked}</td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {q.ratings}
                    <span className="block text-xs text-slate-600">
                      {q.candidates} candidate{q.candidates === 1 ? '' : 's'}
                    </span>
                  </td>
                  <td className="px-4 py-2">{q.ratings ? <Distribution q={q} /> : <span className="text-slate-600">—</span>}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{q.mean === null ? '—' : q.mean.toFixed(2)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {q.r === null ? '—' : q.r.toFixed(2)}
                    {q.rInterval ? (
                      <span className="block text-xs text-slate-600">
                        95%: {q.rInterval.low.toFixed(2)} to {q.rInterval.high.toFixed(2)}
                      </span>
                    ) : null}
                    {q.rN ? (
                      <span className="block text-xs text-slate-600">
                        {q.rN} ratings, {q.rCandidates} candidates
                      </span>
                    ) : null}
                  </td>
                  <td className="px-4 py-2">
                    <Badge tone={tone[q.separation]}>{q.separation}</Badge>
                    <span className="mt-1 block max-w-56 text-xs text-slate-700">{reading(q)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}

      <Card className="mt-6 p-4 text-sm text-slate-700">
        <h2 className="font-semibold text-slate-900">How to read this</h2>
        <dl className="mt-2 space-y-2">
          <div>
            <dt className="inline font-medium text-slate-900">Times asked: </dt>
            <dd className="inline">interviews whose kit included the question and that have at least one submitted scorecard. A panel of three hears a question once, so it counts once.</dd>
          </div>
          <div>
            <dt className="inline font-medium text-slate-900">Ratings: </dt>
            <dd className="inline">the optional 1–4 rating each interviewer gave the question itself, with how many candidates they cover.</dd>
          </div>
          <div>
            <dt className="inline font-medium text-slate-900">r: </dt>
            <dd className="inline">
              the correlation between the question’s ratings and each candidate’s composite score for the opening, from −1 to 1. Near 0, the question says little about who did well overall;
              below 0, it points the other way. The composite includes the same interviewers’ skill ratings, so r reads a little high.
            </dd>
          </div>
          <div>
            <dt className="inline font-medium text-slate-900">Separation: </dt>
            <dd className="inline">
              “never separates” when every rating was the same ({MIN_RATINGS}+ ratings of {MIN_CANDIDATES}+ candidates); otherwise strong from r {STRONG_R.toFixed(2)}, moderate from {WEAK_R.toFixed(2)}, weak
              between −{WEAK_R.toFixed(2)} and {WEAK_R.toFixed(2)}, and reversed below. With fewer than {MIN_RATINGS_FOR_R} ratings of {MIN_CANDIDATES_FOR_R} candidates it reads “not enough data”: a
              correlation from so few ratings would mislead.
            </dd>
          </div>
        </dl>
      </Card>
    </>
  );
}
