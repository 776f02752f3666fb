import { jsonWithEtag } from '@/lib/api/conditional';
import { getOpeningGrid } from '@/lib/dashboard/queries';
import { apiRoute } from '../../../handler';

/** The comparison grid as JSON: skills, weights and each candidate's cells, only with feedback the caller may see. */
export const GET = apiRoute<{ openingId: string }>(async (ctx, request, { openingId }) => jsonWithEtag(request, { grid: await getOpeningGrid(ctx, openingId) }));
