import { exportOpeningGridCsv } from '@/lib/dashboard/export';
import { apiRoute } from '../../../handler';

/**
 * GET ?stage&sort → the comparison grid as CSV, the rows and order the page shows for the same
 * stage and sort (only feedback the caller may see under independent scoring).
 */
export const GET = apiRoute<{ openingId: string }>(async (ctx, request, { openingId }) => {
  const params = new URL(request.url).searchParams;
  const { csv, filename } = await exportOpeningGridCsv(ctx, openingId, { stage: params.get('stage') ?? undefined, sort: params.get('sort') ?? undefined });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' } });
});
