import { jsonWithEtag, withIfMatch } from '@/lib/api/conditional';
import { getOpeningResource } from '@/lib/api/reads';
import { updateOpening } from '@/lib/openings/mutations';
import { getOpeningForEdit } from '@/lib/openings/queries';
import { apiRoute, readJson } from '../../handler';

type Params = { openingId: string };

/** The opening with its loop (stages, kits, durations) and skill weights; ETag is its revision. */
export const GET = apiRoute<Params>(async (ctx, request, { openingId }) => {
  const opening = await getOpeningResource(ctx, openingId);
  return jsonWithEtag(request, { opening }, opening.revision);
});

/**
 * A partial edit: fields left out keep their value (`stages`, when sent, is the whole loop in its
 * new order; `weights`, when sent, all of them). Needs `If-Match` (or `revision` in the body):
 * a stale one is the 409 conflict with `error.current`.
 */
export const PATCH = apiRoute<Params>(async (ctx, request, { openingId }) => {
  const body = withIfMatch(request, await readJson(request));
  const current = await getOpeningForEdit(ctx, openingId);
  await updateOpening(ctx, {
    title: current.title,
    level: current.level,
    status: current.status,
    description: current.description,
    hiringManagerUserId: current.hiringManagerUserId,
    stages: current.stages.map(({ id, name, kitId, durationMinutes }) => ({ id, name, kitId, durationMinutes })),
    ...body,
    openingId,
  });
  const opening = await getOpeningResource(ctx, openingId);
  return jsonWithEtag(request, { opening }, opening.revision);
});
