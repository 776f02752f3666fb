import { listOpeningsPage } from '@/lib/api/reads';
import { jsonWithEtag, queryOf } from '@/lib/api/conditional';
import { getOpeningResource } from '@/lib/api/reads';
import { createOpening } from '@/lib/openings/mutations';
import { apiRoute, readJson } from '../handler';

/** GET ?status&updated_since&cursor&limit → 200 { openings, nextCursor } in creation order. */
export const GET = apiRoute(async (ctx, request) => {
  const page = await listOpeningsPage(ctx, queryOf(request));
  return Response.json({ openings: page.rows, nextCursor: page.nextCursor });
});

/** { title, level, description?, hiringManagerUserId?, stages: [{ name, kitId, durationMinutes }] } → 201 { opening } with its ETag. */
export const POST = apiRoute(async (ctx, request) => {
  const { openingId } = await createOpening(ctx, await readJson(request));
  const opening = await getOpeningResource(ctx, openingId);
  return jsonWithEtag(request, { opening }, opening.revision, { status: 201, headers: { Location: `/api/v1/openings/${openingId}` } });
});
