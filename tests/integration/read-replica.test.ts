// The optional read replica (DATABASE_READ_URL), against a REAL streaming replica that this file
// creates with pg_basebackup -R from the test server onto port 5434: dashboard reads go to it,
// a value just written is read back from the primary while the replica has not replayed it, a
// transaction never leaves the primary, and a replica that is down costs nothing but itself.
// PostgreSQL only (PGlite cannot replicate); skipped with the reason when the server refuses
// replication connections (.ci/run allows them: `host replication all 127.0.0.1/32 trust`).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseConnection, type DbExecutor } from '@/db/client';
import { openings } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { getCalibration } from '@/lib/dashboard/calibration';
import { getOpeningGrid } from '@/lib/dashboard/queries';
import { NotFoundError } from '@/lib/errors';
import { forReads, readStats } from '@/lib/read-replica';
import { scratchDir, startReplica } from '../../scripts/scale-out.mjs';
import { engine, setupTestDatabase } from './support/database';
import { createOrgWithAdmin } from './support/factories';
import { createOpeningWithStages, createPublishedKit, skillIdsBySlug } from './support/interview-factories';

const REPLICA_PORT = Number(process.env.TEST_REPLICA_PORT ?? 5434);
const t = setupTestDatabase({ seedBuiltin: true });
let dir = '';
let replica: { url: string; stop: () => void } | undefined;
let skipReason = '';
let reading: DatabaseConnection;
let replicaAdmin: postgres.Sql;
let admin: Ctx; // on the primary handle that has the replica beside it
let kitId: string;

async function inRecovery(db: DbExecutor): Promise<boolean> {
  const rows = (await db.execute('select pg_is_in_recovery() as standby')) as unknown as { standby: boolean }[];
  return rows[0]!.standby;
}

describe.skipIf(engine !== 'postgres')('read replica (DATABASE_READ_URL) on a real streaming replica', () => {
  beforeAll(async () => {
    const url = t.connection.url!;
    dir = scratchDir('loopkit-scale-test-');
    try {
      replica = await startReplica({ primaryUrl: url, port: REPLICA_PORT, dir: path.join(dir, 'replica'), log: () => {} });
    } catch (error) {
      skipReason = `no streaming replica could be made: ${(error as Error).message}`;
      console.warn(`read-replica tests skipped — ${skipReason}`);
      return;
    }
    reading = connect({ url, readUrl: replica.url, max: 3 });
    replicaAdmin = postgres(replica.url, { max: 1, onnotice: () => {} });
    const org = await createOrgWithAdmin(t.db, 'Replica Co');
    admin = { ...org.ctx, db: reading.db };
    const skills = await skillIdsBySlug(t.db);
    kitId = await createPublishedKit(org.ctx, [{ skillId: skills['sql-databases']!, weight: 1 }]);
  }, 120_000);

  afterAll(async () => {
    await replicaAdmin?.end();
    await reading?.close();
    replica?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sends a dashboard read to the replica once it has replayed the primary', async ({ skip }) => {
    if (skipReason) skip(skipReason);
    const { openingId } = await createOpeningWithStages(admin, kitId, ['Technical']);
    const before = readStats.replica;
    const ctx = await forReads(admin);
    expect(ctx.db).not.toBe(admin.db);
    expect(await inRecovery(ctx.db)).toBe(true);
    // The grid itself goes there and sees the opening written a moment ago.
    const grid = await getOpeningGrid(admin, openingId);
    expect(grid.candidates).toEqual([]);
    await getCalibration(admin);
    expect(readStats.replica).toBe(before + 3);
  });

  it('reads a value just written from the primary while the replica has not replayed it', async ({ skip }) => {
    if (skipReason) skip(skipReason);
    await replicaAdmin`select pg_wal_replay_pause()`;
    try {
      const { openingId } = await createOpeningWithStages(admin, kitId, ['Onsite']);
      const ctx = await forReads(admin);
      expect(ctx.db).toBe(admin.db);
      expect(await inRecovery(ctx.db)).toBe(false);
      // On the paused replica the new opening does not exist yet; the grid still finds it.
      expect(await replicaAdmin`select 1 from openings where id = ${openingId}`).toHaveLength(0);
      const grid = await getOpeningGrid(admin, openingId);
      expect(grid.candidates).toEqual([]);
    } finally {
      await replicaAdmin`select pg_wal_replay_resume()`;
    }
    // Once replay resumes and catches up, reads go back to the replica.
    let backOnReplica = false;
    for (let i = 0; i < 100 && !backOnReplica; i++) backOnReplica = await inRecovery((await forReads(admin)).db);
    expect(backOnReplica).toBe(true);
  });

  it('keeps reads inside a transaction on the primary, and tenant checks apply on the replica', async ({ skip }) => {
    if (skipReason) skip(skipReason);
    await reading.db.transaction(async (tx) => {
      const ctx = await forReads({ ...admin, db: tx });
      expect(ctx.db).toBe(tx);
    });
    const other = await createOrgWithAdmin(t.db, 'Other Co');
    const [theirs] = await t.db.insert(openings).values({ organizationId: other.organizationId, title: 'Theirs', level: 'mid' }).returning();
    await expect(getOpeningGrid(admin, theirs!.id)).rejects.toBeInstanceOf(NotFoundError);
    await t.db.delete(openings).where(eq(openings.id, theirs!.id));
  });

  it('falls back to the primary when the replica is unreachable', async ({ skip }) => {
    if (skipReason) skip(skipReason);
    const down = connect({ url: t.connection.url!, readUrl: 'postgres://postgres@127.0.0.1:1/nothing', max: 1 });
    try {
      const ctx = { ...admin, db: down.db };
      expect(await forReads(ctx)).toBe(ctx);
    } finally {
      await down.close();
    }
  });
});
