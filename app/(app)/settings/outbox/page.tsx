import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { LocalTime } from '@/app/_components/local-time';
import { AccessDenied, Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { smtpConfigured } from '@/lib/mail';
import { listOutboxMail } from '@/lib/outbox/queries';
import { publicOrigin } from '@/lib/urls';
import { requirePageContext } from '../../page-context';
import { SettingsTabs } from '../settings-tabs';

export const metadata: Metadata = { title: 'Outbox' };

const KIND_LABELS: Record<string, string> = {
  invitation: 'Invitation',
  password_reset: 'Password reset',
  email_verification: 'E-mail verification',
  interview_invite: 'Interview invite',
  feedback_reminder: 'Feedback reminder',
  feedback_complete: 'All feedback is in',
  outcome_reminder: 'Post-hire outcome due',
};

/** Plain text with this app's own links made clickable (and nothing else: names are user text). */
function MailBody({ text, origin }: { text: string; origin: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/\S+/g)) {
    const url = match[0];
    if (!url.startsWith(`${origin}/`)) continue;
    parts.push(text.slice(last, match.index));
    parts.push(
      <a key={match.index} href={url} className="break-all font-medium text-brand-700 underline">
        {url}
      </a>,
    );
    last = match.index + url.length;
  }
  parts.push(text.slice(last));
  return <p className="whitespace-pre-wrap text-sm text-slate-800">{parts}</p>;
}

export default async function OutboxPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'org:manage')) return <AccessDenied what="the outbox" />;
  // With SMTP configured, mail really leaves and nothing is kept here.
  if (smtpConfigured()) notFound();
  const [mails, origin] = [await listOutboxMail(ctx), publicOrigin()];
  return (
    <>
      <PageHeader
        title="Settings"
        description="No SMTP server is configured, so Loopkit keeps e-mail here instead of sending it: invitations from this organization, and password-reset and verification mail to its members."
      />
      <SettingsTabs current="outbox" canManageOrg />
      {mails.length === 0 ? (
        <EmptyState title="No e-mail yet">Invitations, password resets and verification e-mails to your members appear here.</EmptyState>
      ) : (
        <ul className="space-y-4" aria-label="E-mails">
          {mails.map((mail) => (
            <li key={mail.id}>
              <Card className="p-4">
                <article aria-labelledby={`mail-${mail.id}`}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 id={`mail-${mail.id}`} className="text-base font-semibold">
                      {mail.subject}
                    </h2>
                    <Badge>{KIND_LABELS[mail.kind] ?? mail.kind}</Badge>
                  </div>
                  <p className="mt-1 text-sm text-slate-600">
                    To {mail.recipient} · <LocalTime iso={mail.createdAt.toISOString()} />
                  </p>
                  <div className="mt-3 border-t border-slate-200 pt-3">
                    <MailBody text={mail.body} origin={origin} />
                  </div>
                  {mail.calendar ? (
                    <details className="mt-3 border-t border-slate-200 pt-3">
                      <summary className="cursor-pointer text-sm font-medium text-slate-800">Calendar invite ({/^METHOD:(\w+)/m.exec(mail.calendar)?.[1] ?? 'iCalendar'})</summary>
                      <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs text-slate-800">{mail.calendar}</pre>
                    </details>
                  ) : null}
                </article>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
