import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageHeader } from '@/app/_components/ui';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { can } from '@/lib/context';
import { listInterviewsAroundNow, summarizeOverdueFeedback } from '@/lib/interviews/overview';
import { summarizeMyInterviews } from '@/lib/interviews/queries';
import { formatOwedFor, INTERVIEW_STATE_LABELS, INTERVIEW_STATE_TONES } from '@/lib/interviews/status';
import { listApplicationsAwaitingDecision } from '@/lib/decisions/queries';
import { ReadyForDecision } from './_components/ready-for-decision';
import { TodaysInterviews } from './_components/todays-interviews';
import { requirePageContext } from './page-context';

export const metadata: Metadata = { title: 'Home' };

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export default async function HomePage() {
  const { ctx, request } = await requirePageContext();
  const now = new Date();
  // Members who see every interview also get the organization's picture: what needs chasing today.
  const seesLoop = can(ctx, 'interview:read_all');
  const [{ upcoming, owed }, overdue, around, awaitingDecision] = await Promise.all([
    summarizeMyInterviews(ctx, now),
    seesLoop ? summarizeOverdueFeedback(ctx, { worst: 5 }, now) : null,
    seesLoop ? listInterviewsAroundNow(ctx, now) : null,
    listApplicationsAwaitingDecision(ctx),
  ]);
  // Shown to those who may decide: decision:record, or the hiring manager of an opening with one waiting.
  const showDecisions = can(ctx, 'decision:record') || awaitingDecision.length > 0;
  const role = request.activeOrganization ? ROLE_LABELS[request.activeOrganization.role] : '';

  const shortcuts = [
    can(ctx, 'question:read') && { href: '/questions', title: 'Question bank', text: 'Skill-tagged questions with anchored rubrics.' },
    can(ctx, 'kit:read') && { href: '/kits', title: 'Interview kits', text: 'Structured plans every interviewer follows.' },
    can(ctx, 'opening:read') && { href: '/openings', title: 'Openings', text: 'Roles you are hiring for and their loops.' },
    can(ctx, 'dashboard:read') && { href: '/dashboard', title: 'Dashboard', text: 'Compare candidates on evidence.' },
  ].filter(Boolean) as { href: string; title: string; text: string }[];

  return (
    <>
      <PageHeader
        title={`Welcome, ${request.account.name ?? request.account.email}`}
        description={`${request.activeOrganization?.name} · ${role}`}
      />
      {/* What needs the team: one card per concern, for the roles that act on it. Further cards
          (e.g. candidates ready for a decision) join this grid. */}
      {overdue && around ? (
        <div className="mb-6 grid gap-6 lg:grid-cols-2">
          <Card className="p-5">
            <h2 className="text-base font-semibold">Overdue feedback</h2>
            {overdue.cards === 0 ? (
              <p className="mt-2 text-sm text-slate-600">No feedback is overdue.</p>
            ) : (
              <>
                <p className="mt-2 text-sm">
                  <Link href="/loop?overdue=1" className="font-medium text-red-800 underline hover:no-underline">
                    {overdue.cards} overdue {overdue.cards === 1 ? 'scorecard' : 'scorecards'}
                  </Link>{' '}
                  on {overdue.interviews} {overdue.interviews === 1 ? 'interview' : 'interviews'}
                </p>
                <ul aria-label="Longest overdue" className="mt-2 divide-y divide-slate-200">
                  {overdue.worst.map((w) => (
                    <li key={`${w.interviewId}-${w.userId}`} className="py-2 text-sm">
                      <span className="font-medium">{w.interviewer}</span> owes feedback on{' '}
                      {/* Underlined: inside a sentence, colour alone would not set the link apart. */}
                      <Link href={`/candidates/${w.candidateId}`} className="text-brand-700 underline hover:no-underline">
                        {w.candidateName}
                      </Link>{' '}
                      ({w.openingTitle}
                      {w.stage ? ` · ${w.stage}` : ''})
                      <span className="block text-red-800">for {formatOwedFor(now.getTime() - w.owedSince.getTime())}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
          <Card className="p-5">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-base font-semibold">Today’s interviews</h2>
              <Link href="/loop" className="text-sm font-medium text-brand-700 hover:underline">
                Loop overview
              </Link>
            </div>
            <TodaysInterviews
              now={now.toISOString()}
              items={around.rows.map((r) => ({
                id: r.id,
                at: r.scheduledAt.toISOString(),
                endsAt: r.endsAt.toISOString(),
                candidateId: r.candidate.id,
                candidate: r.candidate.name,
                opening: r.opening.title,
                stage: r.stage,
                panel: r.panel.map((p) => p.name).join(', '),
                state: INTERVIEW_STATE_LABELS[r.state],
                tone: INTERVIEW_STATE_TONES[r.state],
              }))}
            />
          </Card>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {showDecisions ? <ReadyForDecision applications={awaitingDecision} /> : null}
        <Card className="p-5">
          <h2 className="text-base font-semibold">Your upcoming interviews</h2>
          {upcoming.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Nothing scheduled for you.</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-200">
              {upcoming.slice(0, 5).map((i) => (
                <li key={i.id} className="py-2 text-sm">
                  <Link href={`/interviews/${i.id}`} className="font-medium text-brand-700 hover:underline">
                    {i.candidate}
                  </Link>{' '}
                  · {i.opening}
                  <span className="block text-slate-600">
                    {when.format(i.scheduledAt)} · {i.durationMinutes} min
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="p-5">
          <h2 className="text-base font-semibold">Feedback you owe</h2>
          {owed.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">You are all caught up.</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-200">
              {owed.map((i) => (
                <li key={i.id} className="py-2 text-sm">
                  <Link href={`/interviews/${i.id}`} className="font-medium text-brand-700 hover:underline">
                    {i.candidate}
                  </Link>{' '}
                  · {i.opening}
                  <span className="block text-slate-600">Interviewed {when.format(i.scheduledAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      {shortcuts.length ? (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {shortcuts.map((s) => (
            <li key={s.href}>
              <Link href={s.href} className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
                <span className="font-semibold text-slate-900">{s.title}</span>
                <span className="mt-1 block text-sm text-slate-600">{s.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
