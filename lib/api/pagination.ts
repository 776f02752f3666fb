// Keyset pagination for the REST API's lists, in one place. Lists run in creation order
// (created_at, id) — the one order in which a row added while a client pages lands after every
// cursor already handed out, so nothing is skipped or shown twice (OFFSET promises neither), and
// an edit never moves a row between pages. The key is read as text in SQL: created_at to the
// microsecond (a JavaScript Date would drop the last three digits and repeat rows).
import { type SQL, sql } from 'drizzle-orm';
import { ValidationError } from '../errors';
import type { PageQuery } from './schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** created_at as the cursor carries it (select it as `page_key` beside the row's id). */
export function pageKeySql(createdAt: SQL): SQL {
  return sql`to_char(${createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

function encode(list: string, key: string, id: string): string {
  return Buffer.from(JSON.stringify([list, key, id])).toString('base64url');
}

function decode(list: string, cursor: string): { key: string; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === list && typeof parsed[1] === 'string' && INSTANT.test(parsed[1]) && typeof parsed[2] === 'string' && UUID.test(parsed[2])) {
    return { key: parsed[1], id: parsed[2] };
  }
  throw ValidationError.field('cursor', 'is not a cursor this list gave out; start again from the first page');
}

export interface Keyset {
  /** The page's conditions (cursor and updated_since) to AND into the list's WHERE. */
  where: SQL;
  order: SQL;
  /** One more than the page, to know whether another page follows. */
  limit: number;
  /** Cuts the fetched rows to the page and computes its nextCursor. */
  page<R extends { id: string; page_key: string }>(rows: R[]): { rows: R[]; nextCursor: string | null };
}

/**
 * The keyset of one list. `list` names it inside the cursor, so a cursor of another list is
 * refused (422) instead of silently paging from a meaningless place.
 */
export function keyset(list: string, q: PageQuery, columns: { id: SQL; createdAt: SQL; updatedAt: SQL }): Keyset {
  const after = q.cursor ? decode(list, q.cursor) : null;
  const parts: SQL[] = [];
  if (after) parts.push(sql`(${columns.createdAt}, ${columns.id}) > (${after.key}::timestamptz, ${after.id}::uuid)`);
  if (q.updated_since) parts.push(sql`${columns.updatedAt} >= ${q.updated_since}::timestamptz`);
  return {
    where: parts.length ? sql.join(parts, sql` and `) : sql`true`,
    order: sql`${columns.createdAt} asc, ${columns.id} asc`,
    limit: q.limit + 1,
    page(rows) {
      const pageRows = rows.slice(0, q.limit);
      const last = pageRows[pageRows.length - 1];
      return { rows: pageRows, nextCursor: rows.length > q.limit && last ? encode(list, last.page_key, last.id) : null };
    },
  };
}
