// A fresh, migrated database per test file on the engine the project runs on: embedded PGlite
// (in memory) or a throwaway database on the PostgreSQL server in TEST_DATABASE_URL.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { connect, type Database, type DatabaseConnection } from '@/db/client';
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

/** Registers a per-file database; read `.db` inside tests. */
export function setupTestDatabase(options: { seedBuiltin?: boolean } = {}) {
  const holder = {} as { db: Database; connection: DatabaseConnection };
  let handle: TestDatabase | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase(options);
    holder.connection = handle.connection;
    holder.db = handle.connection.db;
  });
  afterAll(async () => {
    await handle?.drop();
  });
  return holder;
}
