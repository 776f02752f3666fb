// Production server: Next.js behind Node's own HTTP server, so that the autosave hot path
// (PATCH /api/v1/scorecards/:id, about one request per second per interviewer while they type)
// is answered without Next.js's per-request machinery — about 4 ms of CPU each on a small machine.
// Everything else, and autosave itself when the fast path declines, goes to Next.js unchanged.
// The fast path needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process.
//   node scripts/server.mjs [-p PORT] [-H HOSTNAME]
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import nextEnv from '@next/env';
import next from 'next';

const args = process.argv.slice(2);
const option = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const port = Number(option('-p', process.env.PORT ?? 3000));
// Not $HOSTNAME: shells and containers set it to the machine's name, not an address to listen on.
const hostname = option('-H', '0.0.0.0');

nextEnv.loadEnvConfig(process.cwd(), false);
process.env.NODE_ENV = 'production';
// The TCP peer address reaches the app in an internal header (Next.js route handlers cannot see
// the socket), which lib/auth/client-ip.ts combines with X-Forwarded-For and TRUSTED_PROXIES.
// Any incoming copy is deleted first, and the value carries this per-process key, so neither a
// client nor a server that did not set the header (e.g. `next dev`) can make it trusted.
const SOCKET_ADDRESS_HEADER = 'x-loopkit-socket-address';
const socketAddressKey = randomBytes(18).toString('base64url');
process.env.LOOPKIT_SOCKET_ADDRESS_KEY = socketAddressKey;
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const fastPathFile = path.join(process.cwd(), '.next', 'loopkit', 'autosave-fast-path.mjs');
const fastPath = process.env.DATABASE_URL && existsSync(fastPathFile) ? await import(pathToFileURL(fastPathFile).href) : null;

const server = createServer(async (request, response) => {
  delete request.headers[SOCKET_ADDRESS_HEADER];
  if (request.socket.remoteAddress) request.headers[SOCKET_ADDRESS_HEADER] = `${socketAddressKey} ${request.socket.remoteAddress}`;
  try {
    if (fastPath && (await fastPath.tryAutosaveFastPath(request, response))) return;
  } catch (error) {
    console.error('autosave fast path', error);
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { code: 'internal', message: 'Something went wrong on our side' } }));
    return;
  }
  handle(request, response);
}).listen(port, hostname, () => {
  console.log(`Loopkit ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}${fastPath ? ' (autosave fast path on)' : ''}`);
});
// Finish the requests in flight, then exit (a plain exit also lets --cpu-prof write its profile).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
