// Benchmarks recreate their database; they must refuse one that holds anything and is not theirs
// (a mistyped BENCH_DATABASE_URL would otherwise empty it). Needs a PostgreSQL server: runs on the
// postgres engine only (TEST_DATABASE_URL).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { BENCH_MARKER_TABLE, freshBenchDatabase } from '@/tests/bench/support';

const serverUrl = process.env.TEST_ENGINE === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
const name = `bench_guard_${randomBytes(4).toString('hex')}`;

function urlFor(database: string) {
  const url = new URL(serverUrl!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withDatabase<T>(database: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(urlFor(database), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

describe.skipIf(!serverUrl)('bench database guard', () => {
  const previous = process.env.BENCH_DATABASE_URL;
  afterAll(async () => {
    process.env.BENCH_DATABASE_URL = previous;
    if (!previous) delete process.env.BENCH_DATABASE_URL;
    await withDatabase('postgres', (sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
  });

  it('refuses a database with data that is not a bench’s, uses an empty one, and recreates its own', async () => {
    await withDatabase('postgres', (sql) => sql.unsafe(`create database ${name}`));
    await withDatabase(name, (sql) => sql.unsafe(`create table customers (id int); insert into customers values (1)`));
    process.env.BENCH_DATABASE_URL = urlFor(name);

    await expect(freshBenchDatabase()).rejects.toThrow(/Refusing to run a benchmark on database "bench_guard_[0-9a-f]+": it is not empty \(public\.customers/);
    expect(await withDatabase(name, (sql) => sql`select count(*)::int as n from customers`)).toEqual([{ n: 1 }]);

    await withDatabase(name, (sql) => sql.unsafe('drop table customers'));
    await freshBenchDatabase(); // empty: used, and marked as the bench's
    await withDatabase(name, (sql) => sql.unsafe('create table leftovers (id int)'));
    await freshBenchDatabase(); // marked: recreated, leftovers gone
    const tables = await withDatabase(name, (sql) => sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`);
    expect(tables.map((t) => t.table_name)).toEqual([BENCH_MARKER_TABLE]);
  });
});
