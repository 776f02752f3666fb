import { getCandidateDataExport } from '@/lib/candidates/data-export';
import { apiRoute } from '../../../handler';

/** Subject access export (GDPR Art. 15): everything held about one candidate, as a JSON download never cached. */
export const GET = apiRoute<{ candidateId: string }>(async (ctx, _request, { candidateId }) => {
  const data = await getCandidateDataExport(ctx, candidateId);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      // The id, not the name, in the file name: download folders and proxy logs keep file names.
      'Content-Disposition': `attachment; filename="candidate-${data.candidate.id}-data.json"`,
      'Cache-Control': 'no-store',
    },
  });
});
