import 'server-only';
// The development outbox as an organization's admins see it: mail that belongs to the
// organization (invitations), plus account mail (password reset, verification) sent to the
// addresses of its current members — never another organization's mail or strangers' accounts.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { mailOutbox, memberships, users } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';

export const OUTBOX_PAGE_SIZE = 100;

function visibleToOrganization(organizationId: string) {
  const memberAddresses = sql`(select lower(${users.email}) from ${users} join ${memberships} on ${memberships.userId} = ${users.id} where ${memberships.organizationId} = ${organizationId})`;
  return or(eq(mailOutbox.organizationId, organizationId), and(isNull(mailOutbox.organizationId), inArray(sql`lower(${mailOutbox.recipient})`, memberAddresses)));
}

export async function listOutboxMail(ctx: Ctx) {
  requirePermission(ctx, 'org:manage');
  return ctx.db
    .select({ id: mailOutbox.id, kind: mailOutbox.kind, recipient: mailOutbox.recipient, subject: mailOutbox.subject, body: mailOutbox.body, calendar: mailOutbox.calendar, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .where(visibleToOrganization(ctx.organizationId))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(OUTBOX_PAGE_SIZE);
}

/** One mail; another organization's (or a stranger's) mail is indistinguishable from a missing one. */
export async function getOutboxMail(ctx: Ctx, mailId: string) {
  requirePermission(ctx, 'org:manage');
  if (!/^[0-9a-f-]{36}$/i.test(mailId)) throw new NotFoundError('Mail');
  const [mail] = await ctx.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.id, mailId), visibleToOrganization(ctx.organizationId)))
    .limit(1);
  if (!mail) throw new NotFoundError('Mail');
  return mail;
}
