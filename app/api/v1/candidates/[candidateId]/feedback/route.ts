import { listCandidateFeedback } from '@/lib/scorecards/queries';
import { apiRoute } from '../../../handler';

/** Feedback on a candidate, under the independent-scoring rule. */
export const GET = apiRoute<{ candidateId: string }>(async (ctx, _request, { candidateId }) => Response.json(await listCandidateFeedback(ctx, { candidateId })));
