// Production server: Next.js behind Node's own HTTP server, so that the autosave hot path
// (PATCH /api/v1/scorecards/:id, about one request per second per interviewer while they type)
// is answered without Next.js's per-request machinery — about 4 ms of CPU each on a small machine.
// Everything else, and autosave itself when the fast path declines, goes to Next.js unchanged.
// The fast path needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process.
//   node scripts/server.mjs [-p PORT] [-H HOSTNAME]
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
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const fastPathFile = path.join(process.cwd(), '.next', 'loopkit', 'autosave-fast-path.mjs');
const fastPath = process.env.DATABASE_URL && existsSync(fastPathFile) ? await import(pathToFileURL(fastPathFile).href) : null;

const server = createServer(async (request, response) => {
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
