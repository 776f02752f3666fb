// Starts the built app (`npm start`'s scripts/server.mjs) for the end-to-end tests on a fresh
// database of its own, so the suite never touches a developer's data: an embedded database under
// .data/, or — with E2E_DATABASE_URL — a PostgreSQL database recreated for the run (its name must
// end in _e2e), where the autosave fast path is on and must say so, so the path users get is the
// path tested.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

const port = process.argv[2] ?? '3100';
const databaseUrl = process.env.E2E_DATABASE_URL || '';
const dataDir = path.join(process.cwd(), '.data', `e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });

if (databaseUrl) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name.endsWith('_e2e')) throw new Error(`E2E_DATABASE_URL must name a database of its own ending in _e2e (it is recreated), not "${name}"`);
  url.pathname = '/postgres';
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
}

const child = spawn(process.execPath, [path.join('scripts', 'server.mjs'), '-p', port, '-H', '127.0.0.1'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PGLITE_DIR: dataDir,
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-only-secret-0123456789abcdefghijklmnop',
    AUTH_URL: `http://127.0.0.1:${port}`,
    SEED_DEMO: 'true',
    // tests/e2e/sso.spec.ts runs its OpenID provider on http://127.0.0.1 (the server runs as production).
    SSO_ALLOW_HTTP_ISSUERS: 'true',
    // The production server never uses the published demo password unless told to; the e2e suite signs in with it.
    DEMO_PASSWORD: 'loopkit-demo-2026',
  },
});
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const text = chunk.toString();
  if (databaseUrl && text.includes('Loopkit ready on') && !text.includes('autosave fast path on')) {
    console.error('e2e server: started on PostgreSQL without the autosave fast path (is .next/loopkit/autosave-fast-path.mjs built?)');
    child.kill('SIGTERM');
    process.exitCode = 1;
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(process.exitCode || code || 0));
