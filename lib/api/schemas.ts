// What every list of the REST API accepts: keyset pagination and an `updated_since` filter.
// Safe to import in the browser; the OpenAPI document (./openapi.ts) is built from these.
import { z } from 'zod';

const unsetIfBlank = (v: unknown) => (v === '' || v === null ? undefined : v);

export const PageQuery = z.object({
  cursor: z.preprocess(unsetIfBlank, z.string({ error: 'cursor must be text' }).max(300, 'cursor is not one this list gave out').optional()).meta({
    description: 'The `nextCursor` of the previous page, with the same filters. Omit for the first page.',
  }),
  limit: z
    .preprocess(unsetIfBlank, z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be at least 1').max(100, 'limit must be at most 100').default(25))
    .meta({ description: 'Items per page, 1–100 (default 25).' }),
  updated_since: z
    .preprocess(unsetIfBlank, z.iso.datetime({ offset: true, error: 'updated_since must be an ISO 8601 instant, such as 2026-01-31T09:00:00Z' }).optional())
    .meta({ description: 'Only items changed at or after this instant (ISO 8601 with an offset). Poll with the time your previous poll started.' }),
});
export type PageQuery = z.output<typeof PageQuery>;
