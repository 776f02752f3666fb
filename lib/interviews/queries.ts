import 'server-only';
// Reads of interviews: a member's own (the ones they sit on the panel of), and an interview's
// schedule as rescheduling and cancelling see it.
import { and, asc, eq, exists, sql } from 'drizzle-orm';
import { applications, candidates, type Interview, interviewPanelists, interviews, openings, type PanelRole, scorecards } from '@/db/schema';
import { candidateLabelSql } from '../candidates/blind';
import { can, type Ctx } from '../context';
import { ForbiddenError, NotFoundError } from '../errors';
import { parseId } from '../ids';
import { interviewQualificationWarning } from '../kits/qualifications';
import { dayBoundsInZone } from '../time';
import { type InterviewState, interviewEndsAt, interviewStateColumns, interviewStateSql } from './status';

function onPanel(ctx: Ctx) {
  return exists(
    ctx.db
      .select({ one: sql`1` })
      .from(interviewPanelists)
      .where(and(eq(interviewPanelists.organizationId, ctx.organizationId), eq(interviewPanelists.interviewId, interviews.id), eq(interviewPanelists.userId, ctx.userId))),
  );
}

/** The signed-in member's interviews, with the interview's derived state and their own card's. */
export async function listMyInterviews(ctx: Ctx, now?: Date) {
  return ctx.db
    .select({
      id: interviews.id,
      scheduledAt: interviews.scheduledAt,
      durationMinutes: interviews.durationMinutes,
      status: interviews.status,
      state: interviewStateSql(interviewStateColumns(), now),
      candidate: candidateLabelSql('panel', ctx),
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
 * The member owes their card while the interview awaits feedback (it has ended — nobody has to
 * mark it completed — and is neither cancelled nor about an erased candidate) and theirs is not in.
 */
export function owesFeedback(i: { state: InterviewState; scorecardStatus: string | null }): boolean {
  return i.state === 'awaiting_feedback' && i.scorecardStatus !== 'submitted';
}

/**
 * Still ahead of the member: the interview has not ended (derived state scheduled or in progress)
 * and their own card is not in. An interview whose cards are all in is complete and leaves, as does
 * one the member already submitted for while a colleague is still writing.
 */
function stillAhead(i: { state: InterviewState; scorecardStatus: string | null }): boolean {
  return (i.state === 'scheduled' || i.state === 'in_progress') && i.scorecardStatus !== 'submitted';
}

/** The home page's two lists: interviews still ahead, and past ones whose feedback is owed. */
export async function summarizeMyInterviews(ctx: Ctx, now = new Date()) {
  const rows = await listMyInterviews(ctx, now);
  return {
    upcoming: rows.filter(stillAhead),
    owed: rows.filter(owesFeedback),
  };
}

/**
 * "My interviews" in the viewer's zone: today's (every interview whose time overlaps the viewer's
 * day, so one that started before midnight and is still running is today's too), the ones still
 * ahead after today, past ones whose feedback is still owed, and the member's submitted cards.
 */
export async function groupMyInterviews(ctx: Ctx, now = new Date(), timeZone = 'UTC') {
  const rows = await listMyInterviews(ctx, now);
  const day = dayBoundsInZone(now, timeZone);
  const isToday = (i: Row) => i.scheduledAt < day.end && interviewEndsAt(i) > day.start;
  return {
    today: rows.filter((i) => isToday(i) && i.status !== 'cancelled'),
    upcoming: rows.filter((i) => i.scheduledAt >= day.end && stillAhead(i)),
    owed: rows.filter((i) => !isToday(i) && owesFeedback(i)),
    done: rows.filter((i) => i.scorecardStatus === 'submitted'),
  };
}

type Row = Awaited<ReturnType<typeof listMyInterviews>>[number];

/** An interview's schedule as rescheduling and cancelling see it (also a 409's `current`). */
export interface InterviewSchedule {
  id: string;
  revision: number;
  status: Interview['status'];
  scheduledAt: string;
  durationMinutes: number;
  panelUserIds: string[];
  /** Each panelist's role; shadows' cards never count (lib/scorecards/counted.ts). */
  panelRoles: Record<string, PanelRole>;
  /** Advice that did not stop the change, e.g. no qualified interviewer on the panel. Empty once cancelled. */
  warnings: string[];
}

export async function loadInterviewSchedule(ctx: Ctx, interviewId: string): Promise<InterviewSchedule> {
  const [interview] = await ctx.db
    .select()
    .from(interviews)
    .where(and(eq(interviews.id, interviewId), eq(interviews.organizationId, ctx.organizationId)));
  if (!interview) throw new NotFoundError('Interview');
  const panel = await ctx.db
    .select({ userId: interviewPanelists.userId, role: interviewPanelists.role })
    .from(interviewPanelists)
    .where(and(eq(interviewPanelists.organizationId, ctx.organizationId), eq(interviewPanelists.interviewId, interviewId)));
  const panelUserIds = panel.map((p) => p.userId).sort();
  const panelRoles = Object.fromEntries(panel.map((p) => [p.userId, p.role]));
  const warning = interview.status === 'cancelled' ? null : await interviewQualificationWarning(ctx, interview.kitVersionId, panelUserIds, panelRoles);
  return {
    id: interview.id,
    revision: interview.revision,
    status: interview.status,
    scheduledAt: interview.scheduledAt.toISOString(),
    durationMinutes: interview.durationMinutes,
    panelUserIds,
    panelRoles,
    warnings: warning ? [warning] : [],
  };
}

/** An interview's progress as its page shows it: derived state and how many of the panel's cards are in. */
export interface InterviewProgress {
  state: InterviewState;
  endsAt: Date;
  panelSize: number;
  submittedCount: number;
}

/** For the interview's panel and members who see every interview; anyone else is refused (403). */
export async function getInterviewProgress(ctx: Ctx, interviewIdInput: unknown, now?: Date): Promise<InterviewProgress> {
  const interviewId = parseId('interviewId', interviewIdInput);
  const columns = interviewStateColumns();
  const [row] = await ctx.db
    .select({
      scheduledAt: interviews.scheduledAt,
      durationMinutes: interviews.durationMinutes,
      state: interviewStateSql(columns, now),
      panelSize: sql<number>`${columns.panelSize}`,
      submittedCount: sql<number>`${columns.submittedCount}`,
      mine: onPanel(ctx),
    })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .where(and(eq(interviews.id, interviewId), eq(interviews.organizationId, ctx.organizationId)));
  if (!row) throw new NotFoundError('Interview');
  if (!row.mine && !can(ctx, 'interview:read_all')) throw new ForbiddenError();
  return { state: row.state, endsAt: interviewEndsAt(row), panelSize: Number(row.panelSize), submittedCount: Number(row.submittedCount) };
}
