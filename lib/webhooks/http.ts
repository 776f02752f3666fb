import 'server-only';
// One webhook POST: through the SSRF guard (literal addresses checked here, names at connect time
// by the guarded lookup), with an end-to-end timeout, never following a redirect, reading at most
// a little of the answer.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertLiteralAllowed, ForbiddenTargetError, guardedLookup, unsafeUrlReason } from './ssrf';

export interface PostResult {
  statusCode: number | null;
  latencyMs: number;
  responseSnippet: string | null;
  error: string | null;
}

const SNIPPET_CHARS = 500;
const MAX_READ_BYTES = 16 * 1024;

export async function postWebhook(target: string, headers: Record<string, string>, body: string, options: { allowPrivate: boolean; timeoutMs: number }): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refused = unsafeUrlReason(target, options.allowPrivate, false);
  if (refused) return { statusCode: null, latencyMs: elapsed(), responseSnippet: null, error: `Refused: ${refused}` };
  const url = new URL(target);
  try {
    assertLiteralAllowed(url, options.allowPrivate);
    const response = await send(url, headers, body, options);
    return { statusCode: response.statusCode, latencyMs: elapsed(), responseSnippet: response.snippet, error: null };
  } catch (error) {
    const message = error instanceof ForbiddenTargetError ? `Refused: ${error.message}` : (error as Error).message || 'Request failed';
    return { statusCode: null, latencyMs: elapsed(), responseSnippet: null, error: message.slice(0, 500) };
  }
}

function send(url: URL, headers: Record<string, string>, body: string, options: { allowPrivate: boolean; timeoutMs: number }): Promise<{ statusCode: number; snippet: string }> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.allowPrivate),
        // A fresh connection each time: a pooled socket would skip the lookup (and its check).
        agent: false,
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          if (read >= MAX_READ_BYTES) return;
          chunks.push(chunk);
          read += chunk.length;
          if (read >= MAX_READ_BYTES) response.destroy();
        });
        const finish = () => {
          clearTimeout(timer);
          resolve({ statusCode: response.statusCode ?? 0, snippet: Buffer.concat(chunks).toString('utf8').slice(0, SNIPPET_CHARS) });
        };
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`Timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}
