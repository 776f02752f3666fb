// Question analytics against values computed by hand on a small fixture: times asked, rating
// distribution, mean, Pearson's r against the composite with its Fisher-z interval, and the
// separation flags. Drafts, another organization's ratings and another opening's interviews must
// not leak into the figures.
import { beforeAll, describe, expect, it } from 'vitest';
import { rebuildScoreAnalytics } from '@/db/analytics';
import { skills } from '@/db/schema';
import { createCandidate } from '@/lib/candidates/mutations';
import { getCandidate } from '@/lib/candidates/queries';
import type { Ctx } from '@/lib/context';
import { getQuestionAnalytics, type QuestionAnalyticsRow } from '@/lib/dashboard/question-analytics';
import { getOpeningGrid } from '@/lib/dashboard/queries';
import { separation } from '@/lib/dashboard/separation';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { scheduleInterview } from '@/lib/interviews/mutations';
import { createKit, publishKit, saveKitDraft, startKitDraft } from '@/lib/kits/mutations';
import { createOpening, updateOpening } from '@/lib/openings/mutations';
import { getOpening, getOpeningForEdit } from '@/lib/openings/queries';
import { createQuestion, updateQuestion } from '@/lib/questions/mutations';
import { searchQuestions } from '@/lib/questions/queries';
import { openScorecard, saveScorecard, submitScorecard } from '@/lib/scorecards/mutations';
import type { SkillRatingValue } from '@/lib/scorecards/schemas';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });

type QuestionKey = 'q1' | 'q2' | 'q3';
type Rating = 1 | 2 | 3 | 4;

let admin: Ctx;
let other: Ctx;
let A: string; // sql-databases
let B: string; // communication
const raters: Ctx[] = [];
const questionIds = {} as Record<QuestionKey, string>;
const titles = {} as Record<QuestionKey, string>;
/** Kit item titles → question, so a rating can be given "to Q1" whichever version the interview pinned. */
const keyByItemTitle = new Map<string, QuestionKey>();
let backendOpeningId: string;
let platformOpeningId: string;
let otherOpeningId: string;
const applicationOf: Record<string, string> = {};

const Q1_V1_TITLE = 'Speed up a slow report query';
const Q1_V2_TITLE = 'Find and fix a slow query with EXPLAIN';

async function publishKitVersion(ctx: Ctx, kitId: string, revision: number, name: string, weights: { skillId: string; weight: number }[], versionIds: string[]) {
  const saved = await saveKitDraft(ctx, {
    kitId, revision, name, roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 90, weights,
    sections: [{ title: 'Questions', items: versionIds.map((questionVersionId) => ({ questionVersionId, minutes: 15 })) }],
  });
  await publishKit(ctx, { kitId, revision: saved.revision });
}

async function interview(ctx: Ctx, openingId: string, name: string, panel: Ctx[]) {
  const { candidateId } = await createCandidate(ctx, { name, email: `${name.toLowerCase()}.${Math.random().toString(36).slice(2, 8)}@example.test`, openingId });
  const applicationId = (await getCandidate(ctx, candidateId)).applications[0]!.id;
  applicationOf[name] = applicationId;
  const stageId = (await getOpening(ctx, openingId)).stages[0]!.id;
  return (await scheduleInterview(ctx, { applicationId, openingStageId: stageId, scheduledAt: new Date().toISOString(), durationMinutes: 60, panelUserIds: panel.map((p) => p.userId) })).interviewId;
}

/** One panelist's scorecard: skill ratings, per-question ratings, optional notes without a rating; submitted unless `draft`. */
async function score(
  rater: Ctx,
  interviewId: string,
  ratings: Record<string, SkillRatingValue>,
  questions: Partial<Record<QuestionKey, Rating>>,
  options: { draft?: boolean; notes?: Partial<Record<QuestionKey, string>> } = {},
) {
  const { scorecard, kit } = await openScorecard(rater, { interviewId });
  const items = kit.sections.flatMap((s) => s.items);
  const itemId = (key: QuestionKey) => items.find((i) => keyByItemTitle.get(i.title) === key)!.id;
  const questionRatings = Object.fromEntries(Object.entries(questions).map(([key, r]) => [itemId(key as QuestionKey), r]));
  const notes = Object.fromEntries(Object.entries(options.notes ?? {}).map(([key, body]) => [itemId(key as QuestionKey), body]));
  const { revision } = await saveScorecard(rater, { scorecardId: scorecard.id, baseRevision: scorecard.revision, ratings, questionRatings, notes, recommendation: 'yes' });
  if (!options.draft) await submitScorecard(rater, { scorecardId: scorecard.id, baseRevision: revision });
}

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db, 'Question Analytics Co')).ctx;
  const bySlug = Object.fromEntries((await t.db.select().from(skills)).map((s) => [s.slug, s.id]));
  A = bySlug['sql-databases']!;
  B = bySlug['communication']!;

  // Q1 is our own question, edited between kit versions; Q2 and Q3 are built in.
  const content = {
    prompt: 'A reporting query takes 40 seconds. Walk me through how you would make it fast.',
    kind: 'technical', level: 'mid', expectedMinutes: 15, primarySkillId: A, secondarySkillIds: [],
    listenFor: ['Reads the plan before changing anything'], redFlags: ['Adds indexes at random'], followUps: [],
    rubric1: 'Guesses without measuring anything.', rubric2: 'Suggests an index but cannot say which.',
    rubric3: 'Reads the plan and picks a fitting index.', rubric4: 'Reads the plan, fixes it, and checks the write cost.',
  };
  const q1 = await createQuestion(admin, { ...content, title: Q1_V1_TITLE });
  const [q2, q3] = (await searchQuestions(admin, { skill: A, origin: 'builtin', pageSize: 2 })).rows;
  Object.assign(questionIds, { q1: q1.questionId, q2: q2!.id, q3: q3!.id });
  Object.assign(titles, { q1: Q1_V2_TITLE, q2: q2!.title, q3: q3!.title });
  keyByItemTitle.set(Q1_V1_TITLE, 'q1').set(Q1_V2_TITLE, 'q1').set(q2!.title, 'q2').set(q3!.title, 'q3');

  // Kit v1: Q1 (v1), Q2, Q3. Weights A 60, B 40, which the opening takes over.
  const { kitId } = await createKit(admin, { name: 'Backend kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 90 });
  const weights = [{ skillId: A, weight: 60 }, { skillId: B, weight: 40 }];
  await publishKitVersion(admin, kitId, 0, 'Backend kit', weights, [q1.versionId, q2!.versionId, q3!.versionId]);
  ({ openingId: backendOpeningId } = await createOpening(admin, { title: 'Backend opening', level: 'mid', stages: [{ name: 'Technical', kitId, durationMinutes: 60 }] }));
  for (let i = 0; i < 3; i++) raters.push((await addMember(t.db, admin.organizationId, 'interviewer')).ctx);
  const [r0, r1, r2] = raters as [Ctx, Ctx, Ctx];

  // Interviews on kit v1.
  const ana = await interview(admin, backendOpeningId, 'Ana', raters);
  await score(r0, ana, { [A]: 4, [B]: 4 }, { q1: 4, q2: 3 }, { notes: { q3: 'Talked about it, no rating given.' } });
  await score(r1, ana, { [A]: 4, [B]: 2 }, { q1: 3, q2: 3 });
  await score(r2, ana, { [A]: 1, [B]: 1 }, { q1: 1, q2: 1, q3: 1 }, { draft: true }); // a draft: must not count anywhere
  const ben = await interview(admin, backendOpeningId, 'Ben', raters);
  await score(r0, ben, { [A]: 2, [B]: 3 }, { q1: 2, q2: 3 });
  await score(r1, ben, { [A]: 2, [B]: 3 }, { q1: 1, q2: 3 });

  // Q1 is edited into version 2; kit v2 pins it and drops Q3.
  const q1v2 = await updateQuestion(admin, { ...content, questionId: q1.questionId, baseVersion: 1, title: Q1_V2_TITLE });
  expect(q1v2.version).toBe(2);
  await startKitDraft(admin, { kitId });
  await publishKitVersion(admin, kitId, 0, 'Backend kit', weights, [q1v2.versionId, q2!.versionId]);

  // Interviews on kit v2.
  const cy = await interview(admin, backendOpeningId, 'Cy', raters);
  await score(r0, cy, { [A]: 3, [B]: 3 }, { q1: 3, q2: 3 });
  await score(r1, cy, { [A]: 3, [B]: 3 }, { q1: 3 });
  const dee = await interview(admin, backendOpeningId, 'Dee', raters);
  await score(r0, dee, { [A]: 1, [B]: 'no_evidence' }, { q1: 1 });
  await score(r1, dee, { [A]: 1, [B]: 'no_evidence' }, { q1: 2 });
  const eve = await interview(admin, backendOpeningId, 'Eve', raters);
  await score(r0, eve, { [A]: 4, [B]: 4 }, { q1: 4, q2: 4 }, { draft: true }); // only a draft: not yet asked

  // A second opening whose kit holds only Q2 (weights A 100).
  const { kitId: platformKit } = await createKit(admin, { name: 'Platform kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 90 });
  await publishKitVersion(admin, platformKit, 0, 'Platform kit', [{ skillId: A, weight: 100 }], [q2!.versionId]);
  ({ openingId: platformOpeningId } = await createOpening(admin, { title: 'Platform opening', level: 'mid', stages: [{ name: 'Technical', kitId: platformKit, durationMinutes: 60 }] }));
  const fay = await interview(admin, platformOpeningId, 'Fay', [r0]);
  await score(r0, fay, { [A]: 3 }, { q2: 3 });

  // Another organization asks the same built-in Q2 and rates it 1: none of it may show up above.
  other = (await createOrgWithAdmin(t.db, 'Other Co')).ctx;
  const { kitId: otherKit } = await createKit(other, { name: 'Their kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 90 });
  await publishKitVersion(other, otherKit, 0, 'Their kit', [{ skillId: A, weight: 100 }], [q2!.versionId]);
  ({ openingId: otherOpeningId } = await createOpening(other, { title: 'Their opening', level: 'mid', stages: [{ name: 'Technical', kitId: otherKit, durationMinutes: 60 }] }));
  const theirRater = (await addMember(t.db, other.organizationId, 'interviewer')).ctx;
  const gus = await interview(other, otherOpeningId, 'Gus', [theirRater]);
  await score(theirRater, gus, { [A]: 2 }, { q2: 1 });
});

const byKey = (rows: QuestionAnalyticsRow[]) => Object.fromEntries(rows.map((r) => [r.questionId, r]));

// Composites (opening weights A 60, B 40; submitted skill ratings only; skills with evidence only):
//   Ana  A (4+4)/2 = 4, B (4+2)/2 = 3            → (60·4 + 40·3)/100 = 3.6   (r2's draft A1 B1 ignored)
//   Ben  A 2, B 3                                → (120 + 120)/100   = 2.4
//   Cy   A 3, B 3                                → 3.0
//   Dee  A 1, B no evidence                      → 60·1/60           = 1.0
//   Fay  (platform opening, A 100) A 3           → 3.0
describe('question analytics', () => {
  it('uses the dashboard composite', async () => {
    const grid = await getOpeningGrid(admin, backendOpeningId);
    const composite = Object.fromEntries(grid.candidates.map((c) => [c.name, c.composite]));
    expect(composite.Ana).toBeCloseTo(3.6, 12);
    expect(composite.Ben).toBeCloseTo(2.4, 12);
    expect(composite.Cy).toBeCloseTo(3, 12);
    expect(composite.Dee).toBeCloseTo(1, 12);
  });

  it('computes times asked, distribution, mean and r like the hand calculation', async () => {
    const { opening, questions } = await getQuestionAnalytics(admin, {});
    expect(opening).toBeNull();
    expect(questions).toHaveLength(3);
    const q = byKey(questions);

    // Q1, grouped across its two versions under the current title. Asked in Ana, Ben (kit v1),
    // Cy, Dee (kit v2) = 4 interviews; Eve's interview has only a draft. Submitted ratings:
    //   Ana 4, 3   Ben 2, 1   Cy 3, 3   Dee 1, 2      (r2's draft 1 on Ana and Eve's 4 ignored)
    //   distribution 1:2 2:2 3:3 4:1, n = 8, mean = 19/8 = 2.375
    // Pairs (rating x, composite y): (4,3.6) (3,3.6) (2,2.4) (1,2.4) (3,3) (3,3) (1,1) (2,1)
    //   x̄ = 2.375, ȳ = 20/8 = 2.5
    //   Σxy = 14.4 + 10.8 + 4.8 + 2.4 + 9 + 9 + 1 + 2 = 53.4 → Sxy = 53.4 − 8·2.375·2.5 = 5.9
    //   Σx² = 53 → Sxx = 53 − 8·2.375² = 7.875
    //   Σy² = 2·(12.96 + 5.76 + 9 + 1) = 57.44 → Syy = 57.44 − 8·2.5² = 7.44
    //   r = 5.9 / √(7.875 · 7.44) = 0.7708… → "strong" (≥ .40)
    const q1 = q[questionIds.q1]!;
    expect(q1.title).toBe(Q1_V2_TITLE);
    expect(q1).toMatchObject({ timesAsked: 4, ratings: 8, candidates: 4, distribution: { '1': 2, '2': 2, '3': 3, '4': 1 }, min: 1, max: 4, rN: 8, rCandidates: 4 });
    expect(q1.mean).toBeCloseTo(19 / 8, 12);
    expect(q1.r).toBeCloseTo(5.9 / Math.sqrt(7.875 * 7.44), 9);
    expect(q1.separation).toBe('strong');
    // Its 95% Fisher-z interval is over the 4 candidates, not the 8 ratings (a candidate's ratings
    // share one composite): r = 5.9/√58.59 = 5.9/7.654410 = .770797; z = atanh r =
    // ½ ln(1.770797/.229203) = ½ ln 7.7259 = 1.022290; SE = 1/√(4 − 3) = 1; z ± 1.959964 →
    // [−.937674, 2.982254]; tanh → [−.734152, .994877]. Four candidates: "strong", but it could be chance.
    expect(q1.rInterval!.low).toBeCloseTo(-0.734152, 5);
    expect(q1.rInterval!.high).toBeCloseTo(0.994877, 5);

    // Q2: asked in Ana, Ben, Cy, Dee and Fay = 5 interviews; ratings Ana 3, 3, Ben 3, 3, Cy 3,
    // Fay 3 = six 3s from four candidates (the drafts' 1 and 4 and the other org's 1 ignored).
    // Every rating equal: r is undefined (zero variance) and the question never separates.
    const q2 = q[questionIds.q2]!;
    expect(q2).toMatchObject({ title: titles.q2, timesAsked: 5, ratings: 6, candidates: 4, distribution: { '1': 0, '2': 0, '3': 6, '4': 0 }, mean: 3, r: null, rInterval: null });
    expect(q2.separation).toBe('never separates');

    // Q3: on kit v1 only, so asked in Ana and Ben = 2; a note without a rating is not a rating.
    const q3 = q[questionIds.q3]!;
    expect(q3).toMatchObject({ title: titles.q3, timesAsked: 2, ratings: 0, candidates: 0, distribution: { '1': 0, '2': 0, '3': 0, '4': 0 }, mean: null, r: null, rN: 0, rInterval: null });
    expect(q3.separation).toBe('not enough data');
  });

  it('filters by opening', async () => {
    // Backend opening only: Q2 loses Fay → asked 4, five 3s from three candidates: still flat.
    const backend = await getQuestionAnalytics(admin, { openingId: backendOpeningId });
    expect(backend.opening).toEqual({ id: backendOpeningId, title: 'Backend opening' });
    const q = byKey(backend.questions);
    expect(Object.keys(q).sort()).toEqual([questionIds.q1, questionIds.q2, questionIds.q3].sort());
    expect(q[questionIds.q1]).toMatchObject({ timesAsked: 4, ratings: 8 });
    expect(q[questionIds.q1]!.r).toBeCloseTo(5.9 / Math.sqrt(7.875 * 7.44), 9);
    expect(q[questionIds.q2]).toMatchObject({ timesAsked: 4, ratings: 5, candidates: 3, separation: 'never separates' });

    // Platform opening: Q2 alone, one rating → not enough data.
    const platform = await getQuestionAnalytics(admin, { openingId: platformOpeningId });
    expect(platform.questions).toHaveLength(1);
    expect(platform.questions[0]).toMatchObject({ questionId: questionIds.q2, timesAsked: 1, ratings: 1, candidates: 1, mean: 3, separation: 'not enough data' });
  });

  it('sorts by times asked, separation (weakest first) or title', async () => {
    const order = async (sort: string) => (await getQuestionAnalytics(admin, { sort })).questions.map((r) => r.questionId);
    expect(await order('asked')).toEqual([questionIds.q2, questionIds.q1, questionIds.q3]); // 5, 4, 2
    expect(await order('separation')).toEqual([questionIds.q2, questionIds.q1, questionIds.q3]); // never separates, strong, not enough data
    const byTitle = (Object.keys(titles) as QuestionKey[]).sort((a, b) => titles[a].localeCompare(titles[b])).map((k) => questionIds[k]);
    expect(await order('question')).toEqual(byTitle);
    expect(await order('bogus')).toEqual(await order('asked'));
  });

  it('keeps organizations apart', async () => {
    // The other organization sees only its own Q2: one interview, one rating of 1.
    const theirs = await getQuestionAnalytics(other, {});
    expect(theirs.questions).toHaveLength(1);
    expect(theirs.questions[0]).toMatchObject({ questionId: questionIds.q2, timesAsked: 1, ratings: 1, distribution: { '1': 1, '2': 0, '3': 0, '4': 0 } });
    // Another organization's opening is indistinguishable from a missing one.
    await expect(getQuestionAnalytics(admin, { openingId: otherOpeningId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getQuestionAnalytics(other, { openingId: backendOpeningId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getQuestionAnalytics(admin, { openingId: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(NotFoundError);
    const malformed = await getQuestionAnalytics(admin, { openingId: 'not-an-id' }).catch((e) => e);
    expect(malformed).toBeInstanceOf(ValidationError);
    expect(Object.keys(malformed.fieldErrors)).toEqual(['openingId']);
  });

  it('needs dashboard:read and scorecard:read_all (403)', async () => {
    // An interviewer holds neither; recruiters hold both since they coordinate the debrief.
    await expect(getQuestionAnalytics(raters[0]!, {})).rejects.toBeInstanceOf(ForbiddenError);
    const recruiter = (await addMember(t.db, admin.organizationId, 'recruiter')).ctx;
    expect((await getQuestionAnalytics(recruiter, {})).questions).toHaveLength(3);
    const manager = (await addMember(t.db, admin.organizationId, 'hiring_manager')).ctx;
    expect((await getQuestionAnalytics(manager, {})).questions).toHaveLength(3);
  });

  it('follows a change of the opening’s weights, and its running tallies equal a rebuild', async () => {
    const before = byKey((await getQuestionAnalytics(admin, { openingId: backendOpeningId })).questions)[questionIds.q1]!;
    const edit = await getOpeningForEdit(admin, backendOpeningId);
    const weights = edit.weights.map((w) => ({ skillId: w.skillId, weight: w.skillId === A ? 10 : 90 })); // B now dominates
    await updateOpening(admin, {
      openingId: edit.id, revision: edit.revision, title: edit.title, level: edit.level, status: edit.status, description: edit.description,
      hiringManagerUserId: edit.hiringManagerUserId ?? '', stages: edit.stages.map((s) => ({ id: s.id, name: s.name, kitId: s.kitId!, durationMinutes: s.durationMinutes })), weights,
    });
    const running = await getQuestionAnalytics(admin, {});
    const after = byKey(running.questions)[questionIds.q1]!;
    expect(after.r).not.toBeCloseTo(before.r!, 6); // the composites moved, so did r
    expect(after).toMatchObject({ timesAsked: before.timesAsked, ratings: before.ratings, distribution: before.distribution });
    await rebuildScoreAnalytics(t.db, admin.organizationId);
    const rebuilt = await getQuestionAnalytics(admin, {});
    expect(rebuilt.questions.map((q) => q.questionId)).toEqual(running.questions.map((q) => q.questionId));
    rebuilt.questions.forEach((q, i) => {
      const r = running.questions[i]!;
      expect({ ...r, r: null, mean: null }).toEqual({ ...q, r: null, mean: null });
      expect(r.r ?? 0).toBeCloseTo(q.r ?? 0, 9);
      expect(r.mean ?? 0).toBeCloseTo(q.mean ?? 0, 9);
    });
  });
});

describe('separation reading', () => {
  const enough = { ratings: 12, candidates: 6, min: 1, max: 4, rN: 12, rCandidates: 6 };
  it('bands r and says when there is not enough data', () => {
    expect(separation({ ...enough, r: 0.55 })).toBe('strong');
    expect(separation({ ...enough, r: 0.4 })).toBe('strong');
    expect(separation({ ...enough, r: 0.25 })).toBe('moderate');
    expect(separation({ ...enough, r: 0.1 })).toBe('weak');
    expect(separation({ ...enough, r: -0.19 })).toBe('weak');
    expect(separation({ ...enough, r: -0.3 })).toBe('reversed');
    expect(separation({ ...enough, r: null })).toBe('not enough data'); // e.g. every composite equal
    expect(separation({ ...enough, r: 0.9, rN: 4 })).toBe('not enough data');
    expect(separation({ ...enough, r: 0.9, rCandidates: 2 })).toBe('not enough data');
    expect(separation({ ...enough, ratings: 2, r: 0.9 })).toBe('not enough data');
  });

  it('flags a flat question once it has three ratings of two candidates', () => {
    expect(separation({ ...enough, min: 3, max: 3, r: null })).toBe('never separates');
    expect(separation({ ...enough, ratings: 3, candidates: 2, min: 2, max: 2, r: null, rN: 3, rCandidates: 2 })).toBe('never separates');
    expect(separation({ ...enough, ratings: 2, candidates: 2, min: 2, max: 2, r: null })).toBe('not enough data');
    expect(separation({ ...enough, ratings: 3, candidates: 1, min: 2, max: 2, r: null })).toBe('not enough data');
  });
});
