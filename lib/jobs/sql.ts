import 'server-only';
// pg-boss speaks to the database through one method, executeSql(text, values). These adapters let
// it use the app's own engines: the single embedded PGlite instance, or a Drizzle executor (the
// caller's open transaction, so a job is queued exactly when the change that needs it commits).
import type { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { DbExecutor } from '@/db/client';

// pg's driver turns objects into JSON on its own; postgres.js under Drizzle and PGlite do not (or
// not for every inferred type), so JSON parameters are sent as text. Arrays (job ids) and dates
// are left to the driver, and undefined becomes SQL NULL as in pg.
function normalizeParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

export function pgliteExecutor(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) {
        const result = await pglite.query(text, values.map(normalizeParam));
        return { rows: result.rows };
      }
      // Without parameters pg-boss may send several statements at once (its schema, and its
      // maintenance wrapped in BEGIN … COMMIT with an advisory lock): that needs the simple protocol.
      const results = await pglite.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as unknown[] };
    },
  };
}

/** Rewrites pg-boss's `$1 … $n` statement into a Drizzle query with bound parameters. */
function toDrizzleSql(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${normalizeParam(values[Number(match[1]) - 1])}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

/** For single statements only (sending a job), which is all it is used for. */
export function drizzleExecutor(db: DbExecutor): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result: unknown = await db.execute(toDrizzleSql(text, values ?? []));
      // postgres.js returns the rows as an array, PGlite an object holding them.
      return { rows: Array.isArray(result) ? result : ((result as { rows: unknown[] }).rows ?? []) };
    },
  };
}
