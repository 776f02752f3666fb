// One database handle, two drivers: postgres.js when DATABASE_URL is set, otherwise embedded
// PGlite persisted under .data/. The same schema and committed migrations serve both.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { env } from '../lib/env';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: domain code accepts both. */
export type DbExecutor = Database | Transaction;

export interface DatabaseConnection {
  db: Database;
  driver: 'postgres' | 'pglite';
  /** The embedded engine itself, for the job queue (pg-boss drives PGlite through it). */
  pglite?: PGlite;
  /** The server's URL, for the job queue's own small pool. */
  url?: string;
  close: () => Promise<void>;
}

export interface ConnectOptions {
  /** postgres:// URL; when absent an embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory; 'memory://' for a throwaway in-memory database. */
  dataDir?: string;
  /** Max pooled connections for postgres.js. */
  max?: number;
}

export function connect(options: ConnectOptions = {}): DatabaseConnection {
  if (options.url) {
    // JIT compilation pays off for long analytical queries, not for an app's short ones, where its
    // start-up cost (tens of ms) dominates; it is turned off for this application's sessions.
    const client = postgres(options.url, { max: options.max ?? 20, onnotice: () => {}, connection: { application_name: 'loopkit', jit: 'off' } });
    return {
      db: drizzlePostgres(client, { schema }),
      driver: 'postgres',
      url: options.url,
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = options.dataDir ?? defaultPgliteDir();
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir, { extensions: { pg_trgm } });
  return {
    db: drizzlePglite(client, { schema }),
    driver: 'pglite',
    pglite: client,
    close: () => client.close(),
  };
}

export function defaultPgliteDir(): string {
  return env().PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

// Next.js may evaluate this module in several bundles (instrumentation, routes) and re-evaluate
// it on hot reload; keeping the connection on globalThis gives the process exactly one handle —
// which PGlite requires, since it has no cross-process or cross-instance lock.
const globalForDb = globalThis as unknown as { __loopkitDb?: DatabaseConnection };

export function getConnection(): DatabaseConnection {
  globalForDb.__loopkitDb ??= connect({ url: env().DATABASE_URL, max: env().DATABASE_POOL_SIZE });
  return globalForDb.__loopkitDb;
}

/** The process-wide database handle. */
export function getDb(): Database {
  return getConnection().db;
}

/** Replace the process-wide handle (tests point it at their own database). */
export function setConnection(connection: DatabaseConnection | undefined): void {
  globalForDb.__loopkitDb = connection;
}
