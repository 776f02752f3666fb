// A fresh, migrated database per test file on the engine the project runs on: embedded PGlite
// (in memory) or a throwaway database on the PostgreSQL server in TEST_DATABASE_URL; optionally
// each test in its own transaction, rolled back when the test ends (see setupTestDatabase).
import { randomBytes } from 'node:crypto';
import { TransactionRollbackError } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { connect, type Database, type DatabaseConnection, type Transaction } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedBuiltinContent } from '@/db/seed/builtin';
import { loadBuiltinContent } from '@/db/seed/content';
import { installJobStore } from '@/lib/jobs/runner';

export const engine = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

export interface TestDatabase {
  connection: DatabaseConnection;
  drop: () => Promise<void>;
}

export async function createTestDatabase(options: { seedBuiltin?: boolean } = {}): Promise<TestDatabase> {
  let connection: DatabaseConnection;
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `loopkit_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    connection = connect({ url: url.toString(), max: 5 });
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    connection = connect({ dataDir: 'memory://' });
  }
  await runMigrations(connection);
  // Code under test queues jobs (e-mail) in its transactions; the queue's tables must exist, but
  // no worker runs unless a test starts one (tests/integration/jobs.test.ts).
  await installJobStore(connection);
  if (options.seedBuiltin) await seedBuiltinContent(connection.db, loadBuiltinContent());
  return {
    connection,
    drop: async () => {
      await connection.close();
      await dropDatabase();
    },
  };
}

export interface TestDatabaseOptions {
  /** Seed the built-in skill taxonomy and question bank once for the file. */
  seedBuiltin?: boolean;
  /**
   * 'transaction': every test runs in a transaction that is rolled back when it ends, so tests
   * cannot see each other's rows and need not invent unique names to avoid one another.
   * 'file' (the default, kept for existing files): tests share the file's database and see what
   * earlier tests committed.
   *
   * A file stays on 'file' — and says so, with the reason — when its tests need what one open
   * transaction cannot give (a single such test in a 'transaction' file wraps its body in
   * `t.outsideTransaction(...)` instead):
   * - work on several connections at once: two simultaneous saves racing, the job queue's workers
   *   (SKIP LOCKED polling on their own pool), the fast-path HTTP server reading through the
   *   process-wide handle (setConnection(t.connection)); on PGlite such a second user waits
   *   for the open transaction forever, on PostgreSQL it cannot see the uncommitted rows;
   * - migrations or seeding run on the connection (runMigrations, seed(t.connection, …));
   * - time moving within a test as PostgreSQL measures it: `now()` is the transaction's start
   *   time, so every row a test inserts gets the same `defaultNow()` timestamp. Order by id or
   *   by a timestamp the code sets, not by created_at, in tests that need an order.
   */
  isolation?: 'transaction' | 'file';
}

export interface TestDatabaseHolder {
  /**
   * The database for the current test: inside a test of a 'transaction' file, its open
   * transaction; in beforeAll/afterAll (and in 'file' files), the file's database. It is one
   * stable object, so a ctx built in beforeAll with `db: t.db` follows each test's transaction.
   */
  db: Database;
  /** The file's connection itself, bypassing the test's transaction (not inside 'transaction' tests). */
  connection: DatabaseConnection;
  /**
   * Wraps a test body that must commit on the file's database (races across connections): the
   * test's transaction is rolled back, unused, before the body runs. Its rows stay for later tests.
   */
  outsideTransaction: (body: () => Promise<void>) => () => Promise<void>;
}

// Migrating and seeding the built-in content takes 5–10 s alone, and several times that when
// other suites share the two cores; the global hookTimeout (60 s) then fails whole files.
const SETUP_TIMEOUT_MS = 180_000;

/** Registers a per-file database; read `.db` inside tests. */
export function setupTestDatabase(options: TestDatabaseOptions = {}): TestDatabaseHolder {
  let handle: TestDatabase | undefined;
  let current: Database | Transaction | undefined;
  let end: (() => Promise<void>) | undefined;
  const endTestTransaction = async () => {
    const ending = end;
    end = undefined;
    await ending?.();
  };
  const holder = {
    db: routeToCurrent(() => current),
    outsideTransaction: (body: () => Promise<void>) => async () => {
      await endTestTransaction();
      await body();
    },
  } as TestDatabaseHolder;
  beforeAll(async () => {
    handle = await createTestDatabase(options);
    holder.connection = handle.connection;
    current = handle.connection.db;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    current = undefined;
    await handle?.drop();
  });
  if (options.isolation === 'transaction') {
    beforeEach(async () => {
      const fileDb = handle!.connection.db;
      const open = await openRolledBackTransaction(fileDb);
      current = open.tx;
      end = async () => {
        current = fileDb;
        await open.rollback();
      };
    });
    afterEach(endTestTransaction);
  }
  return holder;
}

/**
 * Opens a transaction and keeps it open until `rollback()` is called. Drizzle only offers a
 * callback-scoped transaction, so the callback waits on a promise the caller settles, then
 * rolls back (drizzle's own rollback throws TransactionRollbackError, which is the expected end).
 */
export async function openRolledBackTransaction(db: Database): Promise<{ tx: Transaction; rollback: () => Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let opened!: (tx: Transaction) => void;
  const ready = new Promise<Transaction>((resolve) => (opened = resolve));
  const finished = db
    .transaction(async (tx) => {
      opened(tx as Transaction);
      await released;
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof TransactionRollbackError)) throw error;
    });
  const tx = await Promise.race([ready, finished.then(() => Promise.reject(new Error('the test transaction ended before the test began')))]);
  return {
    tx,
    rollback: async () => {
      release();
      await finished;
    },
  };
}

/**
 * A Database-shaped object that forwards every property to whichever executor is current
 * (methods bound to it), so code holding it — ctx objects, factories — uses the test's transaction.
 */
function routeToCurrent(current: () => Database | Transaction | undefined): Database {
  return new Proxy({} as Database, {
    get(_target, property) {
      const executor = current();
      if (!executor) throw new Error('the test database is used before beforeAll or after afterAll');
      const value: unknown = Reflect.get(executor, property, executor);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(executor) : value;
    },
    has(_target, property) {
      const executor = current();
      return executor !== undefined && property in executor;
    },
  });
}
