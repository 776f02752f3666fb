import { saveScorecard } from '@/lib/scorecards/mutations';
import { getScorecard } from '@/lib/scorecards/queries';
import { apiRoute, readJson } from '../../handler';

type Params = { scorecardId: string };

export const GET = apiRoute<Params>(async (ctx, _request, { scorecardId }) => Response.json(await getScorecard(ctx, scorecardId)));

/** Autosave: { baseRevision, notes?, questionRatings?, ratings?, recommendation?, summary? } → 200 { revision } or 409 { error.current }. */
export const PATCH = apiRoute<Params>(async (ctx, request, { scorecardId }) => {
  const body = (await readJson(request)) as Record<string, unknown>;
  return Response.json(await saveScorecard(ctx, { ...body, scorecardId }));
});
