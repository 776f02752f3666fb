// Raw-SQL helpers for the aggregate queries that the query builder cannot express well.
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { DbExecutor } from '@/db/client';

/** Runs a raw statement and returns its rows on either driver (postgres.js returns an array, PGlite { rows }). */
export async function queryRows<T>(db: DbExecutor, statement: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(statement));
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const dialect = new PgDialect();

/**
 * A statement for the hottest paths (autosave and the session check it needs), turned into text
 * once, when the module loads, instead of on every call: its values are Drizzle placeholders
 * (`sql.placeholder('name')`) filled per call. Drizzle otherwise rebuilds a statement's text on
 * every run, which for the autosave and the session check cost more CPU than PostgreSQL spends
 * running them. The prepared query is kept per session (a connection pool or a transaction: each is
 * bound to its own client); db/client.ts has PostgreSQL parse and plan the text once per connection.
 */
export function compiledStatement<Row>(statement: SQL): (db: DbExecutor, values: Record<string, unknown>) => Promise<Row[]> {
  const query = dialect.sqlToQuery(statement);
  const preparedFor = new WeakMap<object, { execute(values: Record<string, unknown>): Promise<unknown> }>();
  return async (db, values) => {
    const session = db._.session;
    let prepared = preparedFor.get(session);
    if (!prepared) preparedFor.set(session, (prepared = session.prepareQuery(query, undefined, undefined, false)));
    return rowsOf<Row>(await prepared.execute(values));
  };
}

/** `a, b, c` as bound parameters, for IN (…) lists. */
export function list(values: readonly unknown[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}

/**
 * An array in slices of at most `size`. PostgreSQL binds at most 65,535 parameters per statement,
 * so bulk lookups and inserts of user-sized lists (a 65,000-row import) go in slices.
 */
export function inSlices<T>(values: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let at = 0; at < values.length; at += size) slices.push(values.slice(at, at + size));
  return slices;
}

export function and(parts: (SQL | undefined | false)[]): SQL {
  const kept = parts.filter(Boolean) as SQL[];
  return kept.length ? sql.join(kept, sql` and `) : sql`true`;
}

/**
 * Whether error (or what it wraps) is PostgreSQL's unique_violation on the named constraint.
 * postgres.js names it `constraint_name`, PGlite `constraint`; Drizzle wraps both in `cause`.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint: pglite, constraint_name: postgres } = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (code === '23505') return pglite === constraint || postgres === constraint;
  }
  return false;
}
