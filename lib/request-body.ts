// Reading a request body with a size limit. Kept apart from ./http.ts (which imports Next.js's
// navigation helpers) so that modules loaded by the job worker and scripts (lib/idempotency.ts via
// lib/jobs/registry.ts) stay free of Next.js client code.
import { PayloadTooLargeError } from './errors';

/** The largest JSON body any API route reads: generous for a scorecard's notes, small enough to refuse abuse. */
export const MAX_JSON_BODY_BYTES = 1_000_000;

/** The raw request body as text, at most maxBytes (413 beyond, without buffering the rest). */
export async function readBodyText(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<string> {
  const tooLarge = () => new PayloadTooLargeError(`The request body is larger than ${Math.round(maxBytes / 1000)} kB`);
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
