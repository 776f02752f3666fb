import { jsonWithEtag, withIfMatch } from '@/lib/api/conditional';
import { cancelInterview } from '@/lib/interviews/mutations';
import { apiRoute, readJson } from '../../../handler';

/** { reason } with If-Match (or `revision`) → 200 { interview }; 409 once feedback was submitted or on a stale revision. */
export const POST = apiRoute<{ interviewId: string }>(async (ctx, request, { interviewId }) => {
  const body = withIfMatch(request, await readJson(request));
  const interview = await cancelInterview(ctx, { ...body, interviewId });
  return jsonWithEtag(request, { interview }, interview.revision);
});
