import 'server-only';
// What the live scorecard is built on, shared by the read (getInterviewScorecard) and the write
// that creates the draft (openScorecard): the interview as its panelist sees it, the kit version
// it pinned, and the refusals that depend on the interview's state.
import { and, eq, sql } from 'drizzle-orm';
import { applications, candidates, interviewPanelists, interviews, openingStages, openings } from '@/db/schema';
import { candidateLabelSql, identityHiddenSql } from '../candidates/blind';
import type { Ctx } from '../context';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { loadKitVersionContent } from '../kits/queries';

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
      // A panelist reads the candidate under the blind-review rule: a code while the opening is blind.
      candidateName: candidateLabelSql('panel', ctx),
      blind: identityHiddenSql('panel', ctx),
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

/**
 * The kit version an interview pinned, as the live scorecard shows it: questions in order with
 * their rubric, and the weighted skills. Loaded by the kit module's one (tenant-scoped) reader;
 * this only keeps the scorecard payload to what the panelist needs.
 */
export async function loadPinnedKit(ctx: Ctx, kitVersionId: string) {
  const content = await loadKitVersionContent(ctx, kitVersionId);
  return {
    name: content.kitName,
    version: content.version.version,
    targetMinutes: content.version.targetMinutes,
    sections: content.sections.map((s) => ({
      id: s.id,
      title: s.title,
      items: s.items.map((i) => ({
        id: i.id,
        minutes: i.minutes,
        title: i.title,
        prompt: i.prompt,
        kind: i.kind,
        primarySkillId: i.primarySkillId,
        listenFor: i.listenFor,
        redFlags: i.redFlags,
        followUps: i.followUps,
        rubric: i.rubric,
      })),
    })),
    skills: content.weights,
  };
}

/**
 * The interview's recorded start, as the live clock counts from it: `started_at`, unless it lies
 * before the scheduled time (the interview was moved later after a panelist opened it), in which
 * case the interview has not really started and the next opening records it again. The SQL form
 * is for the write that records it (./interview-start.ts).
 */
export function recordedStart(interview: { startedAt: Date | null; scheduledAt: Date }): Date | null {
  return interview.startedAt && interview.startedAt >= interview.scheduledAt ? interview.startedAt : null;
}
export const startNotRecordedSql = sql`(${interviews.startedAt} is null or ${interviews.startedAt} < ${interviews.scheduledAt})`;

/** The interview block of the live scorecard's payload. */
export function interviewSummary(row: Awaited<ReturnType<typeof loadInterviewForPanelist>>) {
  return {
    id: row.interview.id,
    scheduledAt: row.interview.scheduledAt.toISOString(),
    durationMinutes: row.interview.durationMinutes,
    /** When the interview really began (see recordedStart); null until then. The live clock counts from it. */
    startedAt: recordedStart(row.interview)?.toISOString() ?? null,
    /** Whether the interview has started (database clock): until then the scorecard cannot be submitted. */
    started: Boolean(row.started),
    candidateId: row.candidateId,
    /** Where the panelist reads the panel's feedback once they may (the debrief page). */
    applicationId: row.interview.applicationId,
    candidateName: row.candidateName,
    /** The candidate is shown by their code (blind review). */
    blind: Boolean(row.blind),
    openingTitle: row.openingTitle,
    stageName: row.stageName,
  };
}
