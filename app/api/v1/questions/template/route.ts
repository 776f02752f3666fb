// A ready-to-fill import file: the bank's columns with one example question (CSV or JSON).
import { questionTemplate } from '@/lib/questions/file-format';
import { apiRoute } from '../../handler';

export const GET = apiRoute(async (_ctx, request) => {
  const format = new URL(request.url).searchParams.get('format') === 'json' ? 'json' : 'csv';
  return new Response(questionTemplate(format), {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
      'Content-Disposition': `attachment; filename="loopkit-questions-template.${format}"`,
      'Cache-Control': 'no-store',
    },
  });
});
