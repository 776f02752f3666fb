import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalTime, TimeZoneNote } from '@/app/_components/local-time';
import { Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { groupMyInterviews, owesFeedback } from '@/lib/interviews/queries';
import { INTERVIEW_STATE_LABELS, INTERVIEW_STATE_TONES } from '@/lib/interviews/status';
import { isTimeZone } from '@/lib/time';
import { AdoptViewerTimeZone } from '../_components/viewer-time-zone';
import { requirePageContext } from '../page-context';

export const metadata: Metadata = { title: 'My interviews' };

type Row = Awaited<ReturnType<typeof groupMyInterviews>>['today'][number];

/** The interview's derived state, told from the member's side: their own card first. */
function badge(i: Row): { label: string; tone: (typeof INTERVIEW_STATE_TONES)[keyof typeof INTERVIEW_STATE_TONES] } {
  if (i.state !== 'cancelled' && i.scorecardStatus === 'submitted') return { label: i.state === 'complete' ? 'Complete' : 'Feedback submitted', tone: 'green' };
  if (owesFeedback(i)) return { label: 'Feedback owed', tone: 'amber' };
  if (i.state === 'scheduled' && i.scorecardStatus === 'draft') return { label: 'Scheduled · draft started', tone: 'slate' };
  return { label: INTERVIEW_STATE_LABELS[i.state], tone: INTERVIEW_STATE_TONES[i.state] };
}

function InterviewList({ title, rows, empty }: { title: string; rows: Row[]; empty: string }) {
  return (
    <section aria-labelledby={`h-${title.replace(/\W+/g, '-')}`} className="space-y-2">
      <h2 id={`h-${title.replace(/\W+/g, '-')}`} className="text-base font-semibold">
        {title} <span className="text-sm font-normal text-slate-600">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200">
            {rows.map((i) => (
              <li key={i.id} className="flex flex-col gap-1 px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
                <span>
                  <Link href={`/interviews/${i.id}`} className="font-medium text-brand-700 hover:underline">
                    {i.candidate}
                  </Link>{' '}
                  · {i.opening}
                </span>
                <span className="flex items-center gap-2 text-slate-600">
                  <LocalTime iso={i.scheduledAt.toISOString()} /> · {i.durationMinutes} min
                  <Badge tone={badge(i).tone}>{badge(i).label}</Badge>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}

export default async function InterviewsPage({ searchParams }: { searchParams: Promise<{ timeZone?: string | string[] }> }) {
  const { ctx } = await requirePageContext();
  // "Today" is the viewer's day: the zone comes from the URL, which the browser fills in on a first visit.
  const { timeZone: asked } = await searchParams;
  const timeZone = typeof asked === 'string' && isTimeZone(asked) ? asked : null;
  const groups = await groupMyInterviews(ctx, new Date(), timeZone ?? 'UTC');
  const total = groups.today.length + groups.upcoming.length + groups.owed.length + groups.done.length;
  return (
    <>
      <AdoptViewerTimeZone chosen={timeZone !== null} />
      <PageHeader title="My interviews" description="Interviews you sit on. Open one to run it with the live scorecard; your notes save as you type." />
      {total === 0 ? (
        <EmptyState title="You are not on any interview panel yet">When a recruiter schedules you on a panel, the interview appears here.</EmptyState>
      ) : (
        <div className="space-y-8">
          <TimeZoneNote />
          <InterviewList title="Today" rows={groups.today} empty="Nothing today." />
          <InterviewList title="Upcoming" rows={groups.upcoming} empty="Nothing scheduled after today." />
          <InterviewList title="Feedback owed" rows={groups.owed} empty="You are all caught up." />
          <InterviewList title="Submitted" rows={groups.done} empty="No submitted feedback yet." />
        </div>
      )}
    </>
  );
}
