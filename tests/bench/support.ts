// Shared helpers for benchmarks: a database on the PostgreSQL server and percentile maths.
import postgres from 'postgres';

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
