import { jsonWithEtag, withIfMatch } from '@/lib/api/conditional';
import { getInterviewResource } from '@/lib/api/reads';
import { rescheduleInterview } from '@/lib/interviews/mutations';
import { apiRoute, readJson } from '../../handler';

type Params = { interviewId: string };

/** The interview's schedule and panel; the ETag is its revision. */
export const GET = apiRoute<Params>(async (ctx, request, { interviewId }) => {
  const interview = await getInterviewResource(ctx, interviewId);
  return jsonWithEtag(request, { interview }, interview.revision);
});

/**
 * Reschedules: any of { scheduledAt, timeZone, durationMinutes, panelUserIds } (the rest keep their
 * value) with If-Match (or `revision`) → 200 { interview }; 409 with error.current when stale or cancelled.
 */
export const PATCH = apiRoute<Params>(async (ctx, request, { interviewId }) => {
  const body = withIfMatch(request, await readJson(request));
  const current = await getInterviewResource(ctx, interviewId);
  const interview = await rescheduleInterview(ctx, { scheduledAt: current.scheduledAt, durationMinutes: current.durationMinutes, panelUserIds: current.panelUserIds, ...body, interviewId });
  return jsonWithEtag(request, { interview }, interview.revision);
});
