import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, Card, ComingSoon, EmptyState } from '@/app/_components/ui';
import { listMyInterviews } from '@/lib/interviews/queries';
import { requirePageContext } from '../page-context';

export const metadata: Metadata = { title: 'Interviews' };

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export default async function InterviewsPage() {
  const { ctx } = await requirePageContext();
  const rows = await listMyInterviews(ctx);
  return (
    <>
      <ComingSoon
        title="My interviews"
        description="Interviews you sit on, and the feedback you still owe."
        bullets={['Schedule interviews with a panel and a pinned kit version', 'Openings, candidates and CSV import']}
      />
      <h2 className="mb-3 mt-8 text-base font-semibold">Your interviews</h2>
      {rows.length === 0 ? (
        <EmptyState title="You are not on any interview panel yet" />
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
                  {when.format(i.scheduledAt)}
                  <Badge tone={i.scorecardStatus === 'submitted' ? 'green' : i.status === 'completed' ? 'amber' : 'slate'}>
                    {i.scorecardStatus === 'submitted' ? 'Feedback submitted' : i.status === 'completed' ? 'Feedback owed' : 'Scheduled'}
                  </Badge>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
