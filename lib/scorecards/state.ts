import 'server-only';
// The scorecard as the live page and the API see it: one object with notes per question, ratings
// per skill, recommendation, summary and the revision the next save must be based on.
import { eq } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { scorecardNotes, scorecardRatings, scorecards } from '@/db/schema';
import type { Recommendation, SkillRatingValue } from './schemas';

export interface ScorecardState {
  id: string;
  interviewId: string;
  interviewerUserId: string;
  status: 'draft' | 'submitted';
  revision: number;
  recommendation: Recommendation | null;
  summary: string;
  notes: Record<string, string>;
  questionRatings: Record<string, 1 | 2 | 3 | 4 | null>;
  ratings: Record<string, Exclude<SkillRatingValue, null>>;
  submittedAt: string | null;
  updatedAt: string;
}

export async function loadScorecardState(db: DbExecutor, scorecardId: string): Promise<ScorecardState | undefined> {
  const [card] = await db.select().from(scorecards).where(eq(scorecards.id, scorecardId));
  if (!card) return undefined;
  const [notes, ratings] = await Promise.all([
    db.select().from(scorecardNotes).where(eq(scorecardNotes.scorecardId, scorecardId)),
    db.select().from(scorecardRatings).where(eq(scorecardRatings.scorecardId, scorecardId)),
  ]);
  return {
    id: card.id,
    interviewId: card.interviewId,
    interviewerUserId: card.interviewerUserId,
    status: card.status,
    revision: card.revision,
    recommendation: card.recommendation,
    summary: card.summary,
    notes: Object.fromEntries(notes.map((n) => [n.kitItemId, n.body])),
    questionRatings: Object.fromEntries(notes.filter((n) => n.rating !== null).map((n) => [n.kitItemId, n.rating as 1 | 2 | 3 | 4])),
    ratings: Object.fromEntries(ratings.map((r) => [r.skillId, r.noEvidence ? 'no_evidence' : (r.rating as 1 | 2 | 3 | 4)])),
    submittedAt: card.submittedAt?.toISOString() ?? null,
    updatedAt: card.updatedAt.toISOString(),
  };
}
