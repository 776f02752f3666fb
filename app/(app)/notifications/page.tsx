import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalTime } from '@/app/_components/local-time';
import { Badge, Card, EmptyState, PageHeader, buttonClass } from '@/app/_components/ui';
import { listNotifications, NOTIFICATIONS_PAGE_SIZE, type NotificationItem } from '@/lib/notifications/queries';
import { requirePageContext } from '../page-context';
import { markAllNotificationsReadAction, markNotificationReadAction } from './actions';

export const metadata: Metadata = { title: 'Notifications' };

const KIND: Record<NotificationItem['kind'], { label: string; tone: 'brand' | 'amber' | 'red' | 'green' | 'slate' }> = {
  interview_scheduled: { label: 'Invite', tone: 'brand' },
  interview_rescheduled: { label: 'Moved', tone: 'amber' },
  interview_cancelled: { label: 'Cancelled', tone: 'red' },
  feedback_reminder: { label: 'Feedback owed', tone: 'amber' },
  feedback_complete: { label: 'All feedback in', tone: 'green' },
  outcome_due: { label: 'Outcome due', tone: 'amber' },
};

function headline(n: NotificationItem): string {
  const about = `${n.stage ?? 'Interview'} with ${n.candidate ?? 'a candidate'}${n.opening ? ` (${n.opening})` : ''}`;
  switch (n.kind) {
    case 'interview_scheduled':
      return `You are on the panel: ${about}`;
    case 'interview_rescheduled':
      return `Interview moved: ${about}`;
    case 'interview_cancelled':
      return `Interview cancelled for you: ${about}`;
    case 'feedback_reminder':
      return `Your scorecard is still owed: ${about}`;
    case 'feedback_complete':
      return `All feedback is in for ${n.candidate ?? 'a candidate'}${n.opening ? ` (${n.opening})` : ''}: open the debrief`;
    case 'outcome_due':
      return `A post-hire outcome is due for ${n.candidate ?? 'a hire'}${n.opening ? ` (${n.opening})` : ''}: record it`;
  }
}

export default async function NotificationsPage() {
  const { ctx } = await requirePageContext();
  const items = await listNotifications(ctx);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          <>
            Interview invites, feedback reminders and “all feedback is in”. Choose which of them also come by e-mail in{' '}
            <Link href="/settings/notifications" className="font-medium text-brand-700 underline">
              Settings → Notifications and time zone
            </Link>
            .
          </>
        }
        actions={
          unread > 0 ? (
            <form action={markAllNotificationsReadAction}>
              <button type="submit" className={buttonClass('secondary')}>
                Mark all as read
              </button>
            </form>
          ) : null
        }
      />
      {items.length === 0 ? (
        <EmptyState title="No notifications yet">When you are put on an interview panel, owe feedback, or all feedback on a candidate is in, it shows up here.</EmptyState>
      ) : (
        <Card>
          <ul aria-label="Notifications" className="divide-y divide-slate-200">
            {items.map((n) => {
              const text = headline(n);
              return (
                <li key={n.id} className={`flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between ${n.readAt ? '' : 'bg-brand-50/40'}`}>
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 text-sm">
                      <Badge tone={KIND[n.kind].tone}>{KIND[n.kind].label}</Badge>
                      {n.readAt ? null : <span className="sr-only">Unread:</span>}
                      <Link href={n.href} className={`break-words text-slate-900 underline-offset-2 hover:underline ${n.readAt ? '' : 'font-semibold'}`}>
                        {text}
                      </Link>
                    </p>
                    <p className="mt-1 text-xs text-slate-600">
                      <LocalTime iso={n.createdAt.toISOString()} />
                      {n.scheduledAt && n.kind !== 'feedback_complete' ? (
                        <>
                          {' '}
                          · interview <LocalTime iso={n.scheduledAt.toISOString()} />
                        </>
                      ) : null}
                    </p>
                  </div>
                  {n.readAt ? (
                    <span className="text-xs text-slate-500">Read</span>
                  ) : (
                    <form action={markNotificationReadAction}>
                      <input type="hidden" name="notificationId" value={n.id} />
                      <button type="submit" className={buttonClass('ghost', 'px-2 py-1 text-xs')} aria-label={`Mark as read: ${text}`}>
                        Mark as read
                      </button>
                    </form>
                  )}
                </li>
              );
            })}
          </ul>
          {items.length === NOTIFICATIONS_PAGE_SIZE ? <p className="border-t border-slate-200 px-4 py-3 text-xs text-slate-600">Showing the newest {NOTIFICATIONS_PAGE_SIZE}.</p> : null}
        </Card>
      )}
    </>
  );
}
