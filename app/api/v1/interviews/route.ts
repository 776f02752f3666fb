import { listInterviewOverview, type OverviewRow } from '@/lib/interviews/overview';
import { apiRoute } from '../handler';

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
