import 'server-only';
// Recording a post-hire outcome: the one place outcomes are written. First recording and edits
// go through here with the revision the form loaded, so two managers editing the same checkpoint
// learn of each other (409) instead of one silently replacing the other.
import { and, eq } from 'drizzle-orm';
import { candidates, openingSkillWeights, postHireOutcomeSkillRatings, postHireOutcomes } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction } from '../context';
import { ConflictError, type FieldErrors, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { checkpointDueDates, getApplicationOutcomes, requireOutcomeAccess } from './queries';
import { RecordOutcomeInput } from './schemas';

/**
 * Permission: outcome:record or the opening's hiring manager (403); another organization's
 * application is 404. Refused (409) unless the application is hired, on an erased candidate, and when `expectedRevision` is not the current
 * revision (0 for "none recorded yet"). The audit event carries ids, the checkpoint and the
 * revision — never a rating, which is personal data about the hire.
 */
export async function recordOutcome(ctx: Ctx, input: unknown, now = new Date()) {
  const data = parseInput(RecordOutcomeInput, input);
  return inTransaction(ctx, async (tx) => {
    // The application's lock serialises recordings of its checkpoints: the second sees the first.
    const application = await requireOutcomeAccess(tx, data.applicationId, { lock: true });
    const [candidate] = await tx.db.select({ erasedAt: candidates.erasedAt }).from(candidates).where(eq(candidates.id, application.candidateId));
    if (candidate?.erasedAt) throw new ConflictError('This person’s data has been erased: no outcome can be recorded about them.');
    const { due } = await checkpointDueDates(tx, application.id);
    const dueAt = due.get(data.checkpoint);
    if (application.stage !== 'hired' || !dueAt) throw new ConflictError('Outcomes are recorded only for hired candidates.');

    const weighted = await tx.db
      .select({ skillId: openingSkillWeights.skillId })
      .from(openingSkillWeights)
      .where(and(eq(openingSkillWeights.organizationId, ctx.organizationId), eq(openingSkillWeights.openingId, application.openingId)));
    const allowed = new Set(weighted.map((w) => w.skillId));
    const errors: FieldErrors = {};
    for (const skillId of Object.keys(data.skillRatings)) {
      if (!allowed.has(skillId)) errors[`skillRatings.${skillId}`] = ['Rate only the skills the opening weighs'];
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const [existing] = await tx.db
      .select()
      .from(postHireOutcomes)
      .where(and(eq(postHireOutcomes.organizationId, ctx.organizationId), eq(postHireOutcomes.applicationId, application.id), eq(postHireOutcomes.checkpoint, data.checkpoint)));
    const currentRevision = existing?.revision ?? 0;
    if (data.expectedRevision !== currentRevision) {
      const current = (await getApplicationOutcomes(tx, { applicationId: application.id }, now)).checkpoints.find((c) => c.checkpoint === data.checkpoint);
      throw new ConflictError('Someone else recorded this outcome after you opened the form. Your ratings are still in the form: compare them with the saved ones, then save again to replace them.', current);
    }

    const values = { overallRating: data.overallRating, stillEmployed: data.stillEmployed, recordedByUserId: ctx.userId, recordedAt: now, updatedAt: now };
    const [saved] = existing
      ? await tx.db.update(postHireOutcomes).set({ ...values, revision: existing.revision + 1 }).where(eq(postHireOutcomes.id, existing.id)).returning()
      : await tx.db.insert(postHireOutcomes).values({ ...values, organizationId: ctx.organizationId, applicationId: application.id, checkpoint: data.checkpoint, revision: 1 }).returning();
    await tx.db.delete(postHireOutcomeSkillRatings).where(eq(postHireOutcomeSkillRatings.outcomeId, saved!.id));
    const rated = Object.entries(data.skillRatings).filter((e): e is [string, number] => e[1] !== undefined);
    if (rated.length) {
      await tx.db.insert(postHireOutcomeSkillRatings).values(rated.map(([skillId, rating]) => ({ organizationId: ctx.organizationId, outcomeId: saved!.id, skillId, rating })));
    }
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: existing ? 'outcome.updated' : 'outcome.recorded',
      entityType: 'application',
      entityId: application.id,
      data: { outcomeId: saved!.id, checkpoint: data.checkpoint, revision: saved!.revision },
    });
    return { outcomeId: saved!.id, checkpoint: data.checkpoint, revision: saved!.revision };
  });
}
