// The custom migration 0009 on rows written before it: applications closed before closed_at
// existed get the time of their last audited move (or their last update), and personal values
// that older code wrote into audit_events.data are scrubbed while ids, enums and counts stay.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, auditEvents, candidates, openings } from '@/db/schema';
import { setupTestDatabase } from './support/database';
import { createOrgWithAdmin } from './support/factories';

// Opts out of per-test transactions: it runs migrations on the connection itself.
const t = setupTestDatabase({ isolation: 'file' });
const migration = readFileSync(path.join(import.meta.dirname, '../../drizzle/0009_backfill_closed_at_and_scrub_audit.sql'), 'utf8');

async function runMigration() {
  for (const statement of migration.split('--> statement-breakpoint')) if (statement.trim()) await t.db.execute(sql.raw(statement));
}

describe('migration 0009', () => {
  it('backfills closed_at and scrubs personal keys from existing audit rows', async () => {
    const { ctx } = await createOrgWithAdmin(t.db, 'Legacy Co');
    const org = ctx.organizationId;
    const [opening] = await t.db.insert(openings).values({ organizationId: org, title: 'Legacy opening', level: 'mid' }).returning();
    const [cand] = await t.db.insert(candidates).values({ organizationId: org, name: 'Lena Legacy', email: 'lena.legacy@example.test' }).returning();
    const [cand2] = await t.db.insert(candidates).values({ organizationId: org, name: 'Otto Old', email: 'otto.old@example.test' }).returning();
    const updatedAt = new Date('2024-03-01T10:00:00Z');
    const movedAt = new Date('2024-02-01T09:30:00Z');
    const [moved] = await t.db.insert(applications).values({ organizationId: org, candidateId: cand!.id, openingId: opening!.id, stage: 'rejected', updatedAt }).returning();
    const [unaudited] = await t.db.insert(applications).values({ organizationId: org, candidateId: cand2!.id, openingId: opening!.id, stage: 'withdrawn', updatedAt }).returning();
    const [active] = await t.db.insert(applications).values({ organizationId: org, candidateId: cand2!.id, openingId: (await t.db.insert(openings).values({ organizationId: org, title: 'Other', level: 'mid' }).returning())[0]!.id, stage: 'active' }).returning();
    await t.db.insert(auditEvents).values([
      { organizationId: org, actorUserId: ctx.userId, action: 'application.moved', entityType: 'application', entityId: moved!.id, data: { from: 'active', to: 'rejected' }, createdAt: movedAt },
      { organizationId: org, actorUserId: ctx.userId, action: 'invitation.created', entityType: 'invitation', entityId: null, data: { email: 'invitee@example.test', role: 'interviewer' } },
      { organizationId: org, actorUserId: ctx.userId, action: 'interview.cancelled', entityType: 'interview', entityId: null, data: { revision: 1, reason: 'Lena Legacy was ill' } },
      { organizationId: org, actorUserId: ctx.userId, action: 'candidate.updated', entityType: 'candidate', entityId: cand!.id, data: { name: 'Lena Legacy', phone: '+1 555 0199', fields: ['name', 'phone'] } },
      { organizationId: org, actorUserId: ctx.userId, action: 'skill.created', entityType: 'skill', entityId: null, data: { name: 'Kafka' } },
    ]);

    await runMigration();

    const closed = new Map((await t.db.select().from(applications).where(eq(applications.organizationId, org))).map((a) => [a.id, a.closedAt?.toISOString() ?? null]));
    expect(closed.get(moved!.id)).toBe(movedAt.toISOString());
    expect(closed.get(unaudited!.id)).toBe(updatedAt.toISOString());
    expect(closed.get(active!.id)).toBeNull();

    const events = await t.db.select({ action: auditEvents.action, data: auditEvents.data }).from(auditEvents).where(eq(auditEvents.organizationId, org));
    const dataOf = (action: string) => events.find((e) => e.action === action)!.data;
    expect(dataOf('invitation.created')).toEqual({ role: 'interviewer' });
    expect(dataOf('interview.cancelled')).toEqual({ revision: 1 });
    expect(dataOf('candidate.updated')).toEqual({ fields: ['name', 'phone'] });
    expect(dataOf('skill.created')).toEqual({ name: 'Kafka' }); // not personal
    const text = JSON.stringify(events);
    for (const value of ['Lena', 'example.test', '555 0199', 'was ill']) expect(text).not.toContain(value);

    // Running it again changes nothing (a re-applied backfill keeps its values).
    await runMigration();
    expect((await t.db.select().from(applications).where(eq(applications.id, moved!.id)))[0]!.closedAt!.toISOString()).toBe(movedAt.toISOString());
  });
});
