import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageHeader } from '@/app/_components/ui';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { can } from '@/lib/context';
import { summarizeMyInterviews } from '@/lib/interviews/queries';
import { listApplicationsAwaitingDecision } from '@/lib/decisions/queries';
import { ReadyForDecision } from './_components/ready-for-decision';
import { requirePageContext } from './page-context';

export const metadata: Metadata = { title: 'Home' };

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export default async function HomePage() {
  const { ctx, request } = await requirePageContext();
  const [{ upcoming, owed }, awaitingDecision] = await Promise.all([summarizeMyInterviews(ctx), listApplicationsAwaitingDecision(ctx)]);
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
