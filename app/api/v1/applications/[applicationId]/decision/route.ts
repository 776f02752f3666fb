import { recordDecision } from '@/lib/decisions/mutations';
import { apiRoute, readJson } from '../../../handler';

/**
 * Records a decision: { outcome, rationale, expectedRevision? } → 201 with the decision and the
 * application's new stage. The history comes with GET …/debrief.
 */
export const POST = apiRoute<{ applicationId: string }>(async (ctx, request, { applicationId }) => {
  const body = await readJson(request);
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
  return Response.json(await recordDecision(ctx, { ...fields, applicationId }), { status: 201 });
});
