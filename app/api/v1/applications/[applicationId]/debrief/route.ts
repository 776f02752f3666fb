import { getDebrief } from '@/lib/dashboard/debrief';
import { apiRoute } from '../../../handler';

/** The debrief of an application under the independent-scoring rule (evidence null, with the reason, while hidden). */
export const GET = apiRoute<{ applicationId: string }>(async (ctx, _request, { applicationId }) => Response.json(await getDebrief(ctx, { applicationId })));
