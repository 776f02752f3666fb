import 'server-only';
// What the live scorecard is built on, shared by the read (getInterviewScorecard) and the write
// that creates the draft (openScorecard): the interview as its panelist sees it, the kit version
// it pinned, and the refusals that depend on the interview's state.
import { and, eq, sql } from 'drizzle-orm';
import { applications, candidates, interviewPanelists, interviews, kitItems, kitSections, kitSkillWeights, kitVersions, kits, openingStages, openings, questionVersions, skills } from '@/db/schema';
import type { Ctx } from '../context';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';

/** No new feedback is recorded about a candidate whose personal data was erased. */
export class CandidateErasedError extends ConflictError {
  constructor() {
    super('This candidate’s personal data was erased: no new feedback can be recorded about them.');
  }
}

export class InterviewCancelledError extends ConflictError {
  constructor() {
    super('This interview was cancelled, so its scorecard can no longer be changed.');
  }
}

/** Submitting before the interview starts: a 409 like the other state refusals, saying when it can be done. */
export class InterviewNotStartedError extends ConflictError {
  constructor(readonly startsAt: Date) {
    super(`This interview has not started yet (it starts at ${startsAt.toISOString()}). You can take notes now and submit once it has started.`);
  }
}

/**
 * The interview behind a panelist's scorecard, for its panelist only: another organization's reads
 * as missing, a cancelled one is refused, and a member off the panel is forbidden. `started` comes
 * from the database clock, as the rule in ./visibility.ts and the refusal to submit early do.
 */
export async function loadInterviewForPanelist(ctx: Ctx, interviewId: string) {
  const [row] = await ctx.db
    .select({
      interview: interviews,
      started: sql<boolean>`${interviews.scheduledAt} <= now()`,
      candidateName: candidates.name,
      candidateId: candidates.id,
      candidateErasedAt: candidates.erasedAt,
      openingTitle: openings.title,
      stageName: openingStages.name,
    })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(openings, eq(openings.id, applications.openingId))
    .leftJoin(openingStages, eq(openingStages.id, interviews.openingStageId))
    .where(and(eq(interviews.id, interviewId), eq(interviews.organizationId, ctx.organizationId)));
  if (!row) throw new NotFoundError('Interview');
  if (row.interview.status === 'cancelled') throw new InterviewCancelledError();
  if (row.candidateErasedAt) throw new CandidateErasedError();
  const [panelist] = await ctx.db
    .select({ userId: interviewPanelists.userId })
    .from(interviewPanelists)
    .where(and(eq(interviewPanelists.interviewId, interviewId), eq(interviewPanelists.userId, ctx.userId)));
  if (!panelist) throw new ForbiddenError('Only the interview’s panel fills in scorecards for it.');
  return row;
}

/** The kit version an interview pinned: questions in order with their rubric, and the weighted skills. */
export async function loadPinnedKit(ctx: Ctx, kitVersionId: string) {
  const [version] = await ctx.db
    .select({ version: kitVersions, kitName: kits.name })
    .from(kitVersions)
    .innerJoin(kits, eq(kits.id, kitVersions.kitId))
    .where(eq(kitVersions.id, kitVersionId));
  if (!version) throw new NotFoundError('Kit version');
  const [sections, items, weights] = await Promise.all([
    ctx.db.select().from(kitSections).where(eq(kitSections.kitVersionId, kitVersionId)).orderBy(kitSections.position),
    ctx.db
      .select({ item: kitItems, question: questionVersions })
      .from(kitItems)
      .innerJoin(questionVersions, eq(questionVersions.id, kitItems.questionVersionId))
      .where(eq(kitItems.kitVersionId, kitVersionId))
      .orderBy(kitItems.position),
    ctx.db
      .select({ skillId: kitSkillWeights.skillId, weight: kitSkillWeights.weight, name: skills.name, description: skills.description })
      .from(kitSkillWeights)
      .innerJoin(skills, eq(skills.id, kitSkillWeights.skillId))
      .where(eq(kitSkillWeights.kitVersionId, kitVersionId))
      .orderBy(sql`${kitSkillWeights.weight} desc`, skills.name),
  ]);
  return {
    name: version.kitName,
    version: version.version.version,
    targetMinutes: version.version.targetMinutes,
    sections: sections.map((s) => ({
      id: s.id,
      title: s.title,
      items: items
        .filter((i) => i.item.sectionId === s.id)
        .map(({ item, question: q }) => ({
          id: item.id,
          minutes: item.minutes,
          title: q.title,
          prompt: q.prompt,
          kind: q.kind,
          primarySkillId: q.primarySkillId,
          listenFor: q.listenFor,
          redFlags: q.redFlags,
          followUps: q.followUps,
          rubric: [q.rubric1, q.rubric2, q.rubric3, q.rubric4] as [string, string, string, string],
        })),
    })),
    skills: weights,
  };
}

/** The interview block of the live scorecard's payload. */
export function interviewSummary(row: Awaited<ReturnType<typeof loadInterviewForPanelist>>) {
  return {
    id: row.interview.id,
    scheduledAt: row.interview.scheduledAt.toISOString(),
    durationMinutes: row.interview.durationMinutes,
    /** Whether the interview has started (database clock): until then the scorecard cannot be submitted. */
    started: Boolean(row.started),
    candidateId: row.candidateId,
    candidateName: row.candidateName,
    openingTitle: row.openingTitle,
    stageName: row.stageName,
  };
}
