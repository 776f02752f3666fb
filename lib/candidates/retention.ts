import 'server-only';
// Storage limitation (GDPR 5(1)(e)): an organization keeps rejected and withdrawn candidates for
// `candidate_retention_months`, then erases them. A candidate is due once none of their
// applications is active or hired and the last of them closed longer ago than the period.
// The two plain functions at the bottom are what a scheduled job calls; the page reads the same list.
import { eq, type SQL, sql } from 'drizzle-orm';
import { organizations } from '@/db/schema';
import type { DbExecutor } from '@/db/client';
import { type Ctx, requirePermission } from '../context';
import { queryRows } from '../sql';
import { eraseCandidateRecord } from './erasure';

export interface DueCandidate {
  organizationId: string;
  candidateId: string;
  name: string;
  /** When the last application closed (or the candidate was last changed, without applications). */
  closedAt: Date;
  dueAt: Date;
}

/**
 * Candidates whose retention period ends on or before now + horizonDays, oldest due first.
 * `closed_at` is null on rows closed before it existed and not backfilled (e.g. seeded directly):
 * their last update stands in. A candidate without applications counts from their last update.
 */
export async function candidatesDueForErasure(
  db: DbExecutor,
  options: { organizationId?: string; candidateId?: string; now: Date; horizonDays: number },
): Promise<DueCandidate[]> {
  const filters: SQL[] = [sql`o.candidate_retention_months is not null`, sql`c.erased_at is null`];
  if (options.organizationId) filters.push(sql`c.organization_id = ${options.organizationId}`);
  if (options.candidateId) filters.push(sql`c.id = ${options.candidateId}`);
  const limit = new Date(options.now.getTime() + options.horizonDays * 86_400_000).toISOString();
  const rows = await queryRows<{ organization_id: string; candidate_id: string; name: string; closed_at: string | Date; due_at: string | Date }>(db, sql`
    select c.organization_id, c.id as candidate_id, c.name, d.closed_at, d.closed_at + make_interval(months => o.candidate_retention_months) as due_at
    from candidates c
    join organizations o on o.id = c.organization_id
    cross join lateral (
      select coalesce(max(coalesce(a.closed_at, a.updated_at)), c.updated_at) as closed_at,
             coalesce(bool_and(a.stage in ('rejected', 'withdrawn')), true) as all_closed
      from applications a
      where a.organization_id = c.organization_id and a.candidate_id = c.id
    ) d
    where ${sql.join(filters, sql` and `)}
      and d.all_closed
      and d.closed_at + make_interval(months => o.candidate_retention_months) <= ${limit}::timestamptz
    order by due_at, c.id`);
  return rows.map((r) => ({
    organizationId: r.organization_id,
    candidateId: r.candidate_id,
    name: r.name,
    closedAt: new Date(r.closed_at),
    dueAt: new Date(r.due_at),
  }));
}

/**
 * Erases every candidate whose period has ended, as the system (no actor), one transaction per
 * candidate so one failure leaves the others done. Idempotent: inside its transaction each
 * candidate is locked and checked again, so an application reopened in the meantime, or a second
 * run, erases nothing twice.
 */
export async function eraseExpiredCandidates(db: DbExecutor, now: Date): Promise<{ due: number; erased: number; skipped: number }> {
  const due = await candidatesDueForErasure(db, { now, horizonDays: 0 });
  let erased = 0;
  for (const candidate of due) {
    const done = await db.transaction(async (tx) => {
      const result = await eraseCandidateRecord(tx, { organizationId: candidate.organizationId, candidateId: candidate.candidateId, actorUserId: null, trigger: 'retention', now, recheck: async () => (await candidatesDueForErasure(tx, { organizationId: candidate.organizationId, candidateId: candidate.candidateId, now, horizonDays: 0 })).length > 0 });
      return result !== null;
    });
    if (done) erased += 1;
  }
  return { due: due.length, erased, skipped: due.length - erased };
}

export interface RetentionOverview {
  retentionMonths: number | null;
  horizonDays: number;
  dueNow: DueCandidate[];
  dueSoon: DueCandidate[];
}

/** Settings → Data retention: who the policy erases now and within the horizon, with the date. */
export async function getRetentionOverview(ctx: Ctx, options: { now?: Date; horizonDays?: number } = {}): Promise<RetentionOverview> {
  requirePermission(ctx, 'candidate:erase');
  const now = options.now ?? new Date();
  const horizonDays = options.horizonDays ?? 30;
  const [org] = await ctx.db.select({ candidateRetentionMonths: organizations.candidateRetentionMonths }).from(organizations).where(eq(organizations.id, ctx.organizationId));
  const due = await candidatesDueForErasure(ctx.db, { organizationId: ctx.organizationId, now, horizonDays });
  return {
    retentionMonths: org?.candidateRetentionMonths ?? null,
    horizonDays,
    dueNow: due.filter((d) => d.dueAt <= now),
    dueSoon: due.filter((d) => d.dueAt > now),
  };
}
