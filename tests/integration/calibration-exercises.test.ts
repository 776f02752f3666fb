// Calibration exercises (issue 14, part 5b): recruiters attach sample answers with a reference
// rating to a question; trainees rate them blind and then see the reference and their peers'
// ratings; agreement with the reference and with peers per trainee, checked on a hand-computed
// fixture. Also: the blind rule through every domain read, 403 per role, 404 for another
// organization, 422 naming the field with nothing written, 409 on stale edits and re-rates.
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, calibrationRatings, calibrationSamples } from '@/db/schema';
import { alpha, patternsFromTable } from '@/lib/dashboard/krippendorff';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { updateQuestion } from '@/lib/questions/mutations';
import { getQuestion } from '@/lib/questions/queries';
import { createSample, rateSample, setSampleArchived, updateSample } from '@/lib/training/mutations';
import { getExercise, getMyAgreement, getTrainingOverview, listExercises, listQuestionSamples } from '@/lib/training/queries';
import { setupTestDatabase } from './support/database';
import { makeCalibrationSample, makeMember, makeOrganization, makeQuestion, makeSkill, type TestMember, type TestOrganization } from './support/factories';

const t = setupTestDatabase({ isolation: 'transaction' });

let org: TestOrganization;
let outsider: TestOrganization;
let questionId: string;

beforeEach(async () => {
  org = await makeOrganization(t.db);
  outsider = await makeOrganization(t.db);
  questionId = (await makeQuestion(org.recruiter.ctx, { primarySkillId: (await makeSkill(org.recruiter.ctx)).id })).questionId;
});

async function expectError<T>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

describe('the exercise flow', () => {
  it('hides the reference and the peers’ ratings until the trainee rates, then shows both', async () => {
    const sample = await makeCalibrationSample(org.recruiter.ctx, { questionId, referenceRating: 3, referenceRationale: 'Names both trade-offs; misses the failure mode.' });
    const peer = await makeMember(t.db, org.organizationId, 'interviewer');
    await rateSample(peer.ctx, { sampleId: sample.id, rating: 2 });

    const list = await listExercises(org.interviewer.ctx);
    expect(list).toMatchObject({ rated: 0, total: 1 });
    expect(list.exercises[0]).toEqual({ sampleId: sample.id, questionTitle: expect.any(String), sampleNumber: 1, myRating: null, ratedAt: null });

    const before = await getExercise(org.interviewer.ctx, { sampleId: sample.id });
    expect(before.result).toBeNull();
    expect(before.answer).toBe(sample.answer);
    expect(before.question.anchors).toEqual(['Cannot describe the problem at all.', 'Describes the problem but not a solution.', 'A workable solution with its main trade-offs.', 'A complete solution, trade-offs and failure modes.']);
    // Nothing of the reference or the peer's rating in what the domain returns, under any key.
    const serialized = JSON.stringify(before);
    expect(serialized).not.toContain('Names both trade-offs');
    expect(serialized).not.toMatch(/reference|peer/i);

    const after = await rateSample(org.interviewer.ctx, { sampleId: sample.id, rating: '3', note: 'Felt like a solid answer.' });
    expect(after.result).toMatchObject({ myRating: 3, note: 'Felt like a solid answer.', referenceRating: 3, referenceRationale: 'Names both trade-offs; misses the failure mode.', peerCounts: [0, 1, 0, 0], peers: 1 });
    expect(await getExercise(org.interviewer.ctx, { sampleId: sample.id })).toEqual(after);
    expect(await listExercises(org.interviewer.ctx)).toMatchObject({ rated: 1, total: 1, exercises: [{ myRating: 3 }] });

    // Ratings are final: a second one is refused and changes nothing.
    await expectError(rateSample(org.interviewer.ctx, { sampleId: sample.id, rating: 4 }), ConflictError);
    const rows = await t.db.select().from(calibrationRatings).where(and(eq(calibrationRatings.sampleId, sample.id), eq(calibrationRatings.userId, org.interviewer.user.id)));
    expect(rows.map((r) => r.rating)).toEqual([3]);
  });

  it('lists unrated exercises first and leaves out the trainee’s own samples', async () => {
    const first = await makeCalibrationSample(org.recruiter.ctx, { questionId, referenceRating: 2 });
    const second = await makeCalibrationSample(org.recruiter.ctx, { questionId, referenceRating: 4 });
    await rateSample(org.interviewer.ctx, { sampleId: first.id, rating: 2 });
    const list = await listExercises(org.interviewer.ctx);
    expect(list.exercises.map((e) => e.sampleId)).toEqual([second.id, first.id]);
    expect(list).toMatchObject({ rated: 1, total: 2 });
    // The recruiter wrote both: no exercises for them, and rating their own is refused.
    expect(await listExercises(org.recruiter.ctx)).toMatchObject({ total: 0, exercises: [], ownSamples: 2 });
    expect(list.ownSamples).toBe(0);
    await expectError(getExercise(org.recruiter.ctx, { sampleId: first.id }), ForbiddenError);
    await expectError(rateSample(org.recruiter.ctx, { sampleId: first.id, rating: 2 }), ForbiddenError);
  });

  it('pins the question version: a later edit of the question does not change the anchors of an existing sample', async () => {
    const sample = await makeCalibrationSample(org.recruiter.ctx, { questionId, referenceRating: 3 });
    const current = (await getQuestion(org.recruiter.ctx, { questionId })).version;
    await updateQuestion(org.recruiter.ctx, { ...current, questionId, baseVersion: 1, rubric1: 'A different first anchor entirely.' });
    const exercise = await getExercise(org.interviewer.ctx, { sampleId: sample.id });
    expect(exercise.question.anchors[0]).toBe('Cannot describe the problem at all.');
    // Unrated, an edit moves it to the current version (listed as version 2 on the question page).
    await updateSample(org.recruiter.ctx, { sampleId: sample.id, revision: 0, answer: sample.answer, referenceRating: 3, referenceRationale: 'Same reference, rechecked against version 2.' });
    expect((await getExercise(org.interviewer.ctx, { sampleId: sample.id })).question.anchors[0]).toBe('A different first anchor entirely.');
    expect((await listQuestionSamples(org.recruiter.ctx, { questionId }))[0]).toMatchObject({ questionVersion: 2, revision: 1 });
  });
});

describe('managing samples', () => {
  it('creates, edits with a revision check, and archives; archived samples leave the exercises and the figures', async () => {
    const sample = await createSample(org.admin.ctx, { questionId, answer: 'Use a queue with retries and an idempotency key per message.', referenceRating: '2', referenceRationale: 'No failure handling beyond retries.' });
    expect(sample).toMatchObject({ referenceRating: 2, revision: 0, ratings: 0, archived: false, questionVersion: 1 });
    expect(await listQuestionSamples(org.recruiter.ctx, { questionId })).toEqual([sample]);

    const edited = await updateSample(org.recruiter.ctx, { sampleId: sample.id, revision: 0, answer: sample.answer, referenceRating: 3, referenceRationale: 'Idempotency keys handle redelivery.' });
    expect(edited).toMatchObject({ revision: 1, referenceRating: 3 });
    const stale = await expectError(updateSample(org.admin.ctx, { sampleId: sample.id, revision: 0, answer: sample.answer, referenceRating: 4, referenceRationale: 'Stale edit of revision 0.' }), ConflictError);
    expect(stale.current).toMatchObject({ revision: 1, referenceRating: 3 });

    // Once rated, the answer is fixed (422 on `answer`), while the reference can still be corrected.
    await rateSample(org.interviewer.ctx, { sampleId: sample.id, rating: 3 });
    const fixed = await expectError(updateSample(org.recruiter.ctx, { sampleId: sample.id, revision: 1, answer: 'A rewritten answer nobody has rated yet.', referenceRating: 3, referenceRationale: 'Idempotency keys handle redelivery.' }), ValidationError);
    expect(Object.keys(fixed.fieldErrors)).toEqual(['answer']);
    const corrected = await updateSample(org.recruiter.ctx, { sampleId: sample.id, revision: 1, answer: sample.answer, referenceRating: 4, referenceRationale: 'On reflection the redelivery story is complete.' });
    expect(corrected).toMatchObject({ revision: 2, referenceRating: 4, ratings: 1 });
    expect((await getExercise(org.interviewer.ctx, { sampleId: sample.id })).result).toMatchObject({ referenceRating: 4 });
    expect((await getMyAgreement(org.interviewer.ctx)).reference).toMatchObject({ n: 1, exact: 0, withinOne: 1 });

    const archived = await setSampleArchived(org.recruiter.ctx, { sampleId: sample.id, revision: 2, archived: 'true' });
    expect(archived).toMatchObject({ archived: true, revision: 3 });
    expect(await listExercises(org.interviewer.ctx)).toMatchObject({ total: 0 });
    expect((await getMyAgreement(org.interviewer.ctx)).reference.n).toBe(0);
    // Who rated it still sees their result; for anyone else it is gone; nobody can rate it now.
    expect((await getExercise(org.interviewer.ctx, { sampleId: sample.id })).archived).toBe(true);
    await expectError(getExercise(org.hiringManager.ctx, { sampleId: sample.id }), NotFoundError);
    await expectError(rateSample(org.hiringManager.ctx, { sampleId: sample.id, rating: 2 }), ConflictError);

    const audit = await t.db.select({ action: auditEvents.action, data: auditEvents.data }).from(auditEvents).where(eq(auditEvents.entityId, sample.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['calibration_sample.archived', 'calibration_sample.created', 'calibration_sample.rated', 'calibration_sample.updated', 'calibration_sample.updated']);
    // No rating value and no text in the trail.
    expect(audit.find((a) => a.action === 'calibration_sample.rated')!.data).toEqual({});
    expect(JSON.stringify(audit)).not.toContain('redelivery');
  });

  it('answers 422 naming the field, and writes nothing', async () => {
    const bad = await expectError(createSample(org.recruiter.ctx, { questionId, answer: 'too short', referenceRating: 5, referenceRationale: 'Fine rationale text.' }), ValidationError);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['answer', 'referenceRating']);
    expect(bad.fieldErrors.referenceRating![0]).toMatch(/anchors/);
    const missing = await expectError(createSample(org.recruiter.ctx, { questionId, answer: 'A long enough sample answer for the exercise.', referenceRating: '', referenceRationale: '' }), ValidationError);
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(['referenceRating', 'referenceRationale']);
    expect(await t.db.select().from(calibrationSamples).where(eq(calibrationSamples.organizationId, org.organizationId))).toEqual([]);

    const sample = await makeCalibrationSample(org.recruiter.ctx, { questionId, referenceRating: 2 });
    const rating = await expectError(rateSample(org.interviewer.ctx, { sampleId: sample.id, rating: 0 }), ValidationError);
    expect(Object.keys(rating.fieldErrors)).toEqual(['rating']);
    const note = await expectError(rateSample(org.interviewer.ctx, { sampleId: sample.id, rating: 2, note: 'x'.repeat(2001) }), ValidationError);
    expect(Object.keys(note.fieldErrors)).toEqual(['note']);
    expect(await t.db.select().from(calibrationRatings).where(eq(calibrationRatings.sampleId, sample.id))).toEqual([]);
  });
});

describe('permissions and tenancy', () => {
  it('refuses sample management and the overview without training:manage (403), and exercises to API keys', async () => {
    const sample = await makeCalibrationSample(org.recruiter.ctx, { questionId, referenceRating: 2 });
    for (const member of [org.interviewer, org.hiringManager]) {
      await expectError(createSample(member.ctx, { questionId, answer: 'A long enough sample answer for the exercise.', referenceRating: 2, referenceRationale: 'Fine rationale text.' }), ForbiddenError);
      await expectError(updateSample(member.ctx, { sampleId: sample.id, revision: 0, answer: sample.answer, referenceRating: 4, referenceRationale: 'Fine rationale text.' }), ForbiddenError);
      await expectError(setSampleArchived(member.ctx, { sampleId: sample.id, revision: 0, archived: true }), ForbiddenError);
      await expectError(listQuestionSamples(member.ctx, { questionId }), ForbiddenError);
      await expectError(getTrainingOverview(member.ctx), ForbiddenError);
    }
    const service = { ...org.admin.ctx, role: 'service' as const, apiKey: { id: 'key', scopes: ['training:manage' as const, 'question:read' as const] } };
    await expectError(listExercises(service), ForbiddenError);
    await expectError(getExercise(service, { sampleId: sample.id }), ForbiddenError);
    await expectError(rateSample(service, { sampleId: sample.id, rating: 2 }), ForbiddenError);
    expect(await getTrainingOverview(org.admin.ctx)).toMatchObject({ samples: 1 });
  });

  it('treats another organization’s samples and questions as missing (404)', async () => {
    const sample = await makeCalibrationSample(org.recruiter.ctx, { questionId, referenceRating: 2 });
    const them = outsider.admin.ctx;
    await expectError(getExercise(them, { sampleId: sample.id }), NotFoundError);
    await expectError(rateSample(them, { sampleId: sample.id, rating: 2 }), NotFoundError);
    await expectError(updateSample(them, { sampleId: sample.id, revision: 0, answer: sample.answer, referenceRating: 4, referenceRationale: 'Fine rationale text.' }), NotFoundError);
    await expectError(setSampleArchived(them, { sampleId: sample.id, revision: 0, archived: true }), NotFoundError);
    await expectError(listQuestionSamples(them, { questionId }), NotFoundError);
    await expectError(createSample(them, { questionId, answer: 'A long enough sample answer for the exercise.', referenceRating: 2, referenceRationale: 'Fine rationale text.' }), NotFoundError);
    expect(await listExercises(outsider.interviewer.ctx)).toMatchObject({ total: 0 });
    expect((await getTrainingOverview(them)).samples).toBe(0);
    // A malformed id is a 422 on the field, never a 500.
    const malformed = await expectError(getExercise(org.interviewer.ctx, { sampleId: 'not-a-uuid' }), ValidationError);
    expect(Object.keys(malformed.fieldErrors)).toEqual(['sampleId']);
    const unclear = await expectError(setSampleArchived(org.recruiter.ctx, { sampleId: sample.id, revision: 0, archived: 'maybe' }), ValidationError);
    expect(Object.keys(unclear.fieldErrors)).toEqual(['archived']);
  });
});

describe('agreement figures on a hand-computed fixture', () => {
  // Five samples with references 1, 2, 3, 4, 3, rated by three trainees:
  //   A (the organization's interviewer): 1, 2, 3, 3, 2     B: 2, 2, 4, 4, 3     C: 1, 3, 3, 4, 3
  // A against the reference: exact on samples 1–3 (3/5 = 0.6), all within one point (1.0);
  //   x̄ = 2.2, ȳ = 2.6, s²ₓ = 27/5 − 4.84 = 0.56, s²ᵧ = 39/5 − 6.76 = 1.04, sₓᵧ = 32/5 − 5.72 = 0.68,
  //   κ = 2·0.68 / (0.56 + 1.04 + 0.4²) = 1.36 / 1.76 = 17/22.
  // A against the peers' median (B and C): 1.5, 2.5, 3.5, 4, 3; ȳ = 2.9, s²ᵧ = 45.75/5 − 8.41 = 0.74,
  //   sₓᵧ = 35/5 − 6.38 = 0.62, κ = 1.24 / (0.56 + 0.74 + 0.7²) = 124/179.
  // B against the reference: x̄ = 3, s²ₓ = 0.8, sₓᵧ = 43/5 − 7.8 = 0.8, κ = 1.6 / (0.8 + 1.04 + 0.16) = 0.8.
  const references = [1, 2, 3, 4, 3] as const;
  const ratings = { a: [1, 2, 3, 3, 2], b: [2, 2, 4, 4, 3], c: [1, 3, 3, 4, 3] };
  let b: TestMember;
  let c: TestMember;

  beforeEach(async () => {
    b = await makeMember(t.db, org.organizationId, 'interviewer', { name: 'Bea Trainee' });
    c = await makeMember(t.db, org.organizationId, 'interviewer', { name: 'Cem Trainee' });
    for (const [i, referenceRating] of references.entries()) {
      const sample = await makeCalibrationSample(org.recruiter.ctx, { questionId, referenceRating });
      await rateSample(org.interviewer.ctx, { sampleId: sample.id, rating: ratings.a[i] });
      await rateSample(b.ctx, { sampleId: sample.id, rating: ratings.b[i] });
      await rateSample(c.ctx, { sampleId: sample.id, rating: ratings.c[i] });
    }
  });

  it('gives the trainee their own figures', async () => {
    const mine = await getMyAgreement(org.interviewer.ctx);
    expect(mine.reference).toMatchObject({ n: 5, exact: 3, withinOne: 5, enough: true, exactShare: 0.6, withinOneShare: 1 });
    expect(mine.reference.kappa).toBeCloseTo(17 / 22, 12);
    expect(mine.peers).toMatchObject({ n: 5, enough: true });
    expect(mine.peers.kappa).toBeCloseTo(124 / 179, 12);
  });

  it('gives recruiters every member’s figures and the team’s alpha; below five samples, no figure', async () => {
    const overview = await getTrainingOverview(org.recruiter.ctx);
    expect(overview.samples).toBe(5);
    const row = (userId: string) => overview.trainees.find((r) => r.userId === userId)!;
    expect(row(org.interviewer.user.id)).toMatchObject({ rated: 5, available: 5 });
    expect(row(org.interviewer.user.id).reference.kappa).toBeCloseTo(17 / 22, 12);
    expect(row(b.user.id)).toMatchObject({ name: 'Bea Trainee', rated: 5 });
    expect(row(b.user.id).reference.kappa).toBeCloseTo(0.8, 12);
    // The recruiter wrote every sample: nothing to rate, no figures.
    expect(row(org.recruiter.user.id)).toMatchObject({ rated: 0, available: 0, reference: { n: 0, enough: false, kappa: null } });
    expect(overview.team).toMatchObject({ samples: 5, trainees: 3, enough: true });
    expect(overview.team.alpha).toBeCloseTo(alpha(patternsFromTable([ratings.a, ratings.b, ratings.c], [1, 2, 3, 4]), [1, 2, 3, 4], 'ordinal')!, 12);

    // A sixth sample rated by the hiring manager alone: one sample is not enough for any figure.
    const sixth = await makeCalibrationSample(org.recruiter.ctx, { questionId, referenceRating: 2 });
    await rateSample(org.hiringManager.ctx, { sampleId: sixth.id, rating: 2 });
    const manager = (await getTrainingOverview(org.admin.ctx)).trainees.find((r) => r.userId === org.hiringManager.user.id)!;
    expect(manager).toMatchObject({ rated: 1, available: 6, reference: { n: 1, exact: 1, enough: false, exactShare: null, kappa: null }, peers: { n: 0, enough: false } });
  });
});
