// Mail in integration tests: no worker runs, so tests deliver the queued 'mail.send' jobs
// themselves with the real job handler (into the outbox), then read links from the bodies.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { deliverMail, type MailJobData } from '@/lib/mail';

/** Runs the handler of every queued mail job once and marks the jobs completed. */
export async function deliverQueuedMail(db: Database): Promise<number> {
  const result: unknown = await db.execute(
    sql`update pgboss.job set state = 'completed', completed_on = now() where name = 'mail.send' and state = 'created' returning id, data`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string; data: MailJobData }[];
  for (const row of rows) await deliverMail(row.data, { db, jobId: row.id });
  return rows.length;
}

/**
 * Delivers what is queued, then returns the newest mail of a kind to an address — newest by when it
 * was sent (its job was queued), not when it reached the outbox: mails queued one after another are
 * delivered here in one batch, in no set order, within the same millisecond.
 */
export async function latestMail(db: Database, to: string, kind?: string) {
  await deliverQueuedMail(db);
  const queuedAt = sql`(select j.created_on from pgboss.job j where j.name = 'mail.send' and j.data->>'mailId' = ${mailOutbox.id}::text limit 1)`;
  const [mail] = await db
    .select()
    .from(mailOutbox)
    .where(and(sql`lower(${mailOutbox.recipient}) = ${to.toLowerCase()}`, kind ? eq(mailOutbox.kind, kind) : undefined))
    .orderBy(sql`${queuedAt} desc nulls last`, desc(mailOutbox.createdAt))
    .limit(1);
  return mail;
}

/** The token of the first link in a mail body that goes to `/prefix/<token>`. */
export function tokenFromMail(body: string | undefined, prefix: string): string {
  const match = body?.match(new RegExp(`https?://[^\\s]+/${prefix}/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no /${prefix}/ link in the mail: ${body}`);
  return match[1];
}
