import { jsonWithEtag } from '@/lib/api/conditional';
import { getApplicationResource } from '@/lib/api/reads';
import { moveApplication } from '@/lib/candidates/mutations';
import { ValidationError } from '@/lib/errors';
import { apiRoute, readJson } from '../../handler';

type Params = { applicationId: string };

export const GET = apiRoute<Params>(async (ctx, request, { applicationId }) => jsonWithEtag(request, { application: await getApplicationResource(ctx, applicationId) }));

/** Moves the application: { stage: active | hired | rejected | withdrawn } → 200 { application }. Setting the stage it has is a no-op. */
export const PATCH = apiRoute<Params>(async (ctx, request, { applicationId }) => {
  const body = await readJson(request);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw ValidationError.field('body', 'must be a JSON object');
  await moveApplication(ctx, { ...body, applicationId });
  return jsonWithEtag(request, { application: await getApplicationResource(ctx, applicationId) });
});
