// Factories for the hiring loop, built through the domain functions (so tallies and audit events
// are as in production): a published kit, an opening with stages, a candidate applied to it, an
// interview at a chosen time, and a scorecard filled in or submitted.
import { randomBytes } from 'node:crypto';
import { skills } from '@/db/schema';
import type { Database } from '@/db/client';
import { createCandidate } from '@/lib/candidates/mutations';
import { getCandidate } from '@/lib/candidates/queries';
import type { Ctx } from '@/lib/context';
import { scheduleInterview } from '@/lib/interviews/mutations';
import { createKit, publishKit, saveKitDraft } from '@/lib/kits/mutations';
import { createOpening } from '@/lib/openings/mutations';
import { getOpening } from '@/lib/openings/queries';
import { searchQuestions } from '@/lib/questions/queries';
import { openScorecard, saveScorecard, submitScorecard } from '@/lib/scorecards/mutations';
import type { SkillRatingValue } from '@/lib/scorecards/schemas';

const suffix = () => randomBytes(3).toString('hex');

/** Built-in skill ids by slug (needs a database seeded with the built-in content). */
export async function skillIdsBySlug(db: Database): Promise<Record<string, string>> {
  return Object.fromEntries((await db.select().from(skills)).map((s) => [s.slug, s.id]));
}

/** A published kit weighing the given skills, with one built-in question on the first. */
export async function createPublishedKit(admin: Ctx, weights: { skillId: string; weight: number }[]) {
  const name = `Kit ${suffix()}`;
  const { kitId } = await createKit(admin, { name, roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 60 });
  const question = (await searchQuestions(admin, { skill: weights[0]!.skillId, pageSize: 1 })).rows[0]!;
  await saveKitDraft(admin, {
    kitId,
    revision: 0,
    name,
    roleTitle: 'Backend Engineer',
    level: 'mid',
    targetMinutes: 60,
    weights,
    sections: [{ title: 'All', items: [{ questionVersionId: question.versionId, minutes: 20 }] }],
  });
  await publishKit(admin, { kitId, revision: 1 });
  return kitId;
}

/** An opening whose loop uses the kit in each named stage; returns its id and stage ids in order. */
export async function createOpeningWithStages(admin: Ctx, kitId: string, stageNames: string[]) {
  const { openingId } = await createOpening(admin, {
    title: `Opening ${suffix()}`,
    level: 'mid',
    stages: stageNames.map((name) => ({ name, kitId, durationMinutes: 60 })),
  });
  const stageIds = (await getOpening(admin, openingId)).stages.map((s) => s.id);
  return { openingId, stageIds };
}

/** A candidate applied to the opening; returns the candidate and application ids. */
export async function createApplicant(admin: Ctx, openingId: string, name = `Candidate ${suffix()}`) {
  const { candidateId } = await createCandidate(admin, { name, email: `c.${suffix()}@example.test`, openingId });
  const applicationId = (await getCandidate(admin, candidateId)).applications[0]!.id;
  return { candidateId, applicationId };
}

/** An interview starting `startsInMs` from now (negative: already under way). */
export async function createInterview(admin: Ctx, input: { applicationId: string; stageId: string; panel: Ctx[]; startsInMs: number }) {
  const { interviewId } = await scheduleInterview(admin, {
    applicationId: input.applicationId,
    openingStageId: input.stageId,
    scheduledAt: new Date(Date.now() + input.startsInMs).toISOString(),
    durationMinutes: 60,
    panelUserIds: input.panel.map((p) => p.userId),
  });
  return interviewId;
}

/** A draft with every given rating and a recommendation, not submitted. */
export async function fillScorecard(rater: Ctx, interviewId: string, ratings: Record<string, SkillRatingValue>, recommendation: 'strong_no' | 'no' | 'yes' | 'strong_yes' = 'yes') {
  const { scorecard } = await openScorecard(rater, { interviewId });
  const { revision } = await saveScorecard(rater, { scorecardId: scorecard.id, baseRevision: scorecard.revision, ratings, recommendation, summary: 'Fixture summary.' });
  return { scorecardId: scorecard.id, revision };
}

/** A submitted scorecard (the interview must have started). */
export async function submitFilledScorecard(rater: Ctx, interviewId: string, ratings: Record<string, SkillRatingValue>, recommendation: 'strong_no' | 'no' | 'yes' | 'strong_yes' = 'yes') {
  const { scorecardId, revision } = await fillScorecard(rater, interviewId, ratings, recommendation);
  await submitScorecard(rater, { scorecardId, baseRevision: revision });
  return scorecardId;
}
