import { updateCandidate } from '@/lib/candidates/mutations';
import { getCandidateDetails } from '@/lib/candidates/queries';
import { ValidationError } from '@/lib/errors';
import { apiRoute, readJson } from '../../handler';

type Params = { candidateId: string };

/** The candidate's details with the revision an edit must be based on. */
export const GET = apiRoute<Params>(async (ctx, _request, { candidateId }) => Response.json({ candidate: await getCandidateDetails(ctx, candidateId) }));

/** { revision, name?, email?, phone?, location?, source?, notes? } → 200 { candidate }, 409 { error.current } on a stale revision, 422 naming fields. */
export const PATCH = apiRoute<Params>(async (ctx, request, { candidateId }) => {
  const body = await readJson(request);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw ValidationError.field('body', 'must be a JSON object');
  return Response.json({ candidate: await updateCandidate(ctx, { ...body, candidateId }) });
});
