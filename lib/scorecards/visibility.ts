import 'server-only';
// Independent scoring: until a member has submitted their own scorecard for a candidate, they see
// no one else's ratings, notes or recommendation for that candidate — on any page, export or API.
// Admins and hiring managers (scorecard:read_all) see everything unless the organization holds
// them to the same rule. Every read of others' feedback goes through this module.
import { and, eq, sql } from 'drizzle-orm';
import { applications, interviews, organizations, scorecards } from '@/db/schema';
import { can, type Ctx } from '../context';

export async function hasSubmittedForCandidate(ctx: Ctx, candidateId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(scorecards)
    .innerJoin(interviews, eq(interviews.id, scorecards.interviewId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(
      and(
        eq(scorecards.organizationId, ctx.organizationId),
        eq(scorecards.interviewerUserId, ctx.userId),
        eq(scorecards.status, 'submitted'),
        eq(applications.candidateId, candidateId),
      ),
    );
  return Number(row?.n ?? 0) > 0;
}

/** Whether ctx may see other interviewers' feedback on this candidate right now. */
export async function canSeeOthersFeedback(ctx: Ctx, candidateId: string): Promise<boolean> {
  if (can(ctx, 'scorecard:read_all')) {
    const [org] = await ctx.db.select({ strict: organizations.leadsScoreIndependently }).from(organizations).where(eq(organizations.id, ctx.organizationId));
    if (!org?.strict) return true;
  }
  return hasSubmittedForCandidate(ctx, candidateId);
}
