import { importCandidates, previewCandidateImport } from '@/lib/candidates/mutations';
import { apiRoute, readJson } from '../../handler';

/**
 * A CSV file of candidates (columns name, email, phone, location, source, opening) as
 * { content, openingId?, dryRun? }. dryRun → 200 with the preview or the row errors; otherwise
 * 201 { created } — all rows or none (422 naming `row N: field` for each problem).
 */
export const POST = apiRoute(async (ctx, request) => {
  const body = await readJson(request);
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const { dryRun, ...input } = fields;
  if (dryRun === true) return Response.json({ preview: await previewCandidateImport(ctx, input) });
  return Response.json(await importCandidates(ctx, input), { status: 201 });
});
