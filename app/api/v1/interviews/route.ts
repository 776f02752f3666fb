import { listInterviewOverview, type OverviewRow } from '@/lib/interviews/overview';
import { jsonWithEtag } from '@/lib/api/conditional';
import { getInterviewResource } from '@/lib/api/reads';
import { scheduleInterview } from '@/lib/interviews/mutations';
import { apiRoute, readJson } from '../handler';

function toJson(r: OverviewRow) {
  return {
    id: r.id,
    scheduledAt: r.scheduledAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    durationMinutes: r.durationMinutes,
    status: r.state,
    candidate: r.candidate,
    opening: r.opening,
    stage: r.stage,
    panel: r.panel,
    owedSince: r.owedSince?.toISOString() ?? null,
    overdue: r.overdue,
  };
}

/**
 * GET ?from&to&timeZone&openingId&status&interviewerId&overdue&cursor&limit → 200 { interviews, nextCursor, range }.
 * `from`/`to` are days (in `timeZone`, default UTC) or instants with an offset; `status` is the
 * derived one (scheduled, in_progress, awaiting_feedback, complete, cancelled). Needs
 * interview:read_all (403); another organization's openingId or interviewerId is a 404; bad
 * parameters are a 422 naming them. Pass `nextCursor` back as `cursor` for the next page.
 */
export const GET = apiRoute(async (ctx, request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const overview = await listInterviewOverview(ctx, params);
  return Response.json({
    interviews: overview.rows.map(toJson),
    nextCursor: overview.nextCursor,
    range: { from: overview.range.from?.toISOString() ?? null, to: overview.range.to?.toISOString() ?? null, timeZone: overview.timeZone },
  });
});

/**
 * Schedules an interview: { applicationId, openingStageId, scheduledAt (ISO 8601 with offset, or
 * local with `timeZone`), durationMinutes, panelUserIds } → 201 { interview }. The stage's kit
 * version is pinned; the panel is invited by e-mail.
 */
export const POST = apiRoute(async (ctx, request) => {
  const { interviewId } = await scheduleInterview(ctx, await readJson(request));
  const interview = await getInterviewResource(ctx, interviewId);
  return jsonWithEtag(request, { interview }, interview.revision, { status: 201, headers: { Location: `/api/v1/interviews/${interviewId}` } });
});
