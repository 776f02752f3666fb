import 'server-only';
// Reading the audit log (Settings → Audit log): one organization's events, newest first, filtered
// by actor, entity and date range, a page at a time. The cursor carries the event's time in whole
// microseconds as PostgreSQL computes it (a JavaScript Date would drop the last three digits and
// skip or repeat events that share a millisecond) plus its id to break ties.
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents, users } from '@/db/schema';
import { type Ctx, requirePermission } from './context';
import { parseInput } from './validation';

const ACTION_LABELS: Record<string, string> = {
  'application.created': 'Applied to an opening',
  'application.moved': 'Moved an application',
  'candidate.created': 'Added a candidate',
  'candidate.updated': 'Edited a candidate',
  'candidate.erased': 'Erased a candidate’s personal data',
  'candidates.imported': 'Imported candidates',
  'self_identification.link_sent': 'Sent a self-identification link',
  'self_identification.answered': 'A candidate answered the self-identification form',
  'adverse_impact.viewed': 'Viewed the adverse-impact report',
  'interview.scheduled': 'Scheduled an interview',
  'interview.rescheduled': 'Rescheduled an interview',
  'interview.cancelled': 'Cancelled an interview',
  'interview.started': 'Started an interview (live scorecard opened)',
  'invitation.created': 'Invited a member',
  'invitation.accepted': 'Accepted an invitation',
  'invitation.revoked': 'Revoked an invitation',
  'kit.created': 'Created a kit',
  'kit.draft_saved': 'Saved a kit draft',
  'kit.draft_started': 'Started a new kit draft',
  'kit.imported': 'Imported a kit',
  'kit.published': 'Published a kit',
  'kit.qualification_granted': 'Marked a member qualified for a kit',
  'kit.qualification_revoked': 'Marked a member no longer qualified for a kit',
  'member.removed': 'Removed a member',
  'member.role_changed': 'Changed a member’s role',
  'member.erased': 'A member erased their account',
  'opening.created': 'Created an opening',
  'opening.updated': 'Edited an opening',
  'outcome.recorded': 'Recorded a post-hire outcome',
  'outcome.updated': 'Edited a post-hire outcome',
  'validity.weights_accepted': 'Accepted skill weights suggested by predictive validity',
  'organization.created': 'Created the organization',
  'organization.updated': 'Changed organization settings',
  'organization.reminders_updated': 'Changed feedback reminder settings',
  'question.created': 'Created a question',
  'question.updated': 'Edited a question',
  'question.copied': 'Copied a question',
  'question.archived': 'Archived a question',
  'question.restored': 'Restored a question',
  'questions.imported': 'Imported questions',
  'scorecard.submitted': 'Submitted a scorecard',
  'scorecard.reopened': 'Reopened a scorecard',
  'skill.created': 'Created a skill',
  'skill.archived': 'Archived a skill',
  'skill_category.created': 'Created a skill category',
};

/** "candidate.erased" → its label; an action added later without one still reads as words. */
export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replace(/[._]/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const day = z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31').optional());

export const AuditLogFilters = z.object({
  actorUserId: z.preprocess(blankToUndefined, z.uuid({ error: 'Choose a member from the list' }).optional()),
  entityType: z.preprocess(blankToUndefined, z.string().trim().max(60).regex(/^[a-z_]+$/, 'Choose a type from the list').optional()),
  entityId: z.preprocess(blankToUndefined, z.string().trim().max(80).optional()),
  from: day,
  to: day,
  /** The viewer's IANA time zone: "from" and "to" are whole days there. */
  timeZone: z.preprocess(blankToUndefined, z.string().max(64).refine((tz) => isTimeZone(tz), 'Unknown time zone').default('UTC')),
  cursor: z.preprocess(blankToUndefined, z.string().regex(/^\d{1,20}_[0-9a-f-]{36}$/, 'The page link is damaged: start again').optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditLogFilters = z.input<typeof AuditLogFilters>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface AuditLogEntry {
  id: string;
  at: Date;
  action: string;
  label: string;
  actor: { id: string; name: string } | null;
  entityType: string;
  entityId: string | null;
  data: Record<string, unknown>;
}

const micros = sql<string>`(floor(extract(epoch from ${auditEvents.createdAt}) * 1000000))::bigint::text`;

export async function listAuditEvents(ctx: Ctx, input: unknown): Promise<{ entries: AuditLogEntry[]; nextCursor: string | null }> {
  requirePermission(ctx, 'audit:read');
  const f = parseInput(AuditLogFilters, input);
  const where: SQL[] = [eq(auditEvents.organizationId, ctx.organizationId)];
  if (f.actorUserId) where.push(eq(auditEvents.actorUserId, f.actorUserId));
  if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
  // Days are the viewer's: midnight in their zone, converted by PostgreSQL.
  if (f.from) where.push(sql`${auditEvents.createdAt} >= (${f.from}::date)::timestamp at time zone ${f.timeZone}`);
  if (f.to) where.push(sql`${auditEvents.createdAt} < ((${f.to}::date + 1)::timestamp at time zone ${f.timeZone})`);
  if (f.cursor) {
    const [at, id] = f.cursor.split('_') as [string, string];
    const cursorTime = sql`('epoch'::timestamptz + ${at}::bigint * interval '1 microsecond')`;
    where.push(sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${cursorTime}, ${id}::uuid)`);
  }
  const rows = await ctx.db
    .select({ event: auditEvents, micros, actorName: users.name, actorEmail: users.email })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ event, actorName, actorEmail }) => ({
      id: event.id,
      at: event.createdAt,
      action: event.action,
      label: auditActionLabel(event.action),
      actor: event.actorUserId ? { id: event.actorUserId, name: actorName ?? actorEmail ?? 'Former member' } : null,
      entityType: event.entityType,
      entityId: event.entityId,
      data: event.data,
    })),
    nextCursor: rows.length > f.limit && last ? `${last.micros}_${last.event.id}` : null,
  };
}

/** The choices for the filter form: everyone who acted in this organization, and the entity types present. */
export async function listAuditFilterOptions(ctx: Ctx): Promise<{ actors: { id: string; name: string }[]; entityTypes: string[] }> {
  requirePermission(ctx, 'audit:read');
  const [actors, types] = await Promise.all([
    ctx.db
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(eq(auditEvents.organizationId, ctx.organizationId)),
    ctx.db.selectDistinct({ entityType: auditEvents.entityType }).from(auditEvents).where(eq(auditEvents.organizationId, ctx.organizationId)),
  ]);
  return {
    actors: actors.map((a) => ({ id: a.id, name: a.name ?? a.email })).sort((a, b) => a.name.localeCompare(b.name)),
    entityTypes: types.map((t) => t.entityType).sort(),
  };
}
