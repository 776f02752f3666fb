import { getDecisionPacket } from '@/lib/dashboard/decision-packet';
import { apiRoute } from '../../../handler';

/** The decision packet as JSON: ?opening=<id>, optional when the candidate has one application. */
export const GET = apiRoute<{ candidateId: string }>(async (ctx, request, { candidateId }) => {
  const openingId = new URL(request.url).searchParams.get('opening') ?? undefined;
  return Response.json(await getDecisionPacket(ctx, { candidateId, openingId }), { headers: { 'Cache-Control': 'no-store' } });
});
