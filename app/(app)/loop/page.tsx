// The loop overview: every interview of the organization by day, with its derived state, the
// panel's cards and who owes feedback since when. Filters are a GET form, so every view is a
// shareable URL and the server does the filtering; a page holds at most 50 interviews.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { type InterviewOverview, listInterviewOverview, listOverviewFilterOptions, type OverviewRow } from '@/lib/interviews/overview';
import { PANEL_ROLE_LABELS } from '@/lib/interviews/schemas';
import { FEEDBACK_DUE_HOURS, formatOwedFor, INTERVIEW_STATE_LABELS, INTERVIEW_STATE_TONES, INTERVIEW_STATES } from '@/lib/interviews/status';
import { dayInZone } from '@/lib/time';
import { requirePageContext } from '../page-context';
import { AdoptViewerTimeZone } from '../_components/viewer-time-zone';

export const metadata: Metadata = { title: 'Loop overview' };

type Search = Record<string, string | string[] | undefined>;
const FILTER_KEYS = ['from', 'to', 'openingId', 'status', 'interviewerId', 'overdue', 'timeZone'] as const;

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const inputClass = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm';
const CARD_LABELS = { submitted: 'Submitted', draft: 'Draft', not_started: 'Not started' } as const;

export default async function LoopOverviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'interview:read_all')) return <AccessDenied what="the loop overview (it shows every interview of the organization)" />;
  const search = await searchParams;
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, one(search[k])])) as Partial<Record<(typeof FILTER_KEYS)[number], string>>;
  const now = new Date();
  const [options, result] = await Promise.all([
    listOverviewFilterOptions(ctx),
    listInterviewOverview(ctx, { ...filters, cursor: one(search.cursor) }, now).catch((error: unknown) => {
      if (error instanceof ValidationError) return error;
      throw error;
    }),
  ]);
  const timeZone = result instanceof ValidationError ? 'UTC' : result.timeZone;
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const k of FILTER_KEYS) if (filters[k]) params.set(k, filters[k]);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return `/loop?${params}`;
  };
  // The date fields show the range actually listed, so the default window is visible and editable.
  const shownFrom = result instanceof ValidationError ? filters.from : result.range.from ? dayInZone(result.range.from, timeZone) : '';
  const shownTo = result instanceof ValidationError ? filters.to : result.range.to ? dayInZone(new Date(result.range.to.getTime() - 1), timeZone) : '';
  const filtered = FILTER_KEYS.some((k) => k !== 'timeZone' && filters[k]);
  return (
    <>
      <AdoptViewerTimeZone chosen={Boolean(filters.timeZone)} />
      <PageHeader
        title="Loop overview"
        description={`Every interview in the organization, with who still owes feedback. Feedback is overdue ${FEEDBACK_DUE_HOURS} hours after an interview ends.`}
      />
      <form method="get" action="/loop" aria-label="Filter interviews" className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
        <input type="hidden" name="timeZone" value={timeZone} />
        <div>
          <label htmlFor="from" className="block text-sm font-medium text-slate-800">From</label>
          <input id="from" name="from" type="date" defaultValue={shownFrom ?? ''} className={inputClass} />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium text-slate-800">To</label>
          <input id="to" name="to" type="date" defaultValue={shownTo ?? ''} className={inputClass} />
        </div>
        <div>
          <label htmlFor="openingId" className="block text-sm font-medium text-slate-800">Opening</label>
          <select id="openingId" name="openingId" defaultValue={filters.openingId ?? ''} className={inputClass}>
            <option value="">All openings</option>
            {options.openings.map((o) => (
              <option key={o.id} value={o.id}>{o.title}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium text-slate-800">Status</label>
          <select id="status" name="status" defaultValue={filters.status ?? ''} className={inputClass}>
            <option value="">Any status</option>
            {INTERVIEW_STATES.map((s) => (
              <option key={s} value={s}>{INTERVIEW_STATE_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="interviewerId" className="block text-sm font-medium text-slate-800">Interviewer</label>
          <select id="interviewerId" name="interviewerId" defaultValue={filters.interviewerId ?? ''} className={inputClass}>
            <option value="">Anyone</option>
            {options.interviewers.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col justify-end gap-2">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue === '1'} className="size-4 rounded border-slate-300" />
            Overdue only
          </label>
          <div className="flex items-center gap-3">
            <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white">Filter</button>
            {filtered ? (
              <Link href={`/loop?timeZone=${encodeURIComponent(timeZone)}`} className="py-2 text-sm text-brand-700 hover:underline">Clear</Link>
            ) : null}
          </div>
        </div>
      </form>
      {result instanceof ValidationError ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {Object.entries(result.fieldErrors).map(([field, messages]) => `${field === 'to' ? 'To' : field === 'from' ? 'From' : field}: ${messages.join(', ')}`).join('; ')}
        </div>
      ) : (
        <Results result={result} now={now} filtered={filtered} nextHref={result.nextCursor ? query({ cursor: result.nextCursor }) : null} />
      )}
    </>
  );
}

function Results({ result, now, filtered, nextHref }: { result: InterviewOverview; now: Date; filtered: boolean; nextHref: string | null }) {
  const { rows, timeZone } = result;
  const owedRows = rows.filter((r) => r.owedSince);
  const overdueCards = rows.reduce((n, r) => n + (r.overdue ? r.panel.filter((p) => p.owes).length : 0), 0);
  const days = new Map<string, OverviewRow[]>();
  for (const r of rows) days.set(r.day, [...(days.get(r.day) ?? []), r]);
  const today = dayInZone(now, timeZone);
  const dayHeading = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <>
      <p className="mb-4 text-sm text-slate-700">
        {rows.length} {rows.length === 1 ? 'interview' : 'interviews'}
        {nextHref ? ' on this page' : ''} · {owedRows.length} awaiting feedback · {overdueCards} overdue {overdueCards === 1 ? 'scorecard' : 'scorecards'} · Days and times in{' '}
        <strong>{timeZone.replace(/_/g, ' ')}</strong>
      </p>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? 'No interviews match these filters' : 'No interviews in this period'}>
          {filtered ? 'Try a wider date range, another status or anyone as interviewer.' : 'Interviews scheduled from a candidate’s page appear here, by day.'}
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {[...days.entries()].map(([day, list]) => (
            <section key={day} aria-labelledby={`day-${day}`}>
              <h2 id={`day-${day}`} className="mb-2 text-base font-semibold text-slate-900">
                {dayHeading.format(list[0]!.scheduledAt)}
                {day === today ? <span className="ml-2 text-sm font-normal text-brand-800">Today</span> : null}
              </h2>
              <Card>
                <div aria-hidden className="hidden border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-medium uppercase tracking-wide text-slate-600 lg:grid lg:grid-cols-[7rem_minmax(0,1.2fr)_minmax(0,1.5fr)_12rem] lg:gap-4">
                  <span>Time</span>
                  <span>Candidate</span>
                  <span>Panel</span>
                  <span>Status</span>
                </div>
                <ul className="divide-y divide-slate-200">
                  {list.map((r) => (
                    <InterviewItem key={r.id} row={r} now={now} timeZone={timeZone} />
                  ))}
                </ul>
              </Card>
            </section>
          ))}
        </div>
      )}
      {nextHref ? (
        <p className="mt-4 text-sm">
          <Link href={nextHref} className="font-medium text-brand-700 hover:underline">Later interviews</Link>
        </p>
      ) : null}
    </>
  );
}

function InterviewItem({ row: r, now, timeZone }: { row: OverviewRow; now: Date; timeZone: string }) {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
  const label = `${r.candidate.name}, ${r.stage ?? 'interview'} at ${time.format(r.scheduledAt)}`;
  return (
    <li aria-label={label} className="grid gap-2 px-4 py-3 text-sm lg:grid-cols-[7rem_minmax(0,1.2fr)_minmax(0,1.5fr)_12rem] lg:gap-4">
      <span className="font-medium text-slate-900">
        <time dateTime={r.scheduledAt.toISOString()}>{time.format(r.scheduledAt)}</time>–<time dateTime={r.endsAt.toISOString()}>{time.format(r.endsAt)}</time>
      </span>
      <span className="min-w-0">
        <Link href={`/candidates/${r.candidate.id}`} className="font-medium text-brand-700 hover:underline">
          {r.candidate.name}
        </Link>
        <span className="block text-slate-600">
          {r.opening.title} · {r.stage ?? 'Interview'}
        </span>
      </span>
      <ul aria-label="Panel" className="min-w-0 space-y-1">
        {r.panel.map((p) => (
          <li key={p.userId} className="flex flex-wrap items-center gap-x-2">
            <span className={p.owes ? 'font-medium text-slate-900' : 'text-slate-700'}>
              {p.name}
              {p.role !== 'interviewer' ? <span className="text-slate-600"> ({PANEL_ROLE_LABELS[p.role].toLowerCase()})</span> : null}
            </span>
            <Badge tone={p.card === 'submitted' ? 'green' : p.owes ? (r.overdue ? 'red' : 'amber') : 'slate'}>
              {p.owes ? `Owes · ${CARD_LABELS[p.card].toLowerCase()}` : CARD_LABELS[p.card]}
            </Badge>
          </li>
        ))}
      </ul>
      <span className="flex flex-col items-start gap-1">
        <Badge tone={INTERVIEW_STATE_TONES[r.state]}>{INTERVIEW_STATE_LABELS[r.state]}</Badge>
        {r.owedSince ? (
          <span className={r.overdue ? 'font-medium text-red-800' : 'text-amber-900'}>
            {r.overdue ? 'Overdue: ' : ''}owes feedback for {formatOwedFor(now.getTime() - r.owedSince.getTime())}
          </span>
        ) : null}
      </span>
    </li>
  );
}
