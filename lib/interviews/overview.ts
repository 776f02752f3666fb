import 'server-only';
// The loop overview: every interview of the organization in a bounded range, with its derived
// state (./status.ts), the panel and each panelist's card, and how long feedback has been owed;
// and the overdue-feedback summary of the home page. For members holding interview:read_all.
import { and, asc, eq, exists, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { applications, candidates, interviewPanelists, interviews, memberships, openingStages, openings, type PanelRole, scorecards, users } from '@/db/schema';
import { candidateLabelSql } from '../candidates/blind';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { dayBounds, dayInZone, isTimeZone } from '../time';
import { parseInput } from '../validation';
import {
  FEEDBACK_DUE_HOURS,
  INTERVIEW_STATES,
  type InterviewState,
  feedbackOverdueSql,
  interviewEndSql,
  interviewEndsAt,
  interviewStateColumns,
  interviewStateSql,
} from './status';

const DAY_MS = 86_400_000;
/** The default window: what a coordinator looks at — last week's feedback and the next two weeks. */
export const DEFAULT_PAST_DAYS = 7;
export const DEFAULT_FUTURE_DAYS = 14;
const MAX_RANGE_DAYS = 366;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A day (in `timeZone`) like 2026-11-30, or an instant with an explicit offset (API clients). */
const dayOrInstant = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .refine((v) => DAY.test(v) || z.iso.datetime({ offset: true }).safeParse(v).success, 'Use a date like 2026-11-30 or a time like 2026-11-30T09:00:00Z')
    .optional(),
);
const flag = z.preprocess((v) => (v === undefined || v === '' ? undefined : v), z.union([z.boolean(), z.enum(['1', 'true', 'on', '0', 'false', 'off'])]).optional());

export const InterviewOverviewFilters = z.object({
  from: dayOrInstant,
  to: dayOrInstant,
  /** The viewer's IANA zone: days in `from`/`to` and the grouping by day are days there. */
  timeZone: z.preprocess(blankToUndefined, z.string().max(64).refine((tz) => isTimeZone(tz), 'Unknown time zone').default('UTC')),
  openingId: z.preprocess(blankToUndefined, z.uuid({ error: 'Choose an opening from the list' }).optional()),
  status: z.preprocess(blankToUndefined, z.enum(INTERVIEW_STATES, { error: `Use one of ${INTERVIEW_STATES.join(', ')}` }).optional()),
  interviewerId: z.preprocess(blankToUndefined, z.uuid({ error: 'Choose an interviewer from the list' }).optional()),
  overdue: flag,
  cursor: z.preprocess(blankToUndefined, z.string().regex(/^\d{1,20}_[0-9a-f-]{36}$/, 'The page link is damaged: start again').optional()),
  limit: z.preprocess(blankToUndefined, z.coerce.number({ error: 'Use a number' }).int('Use a whole number').min(1, 'At least 1').max(100, 'At most 100').default(50)),
});
export type InterviewOverviewFilters = z.input<typeof InterviewOverviewFilters>;

type CardState = 'submitted' | 'draft' | 'not_started';

export interface OverviewPanelist {
  userId: string;
  name: string;
  card: CardState;
  /** A shadow or reverse shadow owes a card too, but it never counts (lib/scorecards/counted.ts). */
  role: PanelRole;
  /** Owes their card now: the interview awaits feedback and theirs is not submitted. */
  owes: boolean;
}

export interface OverviewRow {
  id: string;
  scheduledAt: Date;
  endsAt: Date;
  durationMinutes: number;
  state: InterviewState;
  /** The day of the interview in the filters' time zone, YYYY-MM-DD: the page groups by it. */
  day: string;
  candidate: { id: string; name: string; erased: boolean };
  opening: { id: string; title: string };
  stage: string | null;
  panel: OverviewPanelist[];
  /** When the owed feedback became due (the interview's end), or null when nobody owes any. */
  owedSince: Date | null;
  overdue: boolean;
}

export interface InterviewOverview {
  rows: OverviewRow[];
  nextCursor: string | null;
  /** The instants the list covers (null: unbounded on that side, only with "overdue only"). */
  range: { from: Date | null; to: Date | null };
  timeZone: string;
}

function toInstant(value: string, timeZone: string, field: 'from' | 'to'): Date {
  if (!DAY.test(value)) return new Date(value);
  const bounds = dayBounds(value, timeZone);
  if (!bounds) throw ValidationError.field(field, 'Use a real date like 2026-11-30');
  // "to" is the whole day: up to the next midnight.
  return field === 'to' ? bounds.end : bounds.start;
}

/**
 * The range a query covers. No dates: the default window around now; one date: 21 days from or to
 * it; "overdue only" without dates: everything overdue, however old (overdue lies in the past).
 */
export function resolveRange(f: Pick<z.infer<typeof InterviewOverviewFilters>, 'from' | 'to' | 'timeZone' | 'overdue'>, now: Date) {
  const overdueOnly = isOn(f.overdue);
  if (!f.from && !f.to && overdueOnly) return { from: null, to: null };
  const span = (DEFAULT_PAST_DAYS + DEFAULT_FUTURE_DAYS) * DAY_MS;
  let from = f.from ? toInstant(f.from, f.timeZone, 'from') : null;
  let to = f.to ? toInstant(f.to, f.timeZone, 'to') : null;
  if (!from && !to) {
    from = new Date(now.getTime() - DEFAULT_PAST_DAYS * DAY_MS);
    to = new Date(now.getTime() + DEFAULT_FUTURE_DAYS * DAY_MS);
  }
  from ??= new Date(to!.getTime() - span);
  to ??= new Date(from.getTime() + span);
  if (to.getTime() <= from.getTime()) throw ValidationError.field('to', 'Choose an end after the start');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw ValidationError.field('to', `Choose at most ${MAX_RANGE_DAYS} days at a time`);
  return { from, to };
}

function isOn(v: boolean | string | undefined): boolean {
  return v === true || v === '1' || v === 'true' || v === 'on';
}

const micros = sql<string>`(floor(extract(epoch from ${interviews.scheduledAt}) * 1000000))::bigint::text`;

/** A filter id must name something of ctx's organization: another organization's is missing (404). */
async function requireFilterTargets(ctx: Ctx, f: { openingId?: string; interviewerId?: string }) {
  if (f.openingId) {
    const [opening] = await ctx.db
      .select({ id: openings.id })
      .from(openings)
      .where(and(eq(openings.id, f.openingId), eq(openings.organizationId, ctx.organizationId)));
    if (!opening) throw new NotFoundError('Opening');
  }
  if (f.interviewerId) {
    // A former member still sat on past panels, so either counts.
    const [person] = await ctx.db
      .select({ one: sql`1` })
      .from(users)
      .where(
        and(
          eq(users.id, f.interviewerId),
          sql`(${exists(ctx.db.select({ one: sql`1` }).from(memberships).where(and(eq(memberships.userId, users.id), eq(memberships.organizationId, ctx.organizationId))))}
            or ${exists(ctx.db.select({ one: sql`1` }).from(interviewPanelists).where(and(eq(interviewPanelists.userId, users.id), eq(interviewPanelists.organizationId, ctx.organizationId))))})`,
        ),
      );
    if (!person) throw new NotFoundError('Interviewer');
  }
}

export async function listInterviewOverview(ctx: Ctx, input: unknown, now: Date = new Date()): Promise<InterviewOverview> {
  requirePermission(ctx, 'interview:read_all');
  const f = parseInput(InterviewOverviewFilters, input);
  const range = resolveRange(f, now);
  await requireFilterTargets(ctx, f);
  const columns = interviewStateColumns();
  const state = interviewStateSql(columns, now);
  const where: (SQL | undefined)[] = [eq(interviews.organizationId, ctx.organizationId)];
  if (range.from) where.push(sql`${interviews.scheduledAt} >= ${range.from.toISOString()}::timestamptz`);
  if (range.to) where.push(sql`${interviews.scheduledAt} < ${range.to.toISOString()}::timestamptz`);
  if (f.openingId) where.push(eq(applications.openingId, f.openingId));
  if (f.status) where.push(sql`${state} = ${f.status}`);
  const onPanel = (userId: string, extra?: SQL) =>
    exists(
      ctx.db
        .select({ one: sql`1` })
        .from(interviewPanelists)
        .where(and(eq(interviewPanelists.organizationId, ctx.organizationId), eq(interviewPanelists.interviewId, interviews.id), eq(interviewPanelists.userId, userId), extra)),
    );
  const cardSubmittedBy = (userId: string) =>
    exists(
      ctx.db
        .select({ one: sql`1` })
        .from(scorecards)
        .where(and(eq(scorecards.organizationId, ctx.organizationId), eq(scorecards.interviewId, interviews.id), eq(scorecards.interviewerUserId, userId), eq(scorecards.status, 'submitted'))),
    );
  if (f.interviewerId) where.push(onPanel(f.interviewerId));
  if (isOn(f.overdue)) {
    where.push(feedbackOverdueSql(columns, now));
    // With an interviewer chosen: the interviews on which that person's own card is overdue.
    if (f.interviewerId) where.push(sql`not ${cardSubmittedBy(f.interviewerId)}`);
  }
  if (f.cursor) {
    const [at, id] = f.cursor.split('_') as [string, string];
    where.push(sql`(${interviews.scheduledAt}, ${interviews.id}) > (('epoch'::timestamptz + ${at}::bigint * interval '1 microsecond'), ${id}::uuid)`);
  }
  const rows = await ctx.db
    .select({
      id: interviews.id,
      scheduledAt: interviews.scheduledAt,
      durationMinutes: interviews.durationMinutes,
      state,
      micros,
      candidateId: candidates.id,
      candidateName: candidateLabelSql('candidate', ctx),
      erasedAt: candidates.erasedAt,
      openingId: openings.id,
      openingTitle: openings.title,
      stage: openingStages.name,
    })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(openings, eq(openings.id, applications.openingId))
    .leftJoin(openingStages, eq(openingStages.id, interviews.openingStageId))
    .where(and(...where))
    .orderBy(asc(interviews.scheduledAt), asc(interviews.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const panels = await loadPanels(ctx, page.map((r) => r.id));
  const overdueMs = FEEDBACK_DUE_HOURS * 3_600_000;
  return {
    rows: page.map((r) => {
      const endsAt = interviewEndsAt(r);
      const owedSince = r.state === 'awaiting_feedback' ? endsAt : null;
      return {
        id: r.id,
        scheduledAt: r.scheduledAt,
        endsAt,
        durationMinutes: r.durationMinutes,
        state: r.state,
        day: dayInZone(r.scheduledAt, f.timeZone),
        candidate: { id: r.candidateId, name: r.candidateName, erased: r.erasedAt !== null },
        opening: { id: r.openingId, title: r.openingTitle },
        stage: r.stage,
        panel: (panels.get(r.id) ?? []).map((p) => ({ ...p, owes: owedSince !== null && p.card !== 'submitted' })),
        owedSince,
        overdue: owedSince !== null && now.getTime() - owedSince.getTime() >= overdueMs,
      };
    }),
    nextCursor: rows.length > f.limit ? `${page.at(-1)!.micros}_${page.at(-1)!.id}` : null,
    range,
    timeZone: f.timeZone,
  };
}

/** Each interview's panel in name order, with the state of each panelist's card. */
async function loadPanels(ctx: Ctx, interviewIds: string[]): Promise<Map<string, Omit<OverviewPanelist, 'owes'>[]>> {
  const byInterview = new Map<string, Omit<OverviewPanelist, 'owes'>[]>();
  if (!interviewIds.length) return byInterview;
  const rows = await ctx.db
    .select({ interviewId: interviewPanelists.interviewId, userId: users.id, name: users.name, email: users.email, role: interviewPanelists.role, card: scorecards.status })
    .from(interviewPanelists)
    .innerJoin(users, eq(users.id, interviewPanelists.userId))
    .leftJoin(
      scorecards,
      and(eq(scorecards.organizationId, interviewPanelists.organizationId), eq(scorecards.interviewId, interviewPanelists.interviewId), eq(scorecards.interviewerUserId, interviewPanelists.userId)),
    )
    .where(and(eq(interviewPanelists.organizationId, ctx.organizationId), inArray(interviewPanelists.interviewId, interviewIds)))
    .orderBy(asc(users.name), asc(users.email));
  for (const r of rows) {
    const list = byInterview.get(r.interviewId) ?? [];
    list.push({ userId: r.userId, name: r.name ?? r.email, role: r.role, card: r.card ?? 'not_started' });
    byInterview.set(r.interviewId, list);
  }
  return byInterview;
}

export interface OverdueCard {
  interviewId: string;
  candidateId: string;
  candidateName: string;
  openingTitle: string;
  stage: string | null;
  userId: string;
  interviewer: string;
  /** The interview's end: when the card became owed. */
  owedSince: Date;
}

/**
 * The home page's "Overdue feedback": how many scorecards are overdue across the organization
 * (one per panelist and interview), on how many interviews, and the oldest few.
 */
export async function summarizeOverdueFeedback(ctx: Ctx, input: { worst?: number } = {}, now: Date = new Date()) {
  requirePermission(ctx, 'interview:read_all');
  const columns = interviewStateColumns();
  const owedCard = and(
    eq(interviewPanelists.organizationId, ctx.organizationId),
    feedbackOverdueSql(columns, now),
    sql`not exists (select 1 from scorecards s where s.organization_id = ${interviewPanelists.organizationId} and s.interview_id = ${interviewPanelists.interviewId}
      and s.interviewer_user_id = ${interviewPanelists.userId} and s.status = 'submitted')`,
  );
  const base = () =>
    ctx.db
      .select({
        interviewId: interviews.id,
        candidateId: candidates.id,
        candidateName: candidateLabelSql('candidate', ctx),
        openingTitle: openings.title,
        stage: openingStages.name,
        userId: users.id,
        name: users.name,
        email: users.email,
        owedSince: sql<Date>`${interviewEndSql(columns)}`.mapWith(interviews.scheduledAt),
      })
      .from(interviewPanelists)
      .innerJoin(interviews, eq(interviews.id, interviewPanelists.interviewId))
      .innerJoin(applications, eq(applications.id, interviews.applicationId))
      .innerJoin(candidates, eq(candidates.id, applications.candidateId))
      .innerJoin(openings, eq(openings.id, applications.openingId))
      .leftJoin(openingStages, eq(openingStages.id, interviews.openingStageId))
      .innerJoin(users, eq(users.id, interviewPanelists.userId))
      .where(owedCard);
  const [[totals], worst] = await Promise.all([
    ctx.db
      .select({ cards: sql<number>`count(*)::int`, interviews: sql<number>`count(distinct ${interviews.id})::int` })
      .from(interviewPanelists)
      .innerJoin(interviews, eq(interviews.id, interviewPanelists.interviewId))
      .innerJoin(applications, eq(applications.id, interviews.applicationId))
      .innerJoin(candidates, eq(candidates.id, applications.candidateId))
      .where(owedCard),
    base()
      .orderBy(asc(interviewEndSql(columns)), asc(users.name), asc(interviews.id))
      .limit(input.worst ?? 5),
  ]);
  return {
    cards: Number(totals?.cards ?? 0),
    interviews: Number(totals?.interviews ?? 0),
    worst: worst.map(
      (w): OverdueCard => ({
        interviewId: w.interviewId,
        candidateId: w.candidateId,
        candidateName: w.candidateName,
        openingTitle: w.openingTitle,
        stage: w.stage,
        userId: w.userId,
        interviewer: w.name ?? w.email,
        owedSince: w.owedSince,
      }),
    ),
  };
}

/**
 * Interviews across the organization around now (a day and a half either side), for the home
 * page's "Today's interviews": the browser keeps those on the viewer's own today.
 */
export async function listInterviewsAroundNow(ctx: Ctx, now: Date = new Date()) {
  const margin = 36 * 3_600_000;
  return listInterviewOverview(ctx, { from: new Date(now.getTime() - margin).toISOString(), to: new Date(now.getTime() + margin).toISOString(), limit: 100 }, now);
}

/** The openings and people the overview's filters offer. */
export async function listOverviewFilterOptions(ctx: Ctx) {
  requirePermission(ctx, 'interview:read_all');
  const [openingRows, people] = await Promise.all([
    ctx.db.select({ id: openings.id, title: openings.title }).from(openings).where(eq(openings.organizationId, ctx.organizationId)).orderBy(asc(openings.title)),
    ctx.db
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(interviewPanelists)
      .innerJoin(users, eq(users.id, interviewPanelists.userId))
      .where(eq(interviewPanelists.organizationId, ctx.organizationId))
      .orderBy(asc(users.name), asc(users.email), asc(users.id)),
  ]);
  return { openings: openingRows, interviewers: people.map((p) => ({ id: p.id, name: p.name ?? p.email })) };
}
