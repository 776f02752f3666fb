// An interview's state as the team means it, derived from its time and its panel's scorecards —
// never stored, so it cannot go stale when a card is submitted or a clock passes the end. The
// stored `interviews.status` only records cancellation. The rule is written twice, side by side:
// `deriveInterviewState` (TypeScript, for rows already loaded) and `interviewStateSql` (the
// expression list queries filter and sort on); tests/integration/interview-status.test.ts checks
// that both agree on every case. Browser-safe apart from the SQL helpers (drizzle's `sql` only).
import { type SQL, sql } from 'drizzle-orm';

export const INTERVIEW_STATES = ['scheduled', 'in_progress', 'awaiting_feedback', 'complete', 'cancelled'] as const;
export type InterviewState = (typeof INTERVIEW_STATES)[number];

export const INTERVIEW_STATE_LABELS: Record<InterviewState, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  awaiting_feedback: 'Awaiting feedback',
  complete: 'Complete',
  cancelled: 'Cancelled',
};

export const INTERVIEW_STATE_TONES: Record<InterviewState, 'slate' | 'brand' | 'green' | 'amber' | 'red'> = {
  scheduled: 'slate',
  in_progress: 'brand',
  awaiting_feedback: 'amber',
  complete: 'green',
  cancelled: 'red',
};

/**
 * Feedback owed longer than this after the interview's end is overdue. A day is the common
 * expectation (Greenhouse's on-time benchmark counts a scorecard in by the next day).
 */
export const FEEDBACK_DUE_HOURS = 24;
const FEEDBACK_DUE_MS = FEEDBACK_DUE_HOURS * 3_600_000;

export interface InterviewStateInput {
  /** The stored column: only 'cancelled' matters ('completed', written by old demo data, means nothing more than not cancelled). */
  storedStatus: string;
  scheduledAt: Date;
  durationMinutes: number;
  /** Members on the panel, and how many of them have submitted their scorecard. */
  panelSize: number;
  submittedCount: number;
  /** Nothing can be owed about an erased candidate: no feedback may be written about them any more. */
  candidateErased: boolean;
}

export function interviewEndsAt(i: { scheduledAt: Date; durationMinutes: number }): Date {
  return new Date(i.scheduledAt.getTime() + i.durationMinutes * 60_000);
}

/**
 * scheduled before the start; in_progress from the start (inclusive, as "started" is everywhere)
 * to the end; then awaiting_feedback while a panelist's card is missing. complete as soon as every
 * panelist has submitted, even before the scheduled end, and after the end when nobody can owe
 * anything (an empty panel, an erased candidate). cancelled overrides everything.
 */
export function deriveInterviewState(i: InterviewStateInput, now: Date = new Date()): InterviewState {
  if (i.storedStatus === 'cancelled') return 'cancelled';
  if (i.panelSize > 0 && i.submittedCount >= i.panelSize) return 'complete';
  const t = now.getTime();
  if (t < i.scheduledAt.getTime()) return 'scheduled';
  if (t < interviewEndsAt(i).getTime()) return 'in_progress';
  if (i.candidateErased || i.submittedCount >= i.panelSize) return 'complete';
  return 'awaiting_feedback';
}

/** Since when feedback has been owed (the interview's end), or null when nobody owes any. */
export function feedbackOwedSince(i: InterviewStateInput, now: Date = new Date()): Date | null {
  return deriveInterviewState(i, now) === 'awaiting_feedback' ? interviewEndsAt(i) : null;
}

/** Whether the missing feedback is overdue: owed for FEEDBACK_DUE_HOURS or longer. */
export function isFeedbackOverdue(i: InterviewStateInput, now: Date = new Date()): boolean {
  const since = feedbackOwedSince(i, now);
  return since !== null && now.getTime() - since.getTime() >= FEEDBACK_DUE_MS;
}

/** "45 min", "3 h", "2 d 3 h": how long something has been owed, to the hour past a day. */
export function formatOwedFor(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** The SQL operands of the rule: column references (or subqueries) of the query using it. */
export interface InterviewStateColumns {
  storedStatus: SQL;
  scheduledAt: SQL;
  durationMinutes: SQL;
  panelSize: SQL;
  submittedCount: SQL;
  candidateErased: SQL;
}

/** "now" for the SQL side: the database clock unless a test or a caller fixes the instant. */
export function sqlNow(now?: Date): SQL {
  return now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
}

export function interviewEndSql(c: Pick<InterviewStateColumns, 'scheduledAt' | 'durationMinutes'>): SQL {
  return sql`(${c.scheduledAt} + ${c.durationMinutes} * interval '1 minute')`;
}

/** deriveInterviewState as one SQL expression (text), case by case in the same order. */
export function interviewStateSql(c: InterviewStateColumns, now?: Date): SQL<InterviewState> {
  const at = sqlNow(now);
  return sql<InterviewState>`(case
    when ${c.storedStatus} = 'cancelled' then 'cancelled'
    when ${c.panelSize} > 0 and ${c.submittedCount} >= ${c.panelSize} then 'complete'
    when ${at} < ${c.scheduledAt} then 'scheduled'
    when ${at} < ${interviewEndSql(c)} then 'in_progress'
    when ${c.candidateErased} or ${c.submittedCount} >= ${c.panelSize} then 'complete'
    else 'awaiting_feedback' end)`;
}

/** isFeedbackOverdue in SQL, over the state expression above. */
export function feedbackOverdueSql(c: InterviewStateColumns, now?: Date): SQL<boolean> {
  return sql<boolean>`(${interviewStateSql(c, now)} = 'awaiting_feedback' and ${interviewEndSql(c)} <= ${sqlNow(now)} - ${`${FEEDBACK_DUE_HOURS} hours`}::interval)`;
}

/**
 * The operands for an interviews row joined to its candidate (by default the tables' own names,
 * as the query builder writes them; pass aliases for a raw query):
 * the panel's size and submitted cards come from correlated subqueries on the panel's primary
 * key and the scorecards' (organization, interview, interviewer) unique index.
 */
export function interviewStateColumns(i = 'interviews', c = 'candidates'): InterviewStateColumns {
  const interview = sql.raw(i);
  return {
    storedStatus: sql`${interview}.status`,
    scheduledAt: sql`${interview}.scheduled_at`,
    durationMinutes: sql`${interview}.duration_minutes`,
    panelSize: sql`(select count(*)::int from interview_panelists ps where ps.interview_id = ${interview}.id)`,
    submittedCount: sql`(select count(*)::int from interview_panelists ps join scorecards ss
      on ss.organization_id = ps.organization_id and ss.interview_id = ps.interview_id and ss.interviewer_user_id = ps.user_id and ss.status = 'submitted'
      where ps.interview_id = ${interview}.id)`,
    candidateErased: sql`(${sql.raw(c)}.erased_at is not null)`,
  };
}
