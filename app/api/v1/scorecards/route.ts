import { queryOf } from '@/lib/api/conditional';
import { listSubmittedScorecards } from '@/lib/api/reads';
import { apiRoute } from '../handler';

/**
 * Submitted scorecards the caller may read under the independent-scoring rule:
 * GET ?candidateId&openingId&interviewId&interviewerUserId&updated_since&cursor&limit → 200 { scorecards, nextCursor }.
 */
export const GET = apiRoute(async (ctx, request) => {
  const page = await listSubmittedScorecards(ctx, queryOf(request));
  return Response.json({ scorecards: page.rows, nextCursor: page.nextCursor });
});
