import { exportQuestions } from '@/lib/questions/transfer';
import { apiRoute } from '../../handler';

export const GET = apiRoute(async (ctx, request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const file = await exportQuestions(ctx, params);
  return new Response(file.body, {
    headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store' },
  });
});
