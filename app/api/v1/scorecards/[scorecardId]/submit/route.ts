import { submitScorecard } from '@/lib/scorecards/mutations';
import { apiRoute, readJson } from '../../../handler';

export const POST = apiRoute<{ scorecardId: string }>(async (ctx, request, { scorecardId }) => {
  const body = (await readJson(request)) as Record<string, unknown>;
  return Response.json(await submitScorecard(ctx, { ...body, scorecardId }));
});
