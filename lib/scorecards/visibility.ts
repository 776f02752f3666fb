import 'server-only';
// Independent scoring, written once. A panelist sees other panelists' feedback on a candidate only
// once they have submitted a scorecard for that candidate and owe none on any of the candidate's
// interviews that have started (scheduled_at <= now, not cancelled, where they sit on the panel; a
// missing scorecard row counts as owed). Members holding scorecard:read_all see everything unless
// the organization holds leads to the rule; everyone else sees only their own feedback.
//
// The rule exists here twice over the same SQL: `clearedCandidatesSql` (the candidates a viewer
// has cleared, for multi-candidate reads such as the grid) and `canSeeOthersFeedback` (one
// candidate, which evaluates that same statement). Every read of others' ratings, notes or
// recommendations goes through one of them; aggregate pages use `requireNothingOwedForAggregates`.
import { eq, type SQL, sql } from 'drizzle-orm';
import { organizations } from '@/db/schema';
import { can, type Ctx } from '../context';
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
 * A boolean SQL expression: may ctx see other panelists' feedback on the candidate in
 * `candidateId` (a column reference such as sql`a.candidate_id`)? `seesAll` comes from
 * viewerSeesAllFeedback, read once per request.
 */
export function othersFeedbackVisibleSql(ctx: Ctx, candidateId: SQL, seesAll: boolean): SQL {
  return seesAll ? sql`true` : sql`(${candidateId} in (${clearedCandidatesSql(ctx)}))`;
}

/** Whether ctx sees all submitted feedback regardless of their own: scorecard:read_all, not held to the rule. */
export async function viewerSeesAllFeedback(ctx: Ctx): Promise<boolean> {
  if (!can(ctx, 'scorecard:read_all')) return false;
  return !(await leadsHeldToRule(ctx));
}

async function leadsHeldToRule(ctx: Ctx): Promise<boolean> {
  const [org] = await ctx.db.select({ strict: organizations.leadsScoreIndependently }).from(organizations).where(eq(organizations.id, ctx.organizationId));
  return Boolean(org?.strict);
}

/** Whether ctx may see other interviewers' feedback on this candidate right now. */
export async function canSeeOthersFeedback(ctx: Ctx, candidateId: string): Promise<boolean> {
  if (await viewerSeesAllFeedback(ctx)) return true;
  const rows = await queryRows<{ visible: boolean }>(ctx.db, sql`select ${othersFeedbackVisibleSql(ctx, sql`${candidateId}::uuid`, false)} as visible`);
  return Boolean(rows[0]?.visible);
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
