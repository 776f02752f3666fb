import { listCandidates } from '@/lib/candidates/queries';
import { apiRoute } from '../handler';

/**
 * GET ?q&openingId&stage&loopStageId&sort&cursor&limit → 200 { candidates, total, nextCursor }.
 * Pass nextCursor back as `cursor` (with the same filters) for the next page; 422 names a bad parameter.
 */
export const GET = apiRoute<Record<string, never>>(async (ctx, request) => {
  const params = new URL(request.url).searchParams;
  const input = Object.fromEntries(['q', 'openingId', 'stage', 'loopStageId', 'sort', 'cursor', 'limit'].flatMap((name) => (params.has(name) ? [[name, params.get(name)]] : [])));
  const page = await listCandidates(ctx, input);
  return Response.json({ candidates: page.rows, total: page.total, nextCursor: page.nextCursor });
});
