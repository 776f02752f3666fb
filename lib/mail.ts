import 'server-only';
// Outgoing e-mail. sendMail queues a 'mail.send' job (in the caller's transaction, so a mail
// exists exactly when the change behind it commits); the job delivers through SMTP when SMTP_URL
// is set, otherwise into the development outbox that admins read under Settings → Outbox.
// Logs never carry a full address or, in production, a link.
import { randomUUID } from 'node:crypto';
import type { DbExecutor } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { env } from './env';
import { enqueue } from './jobs/enqueue';
import type { JobContext } from './jobs/types';

export const MAIL_KINDS = ['invitation', 'password_reset', 'email_verification', 'interview_invite', 'feedback_reminder', 'feedback_complete', 'self_identification', 'outcome_reminder'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface OutgoingMail {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  /** The organization the mail belongs to; null for account mail (reset, verification). */
  organizationId: string | null;
  /** An iCalendar invite (RFC 5545/6047): sent as a text/calendar alternative with its METHOD. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

/** What the 'mail.send' job carries: the mail and an id chosen once, so retries deduplicate. */
export interface MailJobData extends OutgoingMail {
  mailId: string;
}

export const OUTBOX_PATH = '/settings/outbox';

export function smtpConfigured(): boolean {
  const { SMTP_URL, SMTP_FROM } = env();
  return Boolean(SMTP_URL && SMTP_FROM);
}

/** Queues a mail. Pass the open transaction so the mail is sent only if it commits. */
export async function sendMail(db: DbExecutor, mail: OutgoingMail): Promise<void> {
  await enqueue('mail.send', { ...mail, mailId: randomUUID() }, { db });
}

/** r***@example.com: enough to tell mails apart in a log, not enough to identify anyone. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

let transport: Promise<import('nodemailer').Transporter> | undefined;

async function smtpTransport() {
  transport ??= import('nodemailer').then((nodemailer) => nodemailer.createTransport(env().SMTP_URL));
  return transport;
}

/** The 'mail.send' job. Idempotent: the outbox row's id is the mail's id; SMTP gets a stable Message-ID. */
export async function deliverMail(data: MailJobData, { db }: JobContext): Promise<void> {
  if (smtpConfigured()) {
    // A retry after a crash between the SMTP reply and the job's completion can send the mail
    // twice; the fixed Message-ID lets receiving servers and clients fold the copies together.
    await (await smtpTransport()).sendMail({
      from: env().SMTP_FROM,
      to: data.to,
      subject: data.subject,
      text: data.text,
      messageId: `<${data.mailId}@loopkit>`,
      // nodemailer adds it as a text/calendar; method=… alternative (and an invite.ics attachment),
      // which calendar clients show with Accept/Decline or as a cancellation.
      ...(data.calendar ? { icalEvent: { method: data.calendar.method, filename: 'invite.ics', content: data.calendar.content } } : {}),
    });
    return;
  }
  const inserted = await db
    .insert(mailOutbox)
    .values({ id: data.mailId, organizationId: data.organizationId, kind: data.kind, recipient: data.to, subject: data.subject, body: data.text, calendar: data.calendar?.content ?? null })
    .onConflictDoNothing()
    .returning({ id: mailOutbox.id });
  if (inserted.length === 0) return;
  console.log(`[outbox] "${data.subject}" to ${maskEmail(data.to)} — read it at ${OUTBOX_PATH}`);
  // The link is a credential: only a developer's own terminal may show it.
  if (env().NODE_ENV !== 'production') {
    const link = data.text.match(/https?:\/\/\S+/)?.[0];
    if (link) console.log(`[outbox]   link: ${link}`);
  }
}

let warned = false;

/** Called once on start: production without SMTP keeps mail in the outbox, which nobody may expect. */
export function warnIfMailIsNotDelivered(): void {
  if (warned || smtpConfigured() || env().NODE_ENV !== 'production') return;
  warned = true;
  console.warn(
    `\n⚠ SMTP_URL is not set: e-mail (invitations, password resets, verification) is NOT delivered.\n` +
      `  It is kept in the development outbox instead (${OUTBOX_PATH}, admins only). Set SMTP_URL and SMTP_FROM.\n`,
  );
}
