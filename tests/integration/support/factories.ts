// Factories for every domain object a test needs, with sensible defaults, overrides and random
// suffixes (files that share one database never collide). Each says how it builds its data:
// - through the domain functions in lib/ (kits, openings, candidates, interviews, scorecards,
//   skills, questions), so tallies, audit events and validation are as in production;
// - by direct insert where the domain path is not what any caller tests and would only cost
//   time: users (an argon2 hash per user; the password is hashed once per process and shared)
//   and memberships (invitations are tested in organizations.test.ts).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { applications, memberships, skills, users } from '@/db/schema';
import { createUserWithPassword, signUp } from '@/lib/auth/accounts';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/permissions';
import { createAuthSession } from '@/lib/auth/sessions';
import { loadAccount } from '@/lib/auth/token-session';
import { createCandidate } from '@/lib/candidates/mutations';
import { getCandidate } from '@/lib/candidates/queries';
import type { Ctx } from '@/lib/context';
import { recordDecision } from '@/lib/decisions/mutations';
import { scheduleInterview } from '@/lib/interviews/mutations';
import type { PanelRoleValue } from '@/lib/interviews/schemas';
import { setKitQualification } from '@/lib/kits/qualifications';
import { createKit, publishKit, saveKitDraft } from '@/lib/kits/mutations';
import { insertOrganizationWithAdmin } from '@/lib/orgs/founding';
import { createOpening, updateOpening } from '@/lib/openings/mutations';
import { recordOutcome } from '@/lib/outcomes/mutations';
import { getOpening } from '@/lib/openings/queries';
import type { BlindReviewMode } from '@/lib/openings/schemas';
import { createQuestion } from '@/lib/questions/mutations';
import { searchQuestions } from '@/lib/questions/queries';
import type { Level, QuestionContentInput } from '@/lib/questions/schemas';
import { openScorecard, saveScorecard, submitScorecard } from '@/lib/scorecards/mutations';
import type { SkillRatingValue } from '@/lib/scorecards/schemas';
import { createSkill, createSkillCategory } from '@/lib/skills/mutations';
import { createSample } from '@/lib/training/mutations';

export const PASSWORD = 'correct horse battery';

const suffix = () => randomBytes(3).toString('hex');

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${randomBytes(4).toString('hex')}@example.test`;
}

// ---------------------------------------------------------------------------------------------
// People and organizations

export interface TestMember {
  ctx: Ctx;
  user: { id: string; name: string | null; email: string };
  email: string;
}

let passwordHash: Promise<string> | undefined;

/** A verified user who can sign in with PASSWORD (direct insert; see the module comment). */
export async function makeUser(db: Database, overrides: { name?: string; email?: string; verified?: boolean } = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  const [user] = await db
    .insert(users)
    .values({
      name: overrides.name ?? `Person ${suffix()}`,
      email: overrides.email ?? uniqueEmail(),
      passwordHash: await passwordHash,
      emailVerified: overrides.verified === false ? null : new Date(),
    })
    .returning();
  return user!;
}

/** A new member of an organization with a role (user and membership inserted directly). */
export async function makeMember(db: Database, organizationId: string, role: Role, overrides: { name?: string; email?: string } = {}): Promise<TestMember> {
  const user = await makeUser(db, { name: overrides.name ?? `${role} ${suffix()}`, email: overrides.email ?? uniqueEmail(role) });
  await db.insert(memberships).values({ organizationId, userId: user.id, role });
  return { ctx: { db, userId: user.id, organizationId, role }, user: { id: user.id, name: user.name, email: user.email }, email: user.email };
}

export interface TestOrganization {
  organizationId: string;
  name: string;
  admin: TestMember;
  recruiter: TestMember;
  hiringManager: TestMember;
  interviewer: TestMember;
}

/**
 * An organization with one member of each role. The organization and its admin are founded by
 * the domain's own insertOrganizationWithAdmin (slug, admin membership, audit event).
 */
export async function makeOrganization(db: Database, overrides: { name?: string } = {}): Promise<TestOrganization> {
  const admin = await makeUser(db, { name: `Admin ${suffix()}`, email: uniqueEmail('admin') });
  const org = await insertOrganizationWithAdmin(db, { name: overrides.name ?? `Org ${suffix()}`, adminUserId: admin.id });
  const [recruiter, hiringManager, interviewer] = await Promise.all([
    makeMember(db, org.id, 'recruiter'),
    makeMember(db, org.id, 'hiring_manager'),
    makeMember(db, org.id, 'interviewer'),
  ]);
  return {
    organizationId: org.id,
    name: org.name,
    admin: { ctx: { db, userId: admin.id, organizationId: org.id, role: 'admin' }, user: { id: admin.id, name: admin.name, email: admin.email }, email: admin.email },
    recruiter: recruiter!,
    hiringManager: hiringManager!,
    interviewer: interviewer!,
  };
}

/** A new organization with its admin, through sign-up (queues the verification mail); returns the admin's ctx. */
export async function createOrgWithAdmin(db: Database, name = `Org ${randomBytes(3).toString('hex')}`) {
  const email = uniqueEmail('admin');
  const { user, organizationId } = await signUp({ db }, { name: 'Ada Admin', email, password: PASSWORD, organizationName: name });
  await markVerified(db, user.id);
  const ctx: Ctx = { db, userId: user.id, organizationId, role: 'admin' };
  return { ctx, user, organizationId, email };
}

/** Adds a new user to an organization with a role, through the account path; returns their ctx. */
export async function addMember(db: Database, organizationId: string, role: Role) {
  const email = uniqueEmail(role);
  const user = await createUserWithPassword(db, { name: `${role} person`, email, password: PASSWORD });
  await markVerified(db, user.id);
  const [membership] = await db.insert(memberships).values({ organizationId, userId: user.id, role }).returning();
  const ctx: Ctx = { db, userId: user.id, organizationId, role };
  return { ctx, user, membership: membership!, email };
}

/** Factories' people have confirmed their address, like the demo users (see lib/auth/verification.ts). */
export async function markVerified(db: Database, userId: string): Promise<void> {
  await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, userId));
}

/** The organizations a user's session lists (the switcher's), read as a request reads them: through a live session. */
export async function sessionOrganizations(db: Database, userId: string) {
  const [user] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  const session = await createAuthSession(db, { userId });
  const loaded = await loadAccount(db, { uid: userId, sv: user!.sessionVersion, sid: session.id });
  if (!loaded) throw new Error('a fresh session did not load');
  return loaded.organizations;
}

// ---------------------------------------------------------------------------------------------
// Question bank (domain functions; no built-in content needed)

/** An organization's own skill, in a category of its own unless one is given. */
export async function makeSkill(admin: Ctx, overrides: { name?: string; categoryId?: string } = {}) {
  const categoryId = overrides.categoryId ?? (await createSkillCategory(admin, { name: `Category ${suffix()}`, description: 'Made by a test factory.' })).id;
  return createSkill(admin, { categoryId, name: overrides.name ?? `Skill ${suffix()}`, description: 'Made by a test factory.' });
}

/** A question on a skill with a full anchored rubric; returns its id and first version's id. */
export async function makeQuestion(admin: Ctx, overrides: Partial<QuestionContentInput> & { primarySkillId: string }) {
  const content: QuestionContentInput = {
    title: `Question ${suffix()}`,
    prompt: 'Explain how you would design this part of the system.',
    kind: 'technical',
    level: 'mid',
    expectedMinutes: 15,
    listenFor: ['names the trade-offs'],
    redFlags: ['cannot explain the basics'],
    followUps: [],
    rubric1: 'Cannot describe the problem at all.',
    rubric2: 'Describes the problem but not a solution.',
    rubric3: 'A workable solution with its main trade-offs.',
    rubric4: 'A complete solution, trade-offs and failure modes.',
    ...overrides,
  };
  return createQuestion(admin, content);
}

/**
 * A calibration sample (an answer with a reference rating) on a question, written by a member with
 * training:manage through the domain function; a new question on a new skill unless one is given.
 */
export async function makeCalibrationSample(author: Ctx, input: { questionId?: string; referenceRating: 1 | 2 | 3 | 4; answer?: string; referenceRationale?: string }) {
  const questionId = input.questionId ?? (await makeQuestion(author, { primarySkillId: (await makeSkill(author)).id })).questionId;
  const sample = await createSample(author, {
    questionId,
    answer: input.answer ?? `A sample answer written for training, ${suffix()}: it names the trade-offs and one failure mode.`,
    referenceRating: input.referenceRating,
    referenceRationale: input.referenceRationale ?? `Reference ${input.referenceRating}: matches that anchor of the rubric.`,
  });
  return { ...sample, questionId };
}

// ---------------------------------------------------------------------------------------------
// Kits, openings, candidates, interviews, scorecards (domain functions)

export interface TestKit {
  kitId: string;
  versionId: string;
  /** The kit's weighted skills, in the order given. */
  skillIds: string[];
  /** The question version asked for each skill, in the same order. */
  questionVersionIds: string[];
}

/**
 * A published kit. By default it weighs two new skills 60/40 and asks one new question on each;
 * give `weights` to weigh existing skills (a new question is made for each unless
 * `questionVersionIds` names the ones to ask).
 */
export async function makeKit(
  admin: Ctx,
  overrides: { name?: string; level?: Level; weights?: { skillId: string; weight: number }[]; questionVersionIds?: string[]; minutesPerQuestion?: number } = {},
): Promise<TestKit> {
  const weights = overrides.weights ?? [
    { skillId: (await makeSkill(admin)).id, weight: 60 },
    { skillId: (await makeSkill(admin)).id, weight: 40 },
  ];
  const questionVersionIds = overrides.questionVersionIds ?? [];
  if (!overrides.questionVersionIds) {
    for (const w of weights) questionVersionIds.push((await makeQuestion(admin, { primarySkillId: w.skillId, level: overrides.level ?? 'mid' })).versionId);
  }
  const meta = { name: overrides.name ?? `Kit ${suffix()}`, roleTitle: 'Backend Engineer', level: overrides.level ?? 'mid', targetMinutes: 60 } as const;
  const { kitId } = await createKit(admin, meta);
  const minutes = overrides.minutesPerQuestion ?? 15;
  await saveKitDraft(admin, { kitId, revision: 0, ...meta, weights, sections: [{ title: 'Questions', items: questionVersionIds.map((questionVersionId) => ({ questionVersionId, minutes })) }] });
  const { versionId } = await publishKit(admin, { kitId, revision: 1 });
  return { kitId, versionId, skillIds: weights.map((w) => w.skillId), questionVersionIds };
}

/** Marks a member qualified to interview with a kit (an admin's ctx: kit:qualify). */
export async function qualifyForKit(admin: Ctx, kitId: string, userId: string) {
  await setKitQualification(admin, { kitId, userId, qualified: true });
}

export interface TestOpening {
  openingId: string;
  /** Stage ids in loop order. */
  stageIds: string[];
}

/**
 * An opening whose loop uses `kitId` in each stage (default: one stage, 'Technical'). Its skill
 * weights come from the kit as createOpening derives them, unless `weights` replaces them.
 */
export async function makeOpening(
  admin: Ctx,
  input: { kitId: string; title?: string; level?: Level; stages?: string[]; weights?: { skillId: string; weight: number }[]; hiringManagerUserId?: string; blindReview?: BlindReviewMode },
): Promise<TestOpening> {
  const title = input.title ?? `Opening ${suffix()}`;
  const level = input.level ?? 'mid';
  const stages = (input.stages ?? ['Technical']).map((name) => ({ name, kitId: input.kitId, durationMinutes: 60 }));
  const { openingId } = await createOpening(admin, { title, level, stages, hiringManagerUserId: input.hiringManagerUserId, blindReview: input.blindReview });
  let opening = await getOpening(admin, openingId);
  if (input.weights) {
    await updateOpening(admin, {
      openingId,
      revision: opening.opening.revision,
      title,
      level,
      hiringManagerUserId: input.hiringManagerUserId,
      status: 'open',
      stages: opening.stages.map((s) => ({ id: s.id, name: s.name, kitId: s.kitId, durationMinutes: s.durationMinutes })),
      weights: input.weights,
    });
    opening = await getOpening(admin, openingId);
  }
  return { openingId, stageIds: opening.stages.map((s) => s.id) };
}

/** Switches an opening's blind review through the opening edit (audited, on a new revision), keeping everything else. */
export async function setBlindReview(admin: Ctx, openingId: string, blindReview: BlindReviewMode) {
  const { opening, stages } = await getOpening(admin, openingId);
  return updateOpening(admin, {
    openingId,
    revision: opening.revision,
    title: opening.title,
    level: opening.level,
    description: opening.description,
    hiringManagerUserId: opening.hiringManagerUserId ?? undefined,
    status: opening.status,
    blindReview,
    stages: stages.map((s) => ({ id: s.id, name: s.name, kitId: s.kitId, durationMinutes: s.durationMinutes })),
  });
}

/** A candidate applied to the opening; returns the candidate and application ids. */
export async function makeApplicant(admin: Ctx, input: { openingId: string; name?: string; email?: string }) {
  const name = input.name ?? `Candidate ${suffix()}`;
  const { candidateId } = await createCandidate(admin, { name, email: input.email ?? uniqueEmail('candidate'), openingId: input.openingId });
  const applicationId = (await getCandidate(admin, candidateId)).applications[0]!.id;
  return { candidateId, applicationId, name };
}

/**
 * An interview for an application in a stage, with a panel, starting `startsInMs` from now
 * (default: started ten minutes ago, so scorecards can be submitted; positive: in the future).
 */
export async function makeInterview(
  admin: Ctx,
  input: { applicationId: string; stageId: string; panel: Pick<Ctx, 'userId'>[]; startsInMs?: number; durationMinutes?: number; roles?: Record<string, PanelRoleValue> },
) {
  const { interviewId } = await scheduleInterview(admin, {
    applicationId: input.applicationId,
    openingStageId: input.stageId,
    scheduledAt: new Date(Date.now() + (input.startsInMs ?? -10 * 60_000)).toISOString(),
    durationMinutes: input.durationMinutes ?? 60,
    panelUserIds: input.panel.map((p) => p.userId),
    panelRoles: input.roles,
  });
  return interviewId;
}

export type Recommendation = 'strong_no' | 'no' | 'yes' | 'strong_yes';

/**
 * Per-question ratings: keyed by kit item id, or in the kit's item order (makeKit asks
 * TestKit.questionVersionIds in that order), where null skips a question.
 */
type QuestionRatings = Record<string, 1 | 2 | 3 | 4 | null> | (1 | 2 | 3 | 4 | null)[];

/** A draft scorecard with the given ratings (and, unless null, a recommendation), not submitted. */
export async function makeDraftScorecard(
  rater: Ctx,
  input: { interviewId: string; ratings?: Record<string, SkillRatingValue>; recommendation?: Recommendation | null; summary?: string; questionRatings?: QuestionRatings },
) {
  const { scorecard, kit } = await openScorecard(rater, { interviewId: input.interviewId });
  const items = kit.sections.flatMap((s) => s.items);
  const questionRatings = Array.isArray(input.questionRatings)
    ? Object.fromEntries(input.questionRatings.flatMap((r, i) => (r === null ? [] : [[items[i]!.id, r]])))
    : input.questionRatings;
  const { revision } = await saveScorecard(rater, {
    scorecardId: scorecard.id,
    baseRevision: scorecard.revision,
    ratings: input.ratings ?? {},
    ...(questionRatings ? { questionRatings } : {}),
    ...(input.recommendation === null ? {} : { recommendation: input.recommendation ?? 'yes' }),
    summary: input.summary ?? 'Fixture summary.',
  });
  return { scorecardId: scorecard.id, revision };
}

/** A submitted scorecard rating every given skill (the interview must have started). */
export async function makeSubmittedScorecard(
  rater: Ctx,
  input: { interviewId: string; ratings: Record<string, SkillRatingValue>; recommendation?: Recommendation; summary?: string; questionRatings?: QuestionRatings },
) {
  const { scorecardId, revision } = await makeDraftScorecard(rater, input);
  await submitScorecard(rater, { scorecardId, baseRevision: revision });
  return scorecardId;
}

/**
 * A hired application: an applicant, one interview whose panel is `rater`, who submits `ratings`
 * (and per-question `questionRatings`, keyed by kit item), any `drafts`' panelists and any
 * `shadows` (trainees in a shadow or reverse-shadow seat, who submit), then a "hire" decision by `admin`.
 * The one direct write: the hire time (closed_at) is moved `hiredDaysAgo` days back, because no
 * domain path records a hire in the past and outcome checkpoints count from it.
 */
export async function makeHire(
  db: Database,
  admin: Ctx,
  input: {
    openingId: string;
    stageId: string;
    rater: Ctx;
    ratings: Record<string, SkillRatingValue>;
    questionRatings?: Record<string, 1 | 2 | 3 | 4 | null>;
    hiredDaysAgo?: number;
    /** Other panelists of the same interview who leave their card a draft. */
    drafts?: { rater: Ctx; ratings: Record<string, SkillRatingValue>; questionRatings?: Record<string, 1 | 2 | 3 | 4 | null> }[];
    /** Panelists in training on the same interview, who submit a card that never counts. */
    shadows?: { rater: Ctx; role: Exclude<PanelRoleValue, 'interviewer'>; ratings: Record<string, SkillRatingValue>; questionRatings?: Record<string, 1 | 2 | 3 | 4 | null> }[];
  },
) {
  const { candidateId, applicationId } = await makeApplicant(admin, { openingId: input.openingId });
  const drafts = input.drafts ?? [];
  const shadows = input.shadows ?? [];
  const interviewId = await makeInterview(admin, {
    applicationId,
    stageId: input.stageId,
    panel: [input.rater, ...drafts.map((d) => d.rater), ...shadows.map((s) => s.rater)],
    roles: Object.fromEntries(shadows.map((s) => [s.rater.userId, s.role])),
  });
  await makeSubmittedScorecard(input.rater, { interviewId, ratings: input.ratings, questionRatings: input.questionRatings });
  for (const d of drafts) await makeDraftScorecard(d.rater, { interviewId, ratings: d.ratings, questionRatings: d.questionRatings });
  for (const s of shadows) await makeSubmittedScorecard(s.rater, { interviewId, ratings: s.ratings, questionRatings: s.questionRatings });
  await recordDecision(admin, { applicationId, outcome: 'hire', rationale: 'Strong evidence across the loop; fixture hire.' });
  const hiredAt = new Date(Date.now() - (input.hiredDaysAgo ?? 100) * 24 * 60 * 60 * 1000);
  await db.update(applications).set({ closedAt: hiredAt }).where(eq(applications.id, applicationId));
  return { candidateId, applicationId, interviewId, hiredAt };
}

/** A post-hire outcome recorded through the domain function (first recording: revision 0 expected). */
export function makeOutcome(
  manager: Ctx,
  input: { applicationId: string; checkpoint?: '90_days' | '12_months'; overallRating: number; stillEmployed?: boolean; skillRatings?: Record<string, number> },
) {
  return recordOutcome(manager, {
    applicationId: input.applicationId,
    checkpoint: input.checkpoint ?? '90_days',
    overallRating: input.overallRating,
    stillEmployed: input.stillEmployed ?? true,
    skillRatings: input.skillRatings ?? {},
    expectedRevision: 0,
  });
}

export interface TestInterviewLoop extends TestOrganization {
  kit: TestKit;
  opening: TestOpening;
  candidateId: string;
  candidateName: string;
  applicationId: string;
  interviewId: string;
  /** The interview's panel: the organization's interviewer first, then `extraPanelists` new interviewers. */
  panel: TestMember[];
}

/**
 * The whole loop in one call: an organization with a member of each role, a published kit on
 * `skillCount` (default 2) new skills with a question each, an opening using it, a candidate
 * applied, and an interview under way whose panel is the organization's interviewer plus
 * `extraPanelists` more.
 */
export async function makeInterviewLoop(db: Database, options: { extraPanelists?: number; startsInMs?: number; skillCount?: number } = {}): Promise<TestInterviewLoop> {
  const org = await makeOrganization(db);
  const skillCount = options.skillCount ?? 2;
  const weights = [];
  for (let i = 0; i < skillCount; i++) weights.push({ skillId: (await makeSkill(org.admin.ctx)).id, weight: i === 0 ? 100 - 10 * (skillCount - 1) : 10 });
  const kit = await makeKit(org.admin.ctx, { weights });
  const opening = await makeOpening(org.admin.ctx, { kitId: kit.kitId, hiringManagerUserId: org.hiringManager.user.id });
  const { candidateId, applicationId, name: candidateName } = await makeApplicant(org.recruiter.ctx, { openingId: opening.openingId });
  const panel = [org.interviewer];
  for (let i = 0; i < (options.extraPanelists ?? 0); i++) panel.push(await makeMember(db, org.organizationId, 'interviewer'));
  const interviewId = await makeInterview(org.recruiter.ctx, { applicationId, stageId: opening.stageIds[0]!, panel: panel.map((p) => p.ctx), startsInMs: options.startsInMs });
  return { ...org, kit, opening, candidateId, candidateName, applicationId, interviewId, panel };
}

// ---------------------------------------------------------------------------------------------
// Earlier helpers, kept for the files that use them (they need the built-in content seeded).

/** Built-in skill ids by slug (needs a database seeded with the built-in content). */
export async function skillIdsBySlug(db: Database): Promise<Record<string, string>> {
  return Object.fromEntries((await db.select().from(skills)).map((s) => [s.slug, s.id]));
}

/** A published kit weighing the given skills, with one built-in question on the first. */
export async function createPublishedKit(admin: Ctx, weights: { skillId: string; weight: number }[]) {
  const question = (await searchQuestions(admin, { skill: weights[0]!.skillId, pageSize: 1 })).rows[0]!;
  return (await makeKit(admin, { weights, questionVersionIds: [question.versionId], minutesPerQuestion: 20 })).kitId;
}

/** An opening whose loop uses the kit in each named stage; returns its id and stage ids in order. */
export function createOpeningWithStages(admin: Ctx, kitId: string, stageNames: string[]) {
  return makeOpening(admin, { kitId, stages: stageNames });
}

/** A candidate applied to the opening; returns the candidate and application ids. */
export async function createApplicant(admin: Ctx, openingId: string, name = `Candidate ${suffix()}`) {
  const { candidateId, applicationId } = await makeApplicant(admin, { openingId, name });
  return { candidateId, applicationId };
}

/** An interview starting `startsInMs` from now (negative: already under way). */
export function createInterview(admin: Ctx, input: { applicationId: string; stageId: string; panel: Ctx[]; startsInMs: number }) {
  return makeInterview(admin, input);
}

/** A draft with every given rating and a recommendation, not submitted. */
export function fillScorecard(rater: Ctx, interviewId: string, ratings: Record<string, SkillRatingValue>, recommendation: Recommendation = 'yes') {
  return makeDraftScorecard(rater, { interviewId, ratings, recommendation });
}

/** A submitted scorecard (the interview must have started). */
export function submitFilledScorecard(rater: Ctx, interviewId: string, ratings: Record<string, SkillRatingValue>, recommendation: Recommendation = 'yes') {
  return makeSubmittedScorecard(rater, { interviewId, ratings, recommendation });
}
