import { exportOpeningGridCsv } from '@/lib/dashboard/export';
import { apiRoute } from '../../../handler';

/** The comparison grid as CSV (only feedback the caller may see under independent scoring). */
export const GET = apiRoute<{ openingId: string }>(async (ctx, _request, { openingId }) => {
  const csv = await exportOpeningGridCsv(ctx, openingId);
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="comparison.csv"', 'Cache-Control': 'no-store' } });
});
