// After a candidate is erased, nobody records new feedback about them: an interview with no
// submitted feedback is cancelled, a panelist can neither open, keep typing into nor submit a
// draft — and an erased candidate never leaves anyone "owing" a scorecard.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { interviews, scorecards } from '@/db/schema';
import { eraseCandidate } from '@/lib/candidates/erasure';
import type { Ctx } from '@/lib/context';
import { CandidateErasedError, openScorecard, saveScorecard, submitScorecard } from '@/lib/scorecards/mutations';
import { countOwedStartedScorecards } from '@/lib/scorecards/visibility';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';
import { createApplicant, createInterview, createOpeningWithStages, createPublishedKit, fillScorecard, skillIdsBySlug, submitFilledScorecard } from './support/interview-factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });
let admin: Ctx;
let rater: Ctx;
let other: Ctx;
let skillId: string;
let stageId: string;
let openingId: string;

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db)).ctx;
  rater = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  other = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  skillId = (await skillIdsBySlug(t.db))['sql-databases']!;
  const kitId = await createPublishedKit(admin, [{ skillId, weight: 100 }]);
  const opening = await createOpeningWithStages(admin, kitId, ['Technical', 'Final']);
  openingId = opening.openingId;
  stageId = opening.stageIds[0]!;
});

describe('erasure stops new feedback about the candidate', () => {
  it('cancels interviews without submitted feedback, keeps submitted ones, and refuses new writes', async () => {
    const { candidateId, applicationId } = await createApplicant(admin, openingId);
    const done = await createInterview(admin, { applicationId, stageId, panel: [rater, other], startsInMs: -3_600_000 });
    await submitFilledScorecard(other, done, { [skillId]: 3 });
    const draft = await fillScorecard(rater, done, { [skillId]: 2 });
    const upcoming = await createInterview(admin, { applicationId, stageId, panel: [rater], startsInMs: 86_400_000 });
    expect(await countOwedStartedScorecards(rater)).toBe(1);

    await eraseCandidate(admin, { candidateId, confirmation: 'erase' });

    expect((await t.db.select().from(scorecards).where(eq(scorecards.interviewId, done))).map((s) => s.status).sort()).toEqual(['draft', 'submitted']);
    const [kept] = await t.db.select().from(interviews).where(eq(interviews.id, done));
    const [cancelled] = await t.db.select().from(interviews).where(eq(interviews.id, upcoming));
    expect([kept!.status, cancelled!.status]).toEqual(['scheduled', 'cancelled']);
    await expect(saveScorecard(rater, { scorecardId: draft.scorecardId, baseRevision: draft.revision, summary: 'New words about them' })).rejects.toBeInstanceOf(CandidateErasedError);
    await expect(submitScorecard(rater, { scorecardId: draft.scorecardId, baseRevision: draft.revision })).rejects.toBeInstanceOf(CandidateErasedError);
    await expect(openScorecard(rater, { interviewId: done })).rejects.toBeInstanceOf(CandidateErasedError);
    const [card] = await t.db.select().from(scorecards).where(eq(scorecards.id, draft.scorecardId));
    expect(card!.summary).toBe('');
    expect(await countOwedStartedScorecards(rater)).toBe(0);
  });
});
