// Reads that may go to a streaming replica (DATABASE_READ_URL): the dashboard grid, calibration
// and question analytics — the heavy, read-only statements. Everything else reads the primary.
//
// Read-your-writes without tracking anyone's writes: before such a read, the primary's WAL write
// position is taken (pg_current_wal_lsn(), one cheap call), and the replica is used only once it
// has replayed up to that position (pg_last_wal_replay_lsn()). Every transaction that committed
// before the read began — the viewer's own last save included, whichever instance took it — has
// its commit record below that position (synchronous_commit is on: a commit returns only after
// its record is flushed), so the replica then shows at least what the primary would. The replica
// gets a short while to catch up (streaming lag on a LAN is a few milliseconds); after that, or
// when it is unreachable or is not in recovery, the read goes to the primary.
import { replicaOf } from '@/db/client';
import type { BaseCtx } from './context';

/** How long a read waits for the replica to replay the primary's position before using the primary. */
export const REPLICA_WAIT_MS = 50;
const POLL_MS = 5;

export type ReadTarget = 'primary' | 'replica';

/** Where the last read of this process went (for tests and the bench; not for decisions). */
export const readStats = { primary: 0, replica: 0 };

async function replicaHasReplayed(replicaSql: import('postgres').Sql, lsn: string): Promise<boolean | null> {
  const [row] = await replicaSql<{ replayed: boolean | null }[]>`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as replayed`;
  return row?.replayed ?? null;
}

/**
 * The context to use for a replica-tolerant read: ctx with the replica's handle when one is
 * configured beside ctx.db and has caught up with the primary, else ctx unchanged. Inside a
 * transaction (ctx.db is not the primary handle) it is always ctx.
 */
export async function forReads<C extends BaseCtx>(ctx: C): Promise<C> {
  const replica = replicaOf(ctx.db);
  if (!replica) return ctx;
  try {
    const [primary] = await replica.primarySql<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
    const deadline = Date.now() + REPLICA_WAIT_MS;
    for (;;) {
      const replayed = await replicaHasReplayed(replica.replicaSql, primary!.lsn);
      // null: the read URL is not a standby (or has not replayed anything yet) — never trust it.
      if (replayed === null) break;
      if (replayed) {
        readStats.replica += 1;
        return { ...ctx, db: replica.db };
      }
      if (Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } catch (error) {
    // A replica that is down must not take the dashboard with it.
    console.warn('[read-replica] unavailable, reading from the primary:', error instanceof Error ? error.message : error);
  }
  readStats.primary += 1;
  return ctx;
}
