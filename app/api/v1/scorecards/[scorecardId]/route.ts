import { jsonWithEtag } from '@/lib/api/conditional';
import { saveScorecard } from '@/lib/scorecards/mutations';
import { getScorecard } from '@/lib/scorecards/queries';
import { apiRoute, readJson } from '../../handler';

type Params = { scorecardId: string };

/** A scorecard the caller may read (their own, or a submitted one the independent-scoring rule shows); the ETag is its revision. */
export const GET = apiRoute<Params>(async (ctx, request, { scorecardId }) => {
  const found = await getScorecard(ctx, scorecardId);
  return jsonWithEtag(request, found, found.scorecard.revision);
});

/** Autosave: { baseRevision, notes?, questionRatings?, ratings?, recommendation?, summary? } → 200 { revision } or 409 { error.current }. */
export const PATCH = apiRoute<Params>(async (ctx, request, { scorecardId }) => {
  const body = (await readJson(request)) as Record<string, unknown>;
  return Response.json(await saveScorecard(ctx, { ...body, scorecardId }));
});
