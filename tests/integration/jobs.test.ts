// The job queue (pg-boss) on the engine under test — PGlite through the app's adapter, or
// PostgreSQL with pg-boss's own pool: delivery exactly once across two workers, retries,
// singleton keys, cron registration, and the real 'mail.send' job into the outbox.
import { eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditEvents, candidates, mailOutbox, organizations } from '@/db/schema';
import { createCandidate } from '@/lib/candidates/mutations';
import { sendJob } from '@/lib/jobs/enqueue';
import { installJobStore, type StartJobQueueOptions, startJobQueue } from '@/lib/jobs/runner';
import { defineJob } from '@/lib/jobs/types';
import { sendMail } from '@/lib/mail';
import { setupTestDatabase } from './support/database';
import { createOrgWithAdmin, uniqueEmail } from './support/factories';

// Opts out of per-test transactions: pg-boss workers poll on their own pool (SKIP LOCKED), which
// a test's open transaction would hide rows from (PostgreSQL) or block (PGlite).
const t = setupTestDatabase({ isolation: 'file' });
const running: PgBoss[] = [];

afterEach(async () => {
  while (running.length) await running.pop()!.stop({ graceful: false, wait: true });
});

function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function jobStates(name: string) {
  return rows<{ state: string; retry_count: number }>(
    await t.db.execute(sql`select state, retry_count from pgboss.job where name = ${name} order by created_on`),
  );
}

async function start(jobs: StartJobQueueOptions['jobs']) {
  const boss = await startJobQueue(t.connection, { jobs, pollingIntervalSeconds: 0.5, schedule: false });
  running.push(boss);
  return boss;
}

describe('job queue', () => {
  it('processes each job exactly once, even with two workers polling the same queue', async () => {
    const seen: number[] = [];
    const job = defineJob({
      name: 'test.count',
      handler: async (data: { n: number }) => {
        seen.push(data.n);
      },
    });
    await installJobStore(t.connection, [job]);
    for (let n = 1; n <= 6; n++) await sendJob(job.name, { n }, { db: t.db });
    await start([job]);
    await start([job]);
    await vi.waitFor(async () => expect((await jobStates(job.name)).every((j) => j.state === 'completed')).toBe(true), { timeout: 20_000, interval: 200 });
    // A little longer: nothing is picked up a second time.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('retries a failing job until it succeeds', async () => {
    let attempts = 0;
    const job = defineJob({
      name: 'test.flaky',
      retryLimit: 3,
      retryDelaySeconds: 0,
      retryBackoff: false,
      handler: async () => {
        attempts += 1;
        if (attempts < 3) throw new Error(`attempt ${attempts} fails`);
      },
    });
    await installJobStore(t.connection, [job]);
    await sendJob(job.name, {}, { db: t.db });
    await start([job]);
    await vi.waitFor(async () => expect(await jobStates(job.name)).toEqual([{ state: 'completed', retry_count: 2 }]), { timeout: 20_000, interval: 200 });
    expect(attempts).toBe(3);
  });

  it('a singletonKey on a stately queue refuses a second queued job for the same key', async () => {
    const job = defineJob({ name: 'test.daily', policy: 'stately', handler: async () => {} });
    await installJobStore(t.connection, [job]);
    const first = await sendJob(job.name, {}, { db: t.db, singletonKey: 'org-1' });
    const duplicate = await sendJob(job.name, {}, { db: t.db, singletonKey: 'org-1' });
    const otherKey = await sendJob(job.name, {}, { db: t.db, singletonKey: 'org-2' });
    expect(first).toEqual(expect.any(String));
    expect(duplicate).toBeNull();
    expect(otherKey).toEqual(expect.any(String));
    expect(await jobStates(job.name)).toHaveLength(2);
  });

  it('a job sent inside a transaction that rolls back is never queued', async () => {
    const job = defineJob({ name: 'test.tx', handler: async () => {} });
    await installJobStore(t.connection, [job]);
    await t.db
      .transaction(async (tx) => {
        await sendJob(job.name, {}, { db: tx });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await jobStates(job.name)).toEqual([]);
  });

  it('registers cron schedules once, however many instances declare them', async () => {
    const job = defineJob({ name: 'test.cron', schedule: '17 3 * * *', policy: 'stately', handler: async () => {} });
    const boss = await startJobQueue(t.connection, { jobs: [job], pollingIntervalSeconds: 0.5 });
    running.push(boss);
    running.push(await startJobQueue(t.connection, { jobs: [job], pollingIntervalSeconds: 0.5 }));
    const schedules = await boss.getSchedules();
    expect(schedules.filter((s) => s.name === job.name)).toEqual([expect.objectContaining({ cron: '17 3 * * *', timezone: 'UTC' })]);
  });

  it("delivers 'mail.send' into the development outbox through a running worker, once", async () => {
    await start(undefined);
    const to = uniqueEmail('mail');
    await sendMail(t.db, { kind: 'password_reset', organizationId: null, to, subject: 'Hello', text: 'Body http://localhost:3000/x' });
    await vi.waitFor(async () => expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, to))).toHaveLength(1), {
      timeout: 20_000,
      interval: 200,
    });
    await vi.waitFor(async () => expect((await jobStates('mail.send')).every((j) => j.state === 'completed')).toBe(true), { timeout: 10_000, interval: 200 });
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, to))).toHaveLength(1);
  });

  it('runs the registered retention job through the queue: a due candidate is erased once, however often it runs', async () => {
    const { ctx } = await createOrgWithAdmin(t.db);
    await t.db.update(organizations).set({ candidateRetentionMonths: 12 }).where(eq(organizations.id, ctx.organizationId));
    const { candidateId } = await createCandidate(ctx, { name: 'Old Applicant', email: uniqueEmail('old') });
    const { candidateId: recentId } = await createCandidate(ctx, { name: 'Recent Applicant', email: uniqueEmail('recent') });
    const twoYearsAgo = new Date(Date.now() - 2 * 365 * 86_400_000);
    await t.db.update(candidates).set({ updatedAt: twoYearsAgo }).where(eq(candidates.id, candidateId));

    const boss = await start(undefined);
    const scheduled = (await boss.getSchedules()).map((s) => s.name);
    expect(scheduled).toEqual(expect.arrayContaining(['candidates.retention', 'auth.prune-sign-in-records']));
    // Run it twice (a retry, or a second instance's cron tick): the second finds nobody due.
    for (const runs of [1, 2]) {
      await sendJob('candidates.retention', {}, { db: t.db });
      await vi.waitFor(async () => expect((await jobStates('candidates.retention')).filter((j) => j.state === 'completed')).toHaveLength(runs), { timeout: 30_000, interval: 200 });
    }

    const [erased] = await t.db.select().from(candidates).where(eq(candidates.id, candidateId));
    expect(erased!.erasedAt).not.toBeNull();
    expect(erased!.name).not.toBe('Old Applicant');
    const [kept] = await t.db.select().from(candidates).where(eq(candidates.id, recentId));
    expect(kept!.erasedAt).toBeNull();
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, candidateId));
    expect(events.filter((e) => e.action === 'candidate.erased')).toEqual([expect.objectContaining({ actorUserId: null, data: expect.objectContaining({ trigger: 'retention' }) })]);
  });
});
