import { queryOf } from '@/lib/api/conditional';
import { listKitsPage } from '@/lib/api/reads';
import { apiRoute } from '../handler';

/** GET ?updated_since&cursor&limit → 200 { kits, nextCursor }: the organization's kits and the built-in templates. */
export const GET = apiRoute(async (ctx, request) => {
  const page = await listKitsPage(ctx, queryOf(request));
  return Response.json({ kits: page.rows, nextCursor: page.nextCursor });
});
