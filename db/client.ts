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
  /** A read replica's handle (DATABASE_READ_URL); only lib/read-replica.ts decides when to use it. */
  replica?: ReplicaHandle;
  close: () => Promise<void>;
}

export interface ReplicaHandle {
  db: Database;
  /** Raw clients for the WAL position checks (primary: pg_current_wal_lsn; replica: replay position). */
  primarySql: postgres.Sql;
  replicaSql: postgres.Sql;
}

// Which replica (if any) stands beside a primary handle; keyed by the handle so tests and the
// process-wide connection work alike, and a transaction (a different object) never matches.
const replicas = new WeakMap<object, ReplicaHandle>();

/** The replica configured beside this primary handle, if any. */
export function replicaOf(db: DbExecutor): ReplicaHandle | undefined {
  return replicas.get(db);
}

export interface ConnectOptions {
  /** postgres:// URL; when absent an embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory; 'memory://' for a throwaway in-memory database. */
  dataDir?: string;
  /** Max pooled connections for postgres.js. */
  max?: number;
  /** The URL is PgBouncer in transaction mode (DATABASE_PGBOUNCER): no named prepared statements, no start-up settings. */
  pgbouncer?: boolean;
  /** A streaming replica of `url` for reads that tolerate it (DATABASE_READ_URL). */
  readUrl?: string;
}

function postgresClient(url: string, options: ConnectOptions, applicationName: string): postgres.Sql {
  // JIT compilation pays off for long analytical queries, not for an app's short ones, where its
  // start-up cost (tens of ms) dominates; it is turned off for this application's sessions.
  // PgBouncer refuses start-up parameters it does not track (jit) and, in transaction mode, hands
  // each transaction any server connection, so a named prepared statement may be missing there:
  // behind it statements are unnamed and jit is set by PgBouncer's connect_query instead.
  return options.pgbouncer
    ? postgres(url, { max: options.max ?? 20, prepare: false, onnotice: () => {}, connection: { application_name: applicationName } })
    : preparingShortStatements(postgres(url, { max: options.max ?? 20, onnotice: () => {}, connection: { application_name: applicationName, jit: 'off' } }));
}

/** Statements longer than this (bulk inserts, imports, seeds) are one-offs: not worth keeping prepared. */
const MAX_PREPARED_STATEMENT_CHARS = 4000;

/**
 * Drizzle sends every statement it was not given a name for as unprepared, and postgres.js then
 * describes a parameterised statement before running it: two round trips, parsed and planned each
 * time. Prepared (as postgres.js's own tagged queries are), the short statements an app repeats —
 * the session check, the autosave — take one round trip and are planned once per connection.
 * postgres.js keys its per-connection cache by the statement's text and types, and replaces its
 * connections after max_lifetime, so the cache stays bounded. Statements in transactions go
 * through postgres.js's transaction client and stay unprepared.
 */
function preparingShortStatements(client: postgres.Sql): postgres.Sql {
  const unsafe = client.unsafe.bind(client);
  client.unsafe = ((query: string, parameters?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
    unsafe(query, parameters, { ...options, prepare: options?.prepare || query.length <= MAX_PREPARED_STATEMENT_CHARS })) as typeof client.unsafe;
  return client;
}

export function connect(options: ConnectOptions = {}): DatabaseConnection {
  if (options.url) {
    const client = postgresClient(options.url, options, 'loopkit');
    const db = drizzlePostgres(client, { schema });
    let replica: ReplicaHandle | undefined;
    if (options.readUrl) {
      const replicaSql = postgresClient(options.readUrl, options, 'loopkit-read');
      replica = { db: drizzlePostgres(replicaSql, { schema }), primarySql: client, replicaSql };
      replicas.set(db, replica);
    }
    return {
      db,
      driver: 'postgres',
      url: options.url,
      replica,
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), replica?.replicaSql.end({ timeout: 5 })]);
      },
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
  const config = env();
  globalForDb.__loopkitDb ??= connect({
    url: config.DATABASE_URL,
    max: config.DATABASE_POOL_SIZE,
    pgbouncer: config.DATABASE_PGBOUNCER === 'true',
    readUrl: config.DATABASE_READ_URL,
  });
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
