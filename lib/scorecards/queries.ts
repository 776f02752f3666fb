import 'server-only';
// Reads of scorecards. Until the full independent-scoring rules land with live scoring, a
// member reads their own scorecards, and roles with scorecard:read_all read submitted ones.
import { and, eq } from 'drizzle-orm';
import { scorecardRatings, scorecards } from '@/db/schema';
import { can, type Ctx } from '../context';
import { NotFoundError } from '../errors';
import { parseId } from '../ids';

export async function getScorecard(ctx: Ctx, scorecardIdInput: unknown) {
  const scorecardId = parseId('scorecardId', scorecardIdInput);
  const [scorecard] = await ctx.db
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.id, scorecardId), eq(scorecards.organizationId, ctx.organizationId)));
  const visible = scorecard && (scorecard.interviewerUserId === ctx.userId || (can(ctx, 'scorecard:read_all') && scorecard.status === 'submitted'));
  if (!scorecard || !visible) throw new NotFoundError('Scorecard');
  const ratings = await ctx.db
    .select()
    .from(scorecardRatings)
    .where(and(eq(scorecardRatings.organizationId, ctx.organizationId), eq(scorecardRatings.scorecardId, scorecard.id)));
  return { scorecard, ratings };
}
