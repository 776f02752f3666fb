import { exportKit } from '@/lib/kits/transfer';
import { apiRoute } from '../../../handler';

export const GET = apiRoute<{ kitId: string }>(async (ctx, request, { kitId }) => {
  const version = Number.parseInt(new URL(request.url).searchParams.get('version') ?? '', 10);
  const file = await exportKit(ctx, kitId, { version: Number.isFinite(version) ? version : undefined });
  return new Response(file.body, {
    headers: { 'Content-Type': 'application/json', 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store' },
  });
});
