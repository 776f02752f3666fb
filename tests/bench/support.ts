// Shared helpers for benchmarks: a database on the PostgreSQL server and percentile maths.
import postgres from 'postgres';
import { connect } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { installJobStore } from '@/lib/jobs/runner';
import { seedBuiltinContent } from '@/db/seed/builtin';
import { loadBuiltinContent } from '@/db/seed/content';
import { signUp } from '@/lib/auth/accounts';
import type { Ctx } from '@/lib/context';

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/loopkit_bench';

/** The table a bench creates in every database it makes; only a database carrying it is ever dropped. */
export const BENCH_MARKER_TABLE = 'loopkit_bench_marker';

/** Relations outside PostgreSQL's own schemas: a database with any is not empty. */
const USER_RELATIONS_SQL = `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'
  order by 1, 2 limit 5`;

/**
 * BENCH_DATABASE_URL, or a loopkit_bench database on the local server, emptied for a run — but
 * only if it is the benches' own: a database is dropped and recreated only when it carries the
 * bench marker table, used as is when it has no relations at all (then marked), and refused
 * otherwise, so a mistyped URL can never empty someone's data.
 */
export async function freshBenchDatabase(): Promise<string> {
  const url = new URL(process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  if (!name || name === 'postgres' || name.startsWith('template')) throw new Error(`BENCH_DATABASE_URL names "${name}": benches need a database of their own`);
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists) {
      const target = postgres(url.toString(), { max: 1, onnotice: () => {} });
      let relations: { schema: string; name: string }[];
      let marked: boolean;
      try {
        marked = (await target`select to_regclass(${`public.${BENCH_MARKER_TABLE}`}) is not null as marked`)[0]!.marked as boolean;
        relations = marked ? [] : ((await target.unsafe(USER_RELATIONS_SQL)) as unknown as { schema: string; name: string }[]);
      } finally {
        await target.end();
      }
      if (!marked && relations.length) {
        throw new Error(
          `Refusing to run a benchmark on database "${name}": it is not empty (${relations.map((r) => `${r.schema}.${r.name}`).join(', ')}…) ` +
            `and was not created by a benchmark (no ${BENCH_MARKER_TABLE} table). Point BENCH_DATABASE_URL at a new or empty database.`,
        );
      }
      if (marked) {
        await admin.unsafe(`drop database ${quoteIdent(name)} with (force)`);
        await admin.unsafe(`create database ${quoteIdent(name)}`);
      }
    } else {
      await admin.unsafe(`create database ${quoteIdent(name)}`);
    }
  } finally {
    await admin.end();
  }
  const target = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    await target.unsafe(`create table if not exists public.${BENCH_MARKER_TABLE} (created_at timestamptz not null default now())`);
    await target.unsafe(`insert into public.${BENCH_MARKER_TABLE} default values`);
  } finally {
    await target.end();
  }
  return url.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export const BENCH_PASSWORD = 'bench password 123';

/** A fresh, migrated bench database with the built-in content and one organization; close `connection` when done. */
export async function benchOrganization(organizationName: string) {
  const url = await freshBenchDatabase();
  const connection = connect({ url, max: 4 });
  const { db } = connection;
  await runMigrations(connection);
  // Sign-up sends its verification e-mail through the job queue, whose tables pg-boss installs.
  await installJobStore(connection);
  await seedBuiltinContent(db, loadBuiltinContent());
  const { user, organizationId } = await signUp({ db }, { name: 'Bench Admin', email: 'admin@bench.test', password: BENCH_PASSWORD, organizationName });
  const admin: Ctx = { db, userId: user.id, organizationId, role: 'admin' };
  return { url, connection, db, user, organizationId, admin };
}

export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) return 0;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return Number(sortedMs[Math.max(0, index)]!.toFixed(2));
}

export async function timeMany(iterations: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

function cookieHeader(setCookies: string[], jar: Map<string, string>) {
  for (const c of setCookies) {
    const [pair] = c.split(';');
    const [name, ...rest] = pair!.split('=');
    jar.set(name!.trim(), rest.join('='));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/**
 * Signs in through Auth.js's credentials endpoint like a browser. Returns the Cookie header (null
 * when refused) and which instance answered, when a load balancer says so.
 */
export async function attemptSignIn(base: string, email: string, password = BENCH_PASSWORD): Promise<{ cookie: string | null; upstream: string | null }> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  let cookies = cookieHeader(csrf.headers.getSetCookie(), jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: '/' }),
  });
  cookies = cookieHeader(response.headers.getSetCookie(), jar);
  const signedIn = [...jar.keys()].some((k) => k.includes('session-token'));
  return { cookie: signedIn ? cookies : null, upstream: response.headers.get('x-loopkit-upstream') };
}

/** Signs in like a browser; returns the Cookie header, or throws when refused. */
export async function signInOverHttp(email: string, base: string, password = BENCH_PASSWORD): Promise<string> {
  const { cookie } = await attemptSignIn(base, email, password);
  if (!cookie) throw new Error(`sign-in failed for ${email}`);
  return cookie;
}
