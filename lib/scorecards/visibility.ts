import 'server-only';
// Independent scoring, written once. Who reads other panelists' submitted feedback on a candidate:
//  - a panelist, once they have submitted a scorecard for that candidate and owe none on any of the
//    candidate's interviews that have started (scheduled_at <= now, not cancelled, where they sit on
//    the panel; a missing scorecard row counts as owed) — "cleared";
//  - a member holding scorecard:read_all (recruiters coordinating the debrief, hiring managers,
//    admins), always — unless the organization holds leads to the rule: then a lead who sits on the
//    candidate's panel (any interview not cancelled, started or ahead) must clear it like any
//    panelist, while a lead on none of the candidate's panels still reads it;
//  - nobody else (an interviewer off the panel sees only their own; an API key, on no panel, reads
//    others' feedback only with scorecard:read_all).
// Drafts are never anyone else's to read.
//
// The rule exists here twice over the same SQL: `othersFeedbackVisibleSql` (an expression over a
// candidate column, for multi-candidate reads such as the grid) and `canSeeOthersFeedback` (one
// candidate, which evaluates that same expression). Every read of others' ratings, notes or
// recommendations goes through one of them; aggregate pages use `requireNothingOwedForAggregates`.
import { eq, type SQL, sql } from 'drizzle-orm';
import { organizations } from '@/db/schema';
import { can, type Ctx, isService } from '../context';
import { ForbiddenError } from '../errors';
import { queryRows } from '../sql';

/**
 * "This interview has started": the one definition both the visibility rule (which cards are
 * owed) and submitting (which cards may be submitted) use. `i` is the interviews alias. The
 * database clock decides, so the rule and the refusal never disagree about "now".
 */
export function interviewStartedSql(alias = 'i'): SQL {
  return sql`${sql.raw(alias)}.status <> 'cancelled' and ${sql.raw(alias)}.scheduled_at <= now()`;
}

/**
 * Started interviews on which ctx sits on the panel without a submitted scorecard: one row per
 * (interview, candidate). Reads interview_panelists by (organization_id, user_id) and probes
 * scorecards by its unique (organization_id, interview_id, interviewer_user_id) index, so it costs
 * per interview of the viewer, never per candidate of the organization.
 */
function owedStartedSql(ctx: Ctx): SQL {
  return sql`
    select p.interview_id, a.candidate_id
    from interview_panelists p
    join interviews i on i.id = p.interview_id
    join applications a on a.id = i.application_id
    join candidates c on c.id = a.candidate_id
    where p.organization_id = ${ctx.organizationId} and p.user_id = ${ctx.userId}
      and ${interviewStartedSql('i')}
      -- nothing is owed on an erased candidate: their feedback can no longer be written
      and c.erased_at is null
      and not exists (
        select 1 from scorecards s
        where s.organization_id = ${ctx.organizationId} and s.interview_id = p.interview_id
          and s.interviewer_user_id = ${ctx.userId} and s.status = 'submitted'
      )`;
}

/**
 * The candidates whose other feedback ctx has cleared as a panelist: a SELECT of `candidate_id`
 * (distinct). It is uncorrelated, so PostgreSQL evaluates it once per statement (a hashed
 * subplan) whether the outer query has one candidate or two thousand.
 */
export function clearedCandidatesSql(ctx: Ctx): SQL {
  return sql`
    select a.candidate_id
    from scorecards s
    join interviews i on i.id = s.interview_id
    join applications a on a.id = i.application_id
    where s.organization_id = ${ctx.organizationId} and s.interviewer_user_id = ${ctx.userId} and s.status = 'submitted'
    except
    select o.candidate_id from (${owedStartedSql(ctx)}) o`;
}

/**
 * The candidates on whose panel ctx sits for an interview that is not cancelled (started or not):
 * the ones a lead held to the rule has to clear before reading the others' feedback.
 */
function panelCandidatesSql(ctx: Ctx): SQL {
  return sql`
    select a.candidate_id
    from interview_panelists p
    join interviews i on i.id = p.interview_id
    join applications a on a.id = i.application_id
    where p.organization_id = ${ctx.organizationId} and p.user_id = ${ctx.userId} and i.status <> 'cancelled'`;
}

/**
 * How the rule applies to the viewer, read once per request:
 * `all` — scorecard:read_all, not held; `lead_held` — scorecard:read_all in an organization that
 * holds leads to the rule; `panelist` — everyone else, who reads only candidates they have cleared.
 */
export type FeedbackScope = 'all' | 'lead_held' | 'panelist';

export async function viewerFeedbackScope(ctx: Ctx): Promise<FeedbackScope> {
  if (!can(ctx, 'scorecard:read_all')) return 'panelist';
  // An API key acts as a service member, on no panel: with read_all it reads submitted feedback
  // (holding leads to the rule concerns panelists only); without it, like a panelist who has
  // cleared nothing, it reads no one's.
  if (isService(ctx)) return 'all';
  return (await leadsHeldToRule(ctx)) ? 'lead_held' : 'all';
}

/**
 * A boolean SQL expression: may ctx see other panelists' feedback on the candidate in
 * `candidateId` (a column reference such as sql`a.candidate_id`)? `scope` comes from
 * viewerFeedbackScope.
 */
export function othersFeedbackVisibleSql(ctx: Ctx, candidateId: SQL, scope: FeedbackScope): SQL {
  if (scope === 'all') return sql`true`;
  const cleared = sql`(${candidateId} in (${clearedCandidatesSql(ctx)}))`;
  if (scope === 'panelist') return cleared;
  return sql`(${candidateId} not in (${panelCandidatesSql(ctx)}) or ${cleared})`;
}

async function leadsHeldToRule(ctx: Ctx): Promise<boolean> {
  const [org] = await ctx.db.select({ strict: organizations.leadsScoreIndependently }).from(organizations).where(eq(organizations.id, ctx.organizationId));
  return Boolean(org?.strict);
}

/** Whether ctx may see other interviewers' feedback on this candidate right now. */
export async function canSeeOthersFeedback(ctx: Ctx, candidateId: string): Promise<boolean> {
  const scope = await viewerFeedbackScope(ctx);
  if (scope === 'all') return true;
  const rows = await queryRows<{ visible: boolean }>(ctx.db, sql`select ${othersFeedbackVisibleSql(ctx, sql`${candidateId}::uuid`, scope)} as visible`);
  return Boolean(rows[0]?.visible);
}

/**
 * Why others' feedback on a candidate is hidden from ctx, for the pages that say so: the started
 * interviews they owe a scorecard for, the ones on their panel still ahead, or — on no panel and
 * without scorecard:read_all — that it is not theirs to read. Null when it is visible.
 */
export type HiddenFeedbackReason =
  | { kind: 'owed'; interviews: PanelInterview[] }
  | { kind: 'not_started'; interviews: PanelInterview[] }
  | { kind: 'not_on_panel' };

export interface PanelInterview {
  interviewId: string;
  stageName: string | null;
  scheduledAt: Date;
}

export async function hiddenFeedbackReason(ctx: Ctx, candidateId: string): Promise<HiddenFeedbackReason | null> {
  if (await canSeeOthersFeedback(ctx, candidateId)) return null;
  const rows = await queryRows<{ interview_id: string; stage_name: string | null; scheduled_at: Date | string; started: boolean; submitted: boolean }>(
    ctx.db,
    sql`
    select i.id as interview_id, st.name as stage_name, i.scheduled_at, (${interviewStartedSql('i')}) as started,
           exists (
             select 1 from scorecards s
             where s.organization_id = ${ctx.organizationId} and s.interview_id = i.id
               and s.interviewer_user_id = ${ctx.userId} and s.status = 'submitted'
           ) as submitted
    from interview_panelists p
    join interviews i on i.id = p.interview_id
    join applications a on a.id = i.application_id
    left join opening_stages st on st.id = i.opening_stage_id
    where p.organization_id = ${ctx.organizationId} and p.user_id = ${ctx.userId}
      and a.candidate_id = ${candidateId} and i.status <> 'cancelled'
    order by i.scheduled_at`,
  );
  const toInterview = (r: (typeof rows)[number]): PanelInterview => ({ interviewId: r.interview_id, stageName: r.stage_name, scheduledAt: new Date(r.scheduled_at) });
  const owed = rows.filter((r) => r.started && !r.submitted);
  if (owed.length) return { kind: 'owed', interviews: owed.map(toInterview) };
  const ahead = rows.filter((r) => !r.started && !r.submitted);
  if (ahead.length) return { kind: 'not_started', interviews: ahead.map(toInterview) };
  return { kind: 'not_on_panel' };
}

/** How many started interviews ctx owes a scorecard for, across all candidates. */
export async function countOwedStartedScorecards(ctx: Ctx): Promise<number> {
  const [row] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from (${owedStartedSql(ctx)}) o`);
  return Number(row?.n ?? 0);
}

export class OwedScorecardsError extends ForbiddenError {
  constructor(readonly owed: number) {
    super(
      `Submit your ${owed === 1 ? 'owed scorecard' : `${owed} owed scorecards`} first: this organization holds leads to independent scoring, and these figures include other interviewers’ ratings of your candidates.`,
    );
  }
}

/**
 * The aggregate pages (calibration, question analytics) under the rule. Their tallies are summed
 * over applications, so one candidate's share cannot be taken out; instead a lead held to the rule
 * sees them only while owing no started scorecard at all — someone who owes no rating has nothing
 * left for others' ratings to sway. Without the setting, scorecard:read_all is enough.
 */
export async function requireNothingOwedForAggregates(ctx: Ctx): Promise<void> {
  if (!(await leadsHeldToRule(ctx))) return;
  const owed = await countOwedStartedScorecards(ctx);
  if (owed > 0) throw new OwedScorecardsError(owed);
}
