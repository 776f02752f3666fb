import 'server-only';
// Changes to calibration exercises: recruiters and admins (training:manage) write sample answers
// with a reference rating; trainees rate them once. A rating is final: once given, the trainee has
// seen the reference, so a second opinion would measure the reference, not the trainee — a re-rate
// is refused (409), never applied.
import { and, count, eq, isNull, or } from 'drizzle-orm';
import { calibrationRatings, calibrationSamples, questions, questionVersions } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { type Exercise, getExercise, isOwnSample, type SampleForManagers, toSampleForManagers, TRAINEE_PERMISSION } from './queries';
import { CreateSampleInput, RateSampleInput, SetSampleArchivedInput, UpdateSampleInput } from './schemas';

/** The question's current version, if the organization can see the question (its own or built in). */
async function currentQuestionVersion(ctx: Ctx, questionId: string) {
  const [question] = await ctx.db
    .select({ id: questions.id, versionId: questions.currentVersionId, version: questions.latestVersion })
    .from(questions)
    .where(and(eq(questions.id, questionId), or(eq(questions.organizationId, ctx.organizationId), isNull(questions.organizationId))));
  if (!question?.versionId) throw new NotFoundError('Question');
  return { versionId: question.versionId, version: question.version };
}

export async function createSample(ctx: Ctx, input: unknown): Promise<SampleForManagers> {
  requirePermission(ctx, 'training:manage');
  const data = parseInput(CreateSampleInput, input);
  return inTransaction(ctx, async (tx) => {
    const question = await currentQuestionVersion(tx, data.questionId);
    const [sample] = await tx.db
      .insert(calibrationSamples)
      .values({
        organizationId: ctx.organizationId,
        questionId: data.questionId,
        questionVersionId: question.versionId,
        answer: data.answer,
        referenceRating: data.referenceRating,
        referenceRationale: data.referenceRationale,
        createdByUserId: ctx.userId,
      })
      .returning();
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'calibration_sample.created', entityType: 'calibration_sample', entityId: sample!.id, data: { questionId: data.questionId } });
    return toSampleForManagers(sample!, question.version, 0);
  });
}

/** Locks a sample of the organization and checks the revision the editor loaded. */
async function lockSampleAtRevision(ctx: Ctx, sampleId: string, revision: number) {
  const [row] = await ctx.db
    .select({ sample: calibrationSamples, version: questionVersions.version })
    .from(calibrationSamples)
    .innerJoin(questionVersions, eq(questionVersions.id, calibrationSamples.questionVersionId))
    .where(and(eq(calibrationSamples.id, sampleId), eq(calibrationSamples.organizationId, ctx.organizationId)))
    .for('update', { of: calibrationSamples });
  if (!row) throw new NotFoundError('Sample');
  const [rated] = await ctx.db.select({ n: count() }).from(calibrationRatings).where(eq(calibrationRatings.sampleId, sampleId));
  const ratings = rated?.n ?? 0;
  if (row.sample.revision !== revision) {
    throw new ConflictError(
      `Someone else saved this sample (now revision ${row.sample.revision}) while you were editing revision ${revision}. Your changes were not saved.`,
      toSampleForManagers(row.sample, row.version, ratings),
    );
  }
  return { ...row, ratings };
}

/**
 * Edits a sample. The reference and its rationale can be corrected at any time (agreement is
 * always computed against the current reference); the answer itself only until someone rated it,
 * since changing it would leave ratings of a text nobody can see any more. An unrated sample's
 * edit also moves it to the question's current version, so it is rated against today's anchors.
 */
export async function updateSample(ctx: Ctx, input: unknown): Promise<SampleForManagers> {
  requirePermission(ctx, 'training:manage');
  const { sampleId, revision, ...edit } = parseInput(UpdateSampleInput, input);
  return inTransaction(ctx, async (tx) => {
    const { sample, version, ratings } = await lockSampleAtRevision(tx, sampleId, revision);
    if (edit.answer !== sample.answer && ratings > 0) {
      throw ValidationError.field('answer', `${ratings === 1 ? 'A trainee has' : `${ratings} trainees have`} already rated this answer, so it can no longer change. Archive this sample and add a new one instead.`);
    }
    const current = ratings > 0 ? { versionId: sample.questionVersionId, version } : await currentQuestionVersion(tx, sample.questionId);
    const fields = (['answer', 'referenceRating', 'referenceRationale'] as const).filter((f) => edit[f] !== sample[f]);
    if (!fields.length && current.versionId === sample.questionVersionId) return toSampleForManagers(sample, version, ratings);
    const [saved] = await tx.db
      .update(calibrationSamples)
      .set({ ...edit, questionVersionId: current.versionId, revision: sample.revision + 1, updatedAt: new Date() })
      .where(eq(calibrationSamples.id, sample.id))
      .returning();
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'calibration_sample.updated',
      entityType: 'calibration_sample',
      entityId: sample.id,
      data: { revision: saved!.revision, fields },
    });
    return toSampleForManagers(saved!, current.version, ratings);
  });
}

/** Archives (or restores) a sample: archived, it is offered to nobody and counts in no figure. */
export async function setSampleArchived(ctx: Ctx, input: unknown): Promise<SampleForManagers> {
  requirePermission(ctx, 'training:manage');
  const { sampleId, revision, archived } = parseInput(SetSampleArchivedInput, input);
  return inTransaction(ctx, async (tx) => {
    const { sample, version, ratings } = await lockSampleAtRevision(tx, sampleId, revision);
    if ((sample.archivedAt !== null) === archived) return toSampleForManagers(sample, version, ratings);
    const [saved] = await tx.db
      .update(calibrationSamples)
      .set({ archivedAt: archived ? new Date() : null, revision: sample.revision + 1, updatedAt: new Date() })
      .where(eq(calibrationSamples.id, sample.id))
      .returning();
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: archived ? 'calibration_sample.archived' : 'calibration_sample.restored',
      entityType: 'calibration_sample',
      entityId: sample.id,
      data: { revision: saved!.revision },
    });
    return toSampleForManagers(saved!, version, ratings);
  });
}

/** Records the trainee's rating and returns the exercise with its result (the reference, the peers). */
export async function rateSample(ctx: Ctx, input: unknown): Promise<Exercise> {
  requirePermission(ctx, TRAINEE_PERMISSION);
  const data = parseInput(RateSampleInput, input);
  await inTransaction(ctx, async (tx) => {
    const [sample] = await tx.db
      .select({ id: calibrationSamples.id, archivedAt: calibrationSamples.archivedAt, createdByUserId: calibrationSamples.createdByUserId })
      .from(calibrationSamples)
      .where(and(eq(calibrationSamples.id, data.sampleId), eq(calibrationSamples.organizationId, ctx.organizationId)))
      .for('share');
    if (!sample) throw new NotFoundError('Exercise');
    if (isOwnSample(sample, ctx)) throw new ForbiddenError('You wrote this sample’s reference rating, so it is no exercise for you.');
    if (sample.archivedAt) throw new ConflictError('This sample was archived while you were rating it; it no longer counts. Pick another exercise.');
    const [saved] = await tx.db
      .insert(calibrationRatings)
      .values({ organizationId: ctx.organizationId, sampleId: sample.id, userId: ctx.userId, rating: data.rating, note: data.note ?? null })
      .onConflictDoNothing({ target: [calibrationRatings.sampleId, calibrationRatings.userId] })
      .returning({ id: calibrationRatings.id });
    if (!saved) throw new ConflictError('You already rated this sample. Ratings are final: you have seen the reference since.');
    // The rating itself stays out of the audit trail: it is a trainee's performance, readable where it belongs.
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'calibration_sample.rated', entityType: 'calibration_sample', entityId: sample.id, data: {} });
  });
  return getExercise(ctx, { sampleId: data.sampleId });
}
