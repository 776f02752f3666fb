import { jsonWithEtag, queryOf } from '@/lib/api/conditional';
import { createCandidate } from '@/lib/candidates/mutations';
import { getCandidateDetails, listCandidates } from '@/lib/candidates/queries';
import { apiRoute, readJson } from '../handler';

/**
 * GET ?q&openingId&stage&loopStageId&sort&updated_since&cursor&limit → 200 { candidates, total, nextCursor }.
 * Pass nextCursor back as `cursor` (with the same filters) for the next page; 422 names a bad parameter.
 */
export const GET = apiRoute<Record<string, never>>(async (ctx, request) => {
  const page = await listCandidates(ctx, queryOf(request));
  return Response.json({ candidates: page.rows, total: page.total, nextCursor: page.nextCursor });
});

/** { name, email, phone?, location?, source?, openingId? } → 201 { candidate } (an application too when openingId is given). */
export const POST = apiRoute(async (ctx, request) => {
  const { candidateId } = await createCandidate(ctx, await readJson(request));
  const candidate = await getCandidateDetails(ctx, candidateId);
  return jsonWithEtag(request, { candidate }, candidate.revision, { status: 201, headers: { Location: `/api/v1/candidates/${candidateId}` } });
});
