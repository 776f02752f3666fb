// A real HTTP receiver on loopback for webhook tests: answers with the statuses it is told to
// (then 200), records every request, and checks each signature with the standardwebhooks package.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The verified payload, or null when the signature did not verify with the current secret. */
  verified: unknown;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** Statuses for the next requests, in order; 200 once they are used up. */
  respondWith: (...statuses: number[]) => void;
  setSecret: (secret: string) => void;
  close: () => Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let statuses: number[] = [];
  let secret: string | null = null;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified: unknown = null;
      try {
        if (secret) verified = new Webhook(secret).verify(body, request.headers as Record<string, string>);
      } catch {
        verified = null;
      }
      received.push({ headers: request.headers, body, verified });
      const status = statuses.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok thanks' : `failed with ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    respondWith: (...next) => void (statuses = next),
    setSecret: (s) => void (secret = s),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
