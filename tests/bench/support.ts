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

/** BENCH_DATABASE_URL, or a loopkit_bench database on the local server, created if missing and emptied. */
export async function freshBenchDatabase(): Promise<string> {
  const url = new URL(process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL);
  const name = url.pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return url.toString();
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
