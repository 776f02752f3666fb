import { jsonWithEtag, withIfMatch } from '@/lib/api/conditional';
import { updateCandidate } from '@/lib/candidates/mutations';
import { getCandidateDetails } from '@/lib/candidates/queries';
import { apiRoute, readJson } from '../../handler';

type Params = { candidateId: string };

/** The candidate's details; the ETag is the revision an edit must be based on. */
export const GET = apiRoute<Params>(async (ctx, request, { candidateId }) => {
  const candidate = await getCandidateDetails(ctx, candidateId);
  return jsonWithEtag(request, { candidate }, candidate.revision);
});

/** { name?, email?, phone?, location?, source?, notes? } with If-Match (or `revision`) → 200 { candidate }, 409 { error.current } on a stale revision, 422 naming fields. */
export const PATCH = apiRoute<Params>(async (ctx, request, { candidateId }) => {
  const body = withIfMatch(request, await readJson(request));
  const candidate = await updateCandidate(ctx, { ...body, candidateId });
  return jsonWithEtag(request, { candidate }, candidate.revision);
});
