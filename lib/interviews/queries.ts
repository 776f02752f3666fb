import 'server-only';
// Reads of interviews: a member's own (the ones they sit on the panel of), and an interview's
// schedule as rescheduling and cancelling see it.
import { and, asc, eq, exists, sql } from 'drizzle-orm';
import { applications, candidates, type Interview, interviewPanelists, interviews, openings, scorecards } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';

function onPanel(ctx: Ctx) {
  return exists(
    ctx.db
      .select({ one: sql`1` })
      .from(interviewPanelists)
      .where(and(eq(interviewPanelists.organizationId, ctx.organizationId), eq(interviewPanelists.interviewId, interviews.id), eq(interviewPanelists.userId, ctx.userId))),
  );
}

/** The signed-in member's interviews, with whether their own feedback is still owed. */
export async function listMyInterviews(ctx: Ctx) {
  return ctx.db
    .select({
      id: interviews.id,
      scheduledAt: interviews.scheduledAt,
      durationMinutes: interviews.durationMinutes,
      status: interviews.status,
      candidate: candidates.name,
      opening: openings.title,
      scorecardStatus: scorecards.status,
    })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(openings, eq(openings.id, applications.openingId))
    .leftJoin(scorecards, and(eq(scorecards.interviewId, interviews.id), eq(scorecards.interviewerUserId, ctx.userId)))
    .where(and(eq(interviews.organizationId, ctx.organizationId), onPanel(ctx)))
    .orderBy(asc(interviews.scheduledAt));
}

/**
 * Feedback is owed once an interview's time is over (nobody has to mark it completed) and until
 * the member's own scorecard is submitted; a cancelled interview owes nothing.
 */
export function feedbackOwed(i: { scheduledAt: Date; durationMinutes: number; status: string; scorecardStatus: string | null }, now = new Date()): boolean {
  return i.status !== 'cancelled' && i.scorecardStatus !== 'submitted' && i.scheduledAt.getTime() + i.durationMinutes * 60_000 <= now.getTime();
}

/** The home page's two lists: interviews still ahead, and past ones whose feedback is owed. */
export async function summarizeMyInterviews(ctx: Ctx, now = new Date()) {
  const rows = await listMyInterviews(ctx);
  const recentCutoff = now.getTime() - 3_600_000;
  return {
    upcoming: rows.filter((i) => i.status === 'scheduled' && i.scheduledAt.getTime() > recentCutoff),
    owed: rows.filter((i) => feedbackOwed(i, now)),
  };
}

/** "My interviews": today's, the ones still ahead, and past ones whose feedback is still owed. */
export async function groupMyInterviews(ctx: Ctx, now = new Date()) {
  const rows = await listMyInterviews(ctx);
  const startOfDay = new Date(now);
  startOfDay.setHours(0, 0, 0, 0);
  const endOfDay = new Date(startOfDay.getTime() + 86_400_000);
  const isToday = (d: Date) => d >= startOfDay && d < endOfDay;
  return {
    today: rows.filter((i) => isToday(i.scheduledAt) && i.status !== 'cancelled'),
    upcoming: rows.filter((i) => i.scheduledAt >= endOfDay && i.status === 'scheduled'),
    owed: rows.filter((i) => i.scheduledAt < startOfDay && i.status !== 'cancelled' && i.scorecardStatus !== 'submitted'),
    done: rows.filter((i) => i.scorecardStatus === 'submitted'),
  };
}

/** An interview's schedule as rescheduling and cancelling see it (also a 409's `current`). */
export interface InterviewSchedule {
  id: string;
  revision: number;
  status: Interview['status'];
  scheduledAt: string;
  durationMinutes: number;
  panelUserIds: string[];
}

export async function loadInterviewSchedule(ctx: Ctx, interviewId: string): Promise<InterviewSchedule> {
  const [interview] = await ctx.db
    .select()
    .from(interviews)
    .where(and(eq(interviews.id, interviewId), eq(interviews.organizationId, ctx.organizationId)));
  if (!interview) throw new NotFoundError('Interview');
  const panel = await ctx.db
    .select({ userId: interviewPanelists.userId })
    .from(interviewPanelists)
    .where(and(eq(interviewPanelists.organizationId, ctx.organizationId), eq(interviewPanelists.interviewId, interviewId)));
  return {
    id: interview.id,
    revision: interview.revision,
    status: interview.status,
    scheduledAt: interview.scheduledAt.toISOString(),
    durationMinutes: interview.durationMinutes,
    panelUserIds: panel.map((p) => p.userId).sort(),
  };
}
