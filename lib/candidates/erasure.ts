import 'server-only';
// Erasure of a candidate's personal data (GDPR Art. 17). The candidate row stays, renamed to a
// pseudonym, so that their anonymous ratings and recommendations keep counting: every score
// tally (db/analytics.ts) is a sum over applications, and removing ratings would move other
// candidates' ranks and every interviewer's calibration. Everything written in words about them
// — their details, scorecard summaries, per-question notes, cancellation and reopen reasons,
// decision rationales — goes.
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { applicationDecisions, applications, candidates, interviews, scorecardNotes, scorecards } from '@/db/schema';
import { recordAudit } from '../audit';
import { emitWebhookEvent } from '../webhooks/emit';
import { type Ctx, requirePermission } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { deleteSelfIdentification } from '../fairness/self-identification';
import { EraseCandidateInput } from './schemas';

/**
 * "Erased candidate 7F3A": derived from the random row id only, so it reveals nothing about the
 * person, stays the same on every page, and lets an admin tell two erased candidates apart.
 */
export function candidatePseudonym(candidateId: string): string {
  return `Erased candidate ${createHash('sha256').update(candidateId).digest('hex').slice(0, 4).toUpperCase()}`;
}

/** An address that can never receive mail (.invalid, RFC 2606) and keeps the per-organization unique index satisfied. */
export function erasedCandidateEmail(candidateId: string): string {
  return `erased-${candidateId}@erased.invalid`;
}

export interface ErasureCounts {
  applications: number;
  interviews: number;
  scorecards: number;
  notes: number;
}

export type ErasureTrigger = 'request' | 'retention';

/**
 * Erases one candidate inside the caller's transaction. The caller has checked permission and
 * locked nothing: this locks the candidate row first, so two erasures of one candidate run one
 * after the other and the second finds it erased. Returns null when it was already erased.
 */
export async function eraseCandidateRecord(
  db: DbExecutor,
  args: {
    organizationId: string;
    candidateId: string;
    actorUserId: string | null;
    trigger: ErasureTrigger;
    now?: Date;
    /** Checked after the lock (e.g. "still due for retention"); false erases nothing. */
    recheck?: () => Promise<boolean>;
  },
): Promise<(ErasureCounts & { pseudonym: string }) | null> {
  const [candidate] = await db
    .select({ id: candidates.id, erasedAt: candidates.erasedAt, revision: candidates.revision })
    .from(candidates)
    .where(and(eq(candidates.id, args.candidateId), eq(candidates.organizationId, args.organizationId)))
    .for('update');
  if (!candidate) throw new NotFoundError('Candidate');
  if (candidate.erasedAt) return null;
  if (args.recheck && !(await args.recheck())) return null;
  const now = args.now ?? new Date();
  const pseudonym = candidatePseudonym(candidate.id);
  await db
    .update(candidates)
    .set({ name: pseudonym, email: erasedCandidateEmail(candidate.id), phone: null, location: null, source: null, notes: '', erasedAt: now, revision: candidate.revision + 1, updatedAt: now })
    .where(eq(candidates.id, candidate.id));

  const appIds = (await db.select({ id: applications.id }).from(applications).where(and(eq(applications.organizationId, args.organizationId), eq(applications.candidateId, candidate.id)))).map((r) => r.id);
  const interviewIds = appIds.length
    ? (await db.select({ id: interviews.id }).from(interviews).where(and(eq(interviews.organizationId, args.organizationId), inArray(interviews.applicationId, appIds)))).map((r) => r.id)
    : [];
  if (appIds.length) {
    // A decision's rationale is written about the person; the outcome, who decided and when stay.
    await db
      .update(applicationDecisions)
      .set({ rationale: '' })
      .where(and(eq(applicationDecisions.organizationId, args.organizationId), inArray(applicationDecisions.applicationId, appIds)));
  }
  let scorecardIds: string[] = [];
  let notes = 0;
  if (interviewIds.length) {
    await db.update(interviews).set({ cancellationReason: null }).where(inArray(interviews.id, interviewIds));
    // Only the words go: status, recommendation, ratings and submittedAt stay exactly as they
    // were, so no tally changes and the revision protocol needs no bump for readers of numbers.
    scorecardIds = (
      await db
        .update(scorecards)
        .set({ summary: '', reopenReason: null })
        .where(and(eq(scorecards.organizationId, args.organizationId), inArray(scorecards.interviewId, interviewIds)))
        .returning({ id: scorecards.id })
    ).map((r) => r.id);
    if (scorecardIds.length) {
      notes = (await db.update(scorecardNotes).set({ body: '' }).where(inArray(scorecardNotes.scorecardId, scorecardIds)).returning({ id: scorecardNotes.kitItemId })).length;
    }
    // No new evidence is gathered about an erased person: an interview nobody has submitted
    // feedback for is cancelled (which also takes it off the panel's lists), and the scorecard
    // functions refuse to open, save or submit a card about an erased candidate. Interviews with
    // submitted feedback stay as they are: their ratings count.
    await db
      .update(interviews)
      .set({ status: 'cancelled', revision: sql`${interviews.revision} + 1`, updatedAt: now })
      .where(
        and(
          inArray(interviews.id, interviewIds),
          eq(interviews.status, 'scheduled'),
          sql`not exists (select 1 from scorecards s where s.interview_id = ${interviews.id} and s.status = 'submitted')`,
        ),
      );
  }
  // Voluntary self-identification answers are personal data of the most sensitive kind: deleted,
  // not kept under the pseudonym (the adverse-impact report then counts the person as unanswered).
  // Whether there were any stays out of the audit event and the result.
  await deleteSelfIdentification(db, args.organizationId, candidate.id);
  const counts: ErasureCounts = { applications: appIds.length, interviews: interviewIds.length, scorecards: scorecardIds.length, notes };
  await recordAudit(db, {
    organizationId: args.organizationId,
    actorUserId: args.actorUserId,
    action: 'candidate.erased',
    entityType: 'candidate',
    entityId: candidate.id,
    data: { trigger: args.trigger, ...counts },
  });
  // Ids only: the receiving system erases its own copy of the person.
  await emitWebhookEvent(db, args.organizationId, 'candidate.erased', { candidateId: candidate.id, applicationIds: appIds, erasedAt: now.toISOString() });
  return { ...counts, pseudonym };
}

/**
 * An admin erases a candidate on request. The confirmation (the word "erase" or the pseudonym
 * the candidate will get) is checked here too, so an API client cannot skip the step the page asks for.
 */
export async function eraseCandidate(ctx: Ctx, input: unknown): Promise<ErasureCounts & { pseudonym: string }> {
  requirePermission(ctx, 'candidate:erase');
  const data = parseInput(EraseCandidateInput, input);
  const expected = candidatePseudonym(data.candidateId);
  if (data.confirmation.toLowerCase() !== 'erase' && data.confirmation.toLowerCase() !== expected.toLowerCase()) {
    throw ValidationError.field('confirmation', `That does not match: type “erase” or “${expected}”`);
  }
  return ctx.db.transaction(async (tx) => {
    const result = await eraseCandidateRecord(tx, { organizationId: ctx.organizationId, candidateId: data.candidateId, actorUserId: ctx.userId, trigger: 'request' });
    if (!result) throw new ConflictError('This candidate’s personal data has already been erased.');
    return result;
  });
}

/** Edits of an erased candidate would bring personal data back under a pseudonym: refuse them (409). */
export function assertNotErased(candidate: { erasedAt: Date | null }): void {
  if (candidate.erasedAt) throw new ConflictError('This candidate’s personal data has been erased; their record can no longer be changed.');
}
