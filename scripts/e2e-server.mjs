// Starts the built app for the end-to-end tests on a fresh embedded database of its own,
// so the suite never touches a developer's .data/pglite.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const port = process.argv[2] ?? '3100';
const dataDir = path.join(process.cwd(), '.data', `e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });

const child = spawn(process.execPath, [path.join('scripts', 'server.mjs'), '-p', port, '-H', '127.0.0.1'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: '',
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
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
