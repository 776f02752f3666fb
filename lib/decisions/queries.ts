import 'server-only';
// Reads of hiring decisions: an application's history (latest first) and the applications that
// are ready for one. Who may open an application is decided by the caller (debrief, packet,
// candidate page); these only scope by organization.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { applicationDecisions, users } from '@/db/schema';
import { type BlindView, candidateLabelSql, textFor } from '../candidates/blind';
import { can, type Ctx } from '../context';
import { queryRows } from '../sql';
import { interviewStartedSql } from '../scorecards/visibility';
import { countedPanelistSql, countedScorecardSql } from '../scorecards/counted';
import type { DecisionOutcome } from './schemas';

export interface DecisionRecord {
  id: string;
  applicationId: string;
  revision: number;
  outcome: DecisionOutcome;
  rationale: string;
  decidedByUserId: string | null;
  decidedBy: string | null;
  decidedAt: string;
}

/** Decisions on the given applications, latest first per application. */
export async function listDecisionsForApplications(ctx: Ctx, applicationIds: string[]): Promise<DecisionRecord[]> {
  if (!applicationIds.length) return [];
  const rows = await ctx.db
    .select({ d: applicationDecisions, name: users.name, email: users.email })
    .from(applicationDecisions)
    .leftJoin(users, eq(users.id, applicationDecisions.decidedByUserId))
    .where(and(eq(applicationDecisions.organizationId, ctx.organizationId), inArray(applicationDecisions.applicationId, applicationIds)))
    .orderBy(desc(applicationDecisions.revision));
  return rows.map(({ d, name, email }) => ({
    id: d.id,
    applicationId: d.applicationId,
    revision: d.revision,
    outcome: d.outcome,
    rationale: d.rationale,
    decidedByUserId: d.decidedByUserId,
    decidedBy: name ?? email ?? null,
    decidedAt: d.decidedAt.toISOString(),
  }));
}

/** Rationales as a blind viewer of the application reads them (lib/candidates/blind.ts). */
export function maskDecisions(decisions: DecisionRecord[], view: BlindView | undefined): DecisionRecord[] {
  return view?.hidden ? decisions.map((d) => ({ ...d, rationale: textFor(view, d.rationale) })) : decisions;
}

/** One application's decisions, latest first: [0] is the one in force, the rest its history. */
export function listApplicationDecisions(ctx: Ctx, applicationId: string): Promise<DecisionRecord[]> {
  return listDecisionsForApplications(ctx, [applicationId]);
}

export interface AwaitingDecision {
  applicationId: string;
  candidateId: string;
  candidateName: string;
  openingId: string;
  openingTitle: string;
  currentStage: string | null;
  submittedScorecards: number;
  lastFeedbackAt: Date;
}

/**
 * Applications ready for a decision: still active, the candidate not erased, at least one
 * counted scorecard, every counted panelist (shadows never hold it up) of every interview that has started has submitted, and no
 * decision recorded since the last submission. For members with decision:record, the whole
 * organization; for anyone else, the openings whose hiring manager they are (they may decide those).
 * Oldest last feedback first: the longest wait heads the list.
 */
export async function listApplicationsAwaitingDecision(ctx: Ctx): Promise<AwaitingDecision[]> {
  const org = ctx.organizationId;
  const onlyMine = can(ctx, 'decision:record') ? sql`` : sql`and o.hiring_manager_user_id = ${ctx.userId}`;
  // A list of candidates awaiting the debrief: read under the dashboard's blind-review rule.
  const label = candidateLabelSql('dashboard', ctx, { opening: 'o', application: 'a', candidate: 'c' });
  const rows = await queryRows<{
    application_id: string;
    candidate_id: string;
    candidate_name: string;
    opening_id: string;
    opening_title: string;
    current_stage: string | null;
    submitted: number;
    last_feedback_at: Date | string;
  }>(
    ctx.db,
    sql`
    select a.id as application_id, c.id as candidate_id, ${label} as candidate_name, o.id as opening_id, o.title as opening_title,
           st.name as current_stage, count(*)::int as submitted, max(s.submitted_at) as last_feedback_at
    from applications a
    join candidates c on c.id = a.candidate_id and c.erased_at is null
    join openings o on o.id = a.opening_id
    left join opening_stages st on st.id = a.current_stage_id
    join interviews i on i.application_id = a.id and i.organization_id = ${org}
    join scorecards s on s.interview_id = i.id and s.organization_id = ${org} and ${countedScorecardSql('s')}
    where a.organization_id = ${org} and a.stage = 'active' ${onlyMine}
      and not exists (
        select 1
        from interviews si
        join interview_panelists p on p.interview_id = si.id
        where si.organization_id = ${org} and si.application_id = a.id and ${interviewStartedSql('si')} and ${countedPanelistSql('p')}
          and not exists (
            select 1 from scorecards ps
            where ps.organization_id = ${org} and ps.interview_id = si.id and ps.interviewer_user_id = p.user_id and ps.status = 'submitted'
          )
      )
    group by a.id, c.id, c.name, o.id, o.title, st.name
    having not exists (
      select 1 from application_decisions d
      where d.organization_id = ${org} and d.application_id = a.id and d.decided_at >= max(s.submitted_at)
    )
    order by max(s.submitted_at), ${label}`,
  );
  return rows.map((r) => ({
    applicationId: r.application_id,
    candidateId: r.candidate_id,
    candidateName: r.candidate_name,
    openingId: r.opening_id,
    openingTitle: r.opening_title,
    currentStage: r.current_stage,
    submittedScorecards: Number(r.submitted),
    lastFeedbackAt: new Date(r.last_feedback_at),
  }));
}
