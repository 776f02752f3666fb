// The reference deployment on one machine, with real parts:
//
//   client → nginx :3480 ─┬→ npm start :3481 ─┐                ┌→ PostgreSQL primary :5432
//                         └→ npm start :3482 ─┴→ PgBouncer :6432 ┤   (database "loopkit")
//                                                (transaction)   └→ streaming replica :5433
//                                                                    (database "loopkit_read")
//
// Both instances share AUTH_SECRET, so a session made on one is valid on the other; sign-in
// counters and the job queue live in PostgreSQL, so they are shared too. nginx spreads requests
// round-robin, marks an instance down after a failed connection (passive checks: nginx's open
// source build has no active ones) and retries on the other: every request whose connection
// failed before it was sent, and autosave PATCHes even after — they carry the revision they are
// based on, so a retried save either applies once or answers 409 with the current state.
//
//   node scripts/scale-out.mjs [--no-replica]      (after `npm run build`; Ctrl-C stops it all)
//   DATABASE_URL=postgres://…/loopkit_scale (the primary, direct; created if missing)
//
// Also imported by tests/bench/scale.ts (startTopology). Runs as any user; as root, PostgreSQL
// and PgBouncer (which refuse root) run as the `postgres` user.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

function postgresUser() {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

function waitForPort(port, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

async function waitForHealth(url, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with code ${child.exitCode} before it was healthy`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url}/api/health did not answer 200 within ${timeoutMs} ms`);
}

/** Creates the database if it does not exist. */
export async function ensureDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end();
  }
}

/**
 * A streaming replica of the primary's whole cluster on `port`: pg_basebackup -R (which writes
 * standby.signal and primary_conninfo), then its own small postgresql.conf and pg_hba.conf (on
 * Debian the primary's live in /etc/postgresql, not in the data directory).
 */
export async function startReplica({ primaryUrl, port, dir, log = console.log }) {
  const primary = new URL(primaryUrl);
  const user = postgresUser();
  const sql = postgres(primaryUrl, { max: 1, onnotice: () => {} });
  let settings;
  try {
    const [row] = await sql`select current_setting('wal_level') as wal_level, current_setting('max_wal_senders')::int as senders,
      current_setting('max_connections') as max_connections, current_setting('max_worker_processes') as max_worker_processes,
      current_setting('max_prepared_transactions') as max_prepared_transactions, current_setting('max_locks_per_transaction') as max_locks_per_transaction,
      current_setting('max_wal_senders') as max_wal_senders`;
    settings = row;
  } finally {
    await sql.end();
  }
  if (settings.wal_level === 'minimal' || settings.senders < 1) {
    throw new Error(`the primary cannot stream to a replica: wal_level=${settings.wal_level}, max_wal_senders=${settings.senders} (set wal_level=replica and max_wal_senders>=2, then restart it)`);
  }
  log(`replica: pg_basebackup from ${primary.host} into ${dir} …`);
  try {
    execFileSync(path.join(PG_BIN, 'pg_basebackup'), ['-h', primary.hostname, '-p', primary.port || '5432', '-U', primary.username || 'postgres', '-D', dir, '-R', '-X', 'stream', '-c', 'fast'], {
      ...user,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    const stderr = error.stderr?.toString() ?? '';
    if (/pg_hba\.conf/.test(stderr)) {
      throw new Error(
        `the primary refuses replication connections from ${primary.hostname}: add "host replication all 127.0.0.1/32 trust" to its pg_hba.conf and reload it (.ci/run does).\n${stderr}`,
      );
    }
    throw new Error(`pg_basebackup failed: ${stderr}`);
  }
  writeFileSync(
    path.join(dir, 'postgresql.conf'),
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${path.dirname(dir)}'`,
      'hot_standby = on',
      // A standby needs at least the primary's values for these.
      ...['max_connections', 'max_worker_processes', 'max_prepared_transactions', 'max_locks_per_transaction', 'max_wal_senders'].map((k) => `${k} = ${settings[k]}`),
      'shared_buffers = 128MB',
      'jit = off',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
  // Written as root: hand them to the server's user; its directory must stay private (0700).
  if (user.uid !== undefined) for (const f of ['postgresql.conf', 'pg_hba.conf']) chownSync(path.join(dir, f), user.uid, user.gid);
  execFileSync(path.join(PG_BIN, 'pg_ctl'), ['-D', dir, '-l', path.join(path.dirname(dir), 'replica.log'), '-w', '-t', '60', 'start'], { ...user, stdio: 'ignore' });
  const replicaUrl = new URL(primaryUrl);
  replicaUrl.port = String(port);
  log(`replica: streaming on 127.0.0.1:${port}`);
  return {
    url: replicaUrl.toString(),
    stop: () => {
      try {
        execFileSync(path.join(PG_BIN, 'pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop'], { ...user, stdio: 'ignore' });
      } catch {
        // already stopped
      }
    },
  };
}

function pgbouncerConfig({ dir, port, primary, replicaPort, poolSize }) {
  const database = primary.pathname.slice(1);
  const target = (host, p) => `host=${host} port=${p} dbname=${database} user=${primary.username || 'postgres'} connect_query='SET jit = off'`;
  return [
    '[databases]',
    `loopkit = ${target(primary.hostname, primary.port || 5432)}`,
    ...(replicaPort ? [`loopkit_read = ${target('127.0.0.1', replicaPort)}`] : []),
    '',
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    `unix_socket_dir = ${dir}`,
    'auth_type = trust',
    `auth_file = ${path.join(dir, 'userlist.txt')}`,
    // Transaction pooling: a server connection per transaction, so many app connections share a
    // few server ones. No session state survives a transaction (no named prepared statements,
    // no session advisory locks, no LISTEN) — which is why postgres.js runs with prepare: false.
    'pool_mode = transaction',
    'max_client_conn = 1000',
    `default_pool_size = ${poolSize}`,
    'ignore_startup_parameters = extra_float_digits',
    `logfile = ${path.join(dir, 'pgbouncer.log')}`,
    `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
    'admin_users = postgres',
    'log_connections = 0',
    'log_disconnections = 0',
    '',
  ].join('\n');
}

function nginxConfig({ dir, port, instancePorts }) {
  const servers = instancePorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n');
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
daemon off;
events { worker_connections 2048; }
http {
  log_format lb '$status|$upstream_addr|$upstream_status|$request_method|$request_time';
  access_log ${dir}/access.log lb;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  upstream loopkit {
${servers}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 25m;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_connect_timeout 2s;
    proxy_read_timeout 60s;
    # Failover: GET/HEAD and any request whose connection failed go to the next instance.
    proxy_next_upstream error timeout http_502 http_503;
    proxy_next_upstream_tries 2;
    # Which instance answered (the bench and the session proof read it).
    add_header X-Loopkit-Upstream $upstream_addr always;
    # Autosave: a PATCH carries its base revision, so retrying it after the instance died
    # mid-request is safe (applied once, or 409 with the current state).
    location ~ ^/api/v1/scorecards/[^/]+$ {
      proxy_pass http://loopkit;
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    }
    location / {
      proxy_pass http://loopkit;
    }
  }
}
`;
}

/** A fresh directory under /tmp that the `postgres` user may write (PgBouncer, a replica). */
export function scratchDir(prefix = 'loopkit-scale-') {
  const dir = mkdtempSync(path.join('/tmp', prefix));
  chmodSync(dir, 0o755);
  const user = postgresUser();
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid);
  return dir;
}

/**
 * Starts the whole topology; resolves once nginx answers /api/health through both instances.
 * `databaseUrl` is the primary, reached directly (the instances reach it through PgBouncer).
 */
export async function startTopology(options) {
  const {
    databaseUrl,
    lbPort = 3480,
    instancePorts = [3481, 3482],
    pgbouncerPort = 6432,
    replicaPort = 5433,
    poolSize = 20,
    instanceEnv = {},
    log = console.log,
  } = options;
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) throw new Error('No production build: run `npm run build` first.');
  const dir = scratchDir(); // PgBouncer and the replica run as postgres and write their files here
  const user = postgresUser();
  const children = [];
  let replica;
  const stop = async () => {
    for (const child of children.reverse()) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((r) => child.once('exit', r)))));
    replica?.stop();
    if (!process.env.SCALE_KEEP_TMP) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(databaseUrl);
    const primary = new URL(databaseUrl);
    if (replicaPort) replica = await startReplica({ primaryUrl: databaseUrl, port: replicaPort, dir: path.join(dir, 'replica'), log });

    writeFileSync(path.join(dir, 'userlist.txt'), `"${primary.username || 'postgres'}" ""\n`);
    writeFileSync(path.join(dir, 'pgbouncer.ini'), pgbouncerConfig({ dir, port: pgbouncerPort, primary, replicaPort: replica ? replicaPort : null, poolSize }));
    const bouncer = spawn('pgbouncer', [path.join(dir, 'pgbouncer.ini')], { ...user, stdio: 'ignore' });
    children.push(bouncer);
    await waitForPort(pgbouncerPort);
    const bouncerUrl = (db) => `postgres://${primary.username || 'postgres'}@127.0.0.1:${pgbouncerPort}/${db}`;
    log(`pgbouncer: transaction pooling on 127.0.0.1:${pgbouncerPort} (${poolSize} server connections per database)`);

    const lbUrl = `http://127.0.0.1:${lbPort}`;
    const instanceEnvironment = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: bouncerUrl('loopkit'),
      DATABASE_PGBOUNCER: 'true',
      DATABASE_READ_URL: replica ? bouncerUrl('loopkit_read') : '',
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64'),
      AUTH_URL: lbUrl,
      TRUSTED_PROXIES: 'loopback',
      SEED_DEMO: process.env.SEED_DEMO ?? 'false',
      ...instanceEnv,
    };
    const instances = [];
    // One at a time: the first applies migrations and seeds; the second then finds them done.
    for (const [i, port] of instancePorts.entries()) {
      const out = openSync(path.join(dir, `app-${i + 1}.log`), 'a');
      const child = spawn(process.execPath, [path.join('scripts', 'server.mjs'), '-p', String(port), '-H', '127.0.0.1'], { env: instanceEnvironment, stdio: ['ignore', out, out] });
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitForHealth(url, child);
      instances.push({ port, url, process: child, kill: (signal = 'SIGKILL') => child.kill(signal) });
      log(`instance ${i + 1}: ${url} (pid ${child.pid})`);
    }

    writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig({ dir, port: lbPort, instancePorts }));
    const nginx = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'nginx-error.log')], { stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(nginx);
    await waitForHealth(lbUrl, nginx);
    log(`nginx: ${lbUrl} → ${instancePorts.map((p) => `:${p}`).join(', ')}`);
    return {
      dir,
      lbUrl,
      instances,
      primaryUrl: databaseUrl,
      appUrl: bouncerUrl('loopkit'),
      readUrl: replica ? bouncerUrl('loopkit_read') : undefined,
      replicaUrl: replica?.url,
      accessLog: () => (existsSync(path.join(dir, 'access.log')) ? readFileSync(path.join(dir, 'access.log'), 'utf8') : ''),
      stop,
    };
  } catch (error) {
    if (existsSync(dir)) for (const f of ['app-1.log', 'app-2.log', 'nginx-error.log', 'pgbouncer.log', 'replica.log']) {
      const file = path.join(dir, f);
      if (existsSync(file)) console.error(`--- ${f} (tail)\n${readFileSync(file, 'utf8').split('\n').slice(-15).join('\n')}`);
    }
    await stop();
    throw error;
  }
}

// No top-level await: tests/bench/scale.ts imports this module through tsx, which loads it as CommonJS.
async function main() {
  const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/loopkit_scale';
  if (!process.env.AUTH_SECRET) console.log('AUTH_SECRET is unset: the instances share a random one for this run (sessions end when it stops).');
  const topology = await startTopology({ databaseUrl, replicaPort: process.argv.includes('--no-replica') ? null : 5433 });
  console.log(`\nLoopkit is served on ${topology.lbUrl} by ${topology.instances.length} instances. Logs: ${topology.dir}. Ctrl-C stops everything.`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      void topology.stop().then(() => process.exit(0));
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
