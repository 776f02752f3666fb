import { jsonWithEtag, queryOf } from '@/lib/api/conditional';
import { getApplicationResource, listApplicationsPage } from '@/lib/api/reads';
import { applyToOpening } from '@/lib/candidates/mutations';
import { apiRoute, readJson } from '../handler';

/** GET ?openingId&candidateId&stage&updated_since&cursor&limit → 200 { applications, nextCursor }. */
export const GET = apiRoute(async (ctx, request) => {
  const page = await listApplicationsPage(ctx, queryOf(request));
  return Response.json({ applications: page.rows, nextCursor: page.nextCursor });
});

/** { candidateId, openingId } → 201 { application }; 422 on openingId when the candidate already applied. */
export const POST = apiRoute(async (ctx, request) => {
  const { applicationId } = await applyToOpening(ctx, await readJson(request));
  const application = await getApplicationResource(ctx, applicationId);
  return jsonWithEtag(request, { application }, undefined, { status: 201, headers: { Location: `/api/v1/applications/${applicationId}` } });
});
