// Adverse-impact monitoring (issue 14, part 3): the self-identification link flow, the report's
// figures against hand-computed fixtures, the suppression rule, "prefer not to say" outside every
// group, the eeo:read boundary on every read path, erasure and subject access, and an audit trail
// without answers. The 200-applicant fixtures are inserted in bulk (applicants at given statuses
// and stages with answers): going through createCandidate and the link flow 200 times would test
// nothing more and cost a minute; the link flow itself has its own tests below.
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { applications, applicationSkillTallies, auditEvents, candidates, selfIdentificationLinks, selfIdentifications } from '@/db/schema';
import { getCandidateDataExport } from '@/lib/candidates/data-export';
import { eraseCandidate } from '@/lib/candidates/erasure';
import { getCandidateProfile } from '@/lib/candidates/queries';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { getAdverseImpactReport, listAdverseImpactOpenings, type DimensionComparison } from '@/lib/fairness/report';
import { getSelfIdentificationLinkStatus, previewSelfIdentification, sendSelfIdentificationLink, submitSelfIdentification } from '@/lib/fairness/self-identification';
import { setupTestDatabase } from './support/database';
import { makeApplicant, makeKit, makeOpening, makeOrganization, type TestOrganization } from './support/factories';
import { latestMail, tokenFromMail } from './support/mail';

const t = setupTestDatabase({ isolation: 'transaction' });

let org: TestOrganization;
let outsider: TestOrganization;
let openingId: string;
let stageIds: string[];
let skillId: string;

type Status = 'active' | 'hired' | 'rejected' | 'withdrawn';
let serial = 0;

/** `count` applicants to the opening with a status, a current loop stage and self-identification answers (null: never answered). */
async function addApplicants(db: Database, count: number, input: { status: Status; stage?: number; answers: Record<string, string> | null; ratings?: number[] }) {
  if (!count) return [];
  const people = await db
    .insert(candidates)
    .values(Array.from({ length: count }, () => ({ organizationId: org.organizationId, name: `Fixture ${++serial}`, email: `fixture-${serial}-${org.organizationId.slice(0, 8)}@example.test` })))
    .returning({ id: candidates.id });
  const apps = await db
    .insert(applications)
    .values(people.map((p) => ({ organizationId: org.organizationId, candidateId: p.id, openingId, stage: input.status, currentStageId: input.stage === undefined ? null : stageIds[input.stage]! })))
    .returning({ id: applications.id });
  if (input.answers) await db.insert(selfIdentifications).values(people.map((p) => ({ organizationId: org.organizationId, candidateId: p.id, answers: input.answers! })));
  if (input.ratings) {
    // One skill rated once: the composite is that rating.
    await db.insert(applicationSkillTallies).values(
      apps.map((a, i) => {
        const r = input.ratings![i]!;
        return { organizationId: org.organizationId, openingId, applicationId: a.id, skillId, n1: +(r === 1), n2: +(r === 2), n3: +(r === 3), n4: +(r === 4) };
      }),
    );
  }
  return people.map((p) => p.id);
}

const answers = (gender: string, rest: Partial<Record<'race_ethnicity' | 'veteran' | 'disability', string>> = {}) => ({
  gender,
  race_ethnicity: rest.race_ethnicity ?? 'prefer_not_to_say',
  veteran: rest.veteran ?? 'prefer_not_to_say',
  disability: rest.disability ?? 'prefer_not_to_say',
});

function group(d: DimensionComparison | undefined, key: string) {
  const g = d?.groups.find((x) => x.group === key);
  if (!g) throw new Error(`no group ${key}`);
  return g;
}

beforeEach(async () => {
  org = await makeOrganization(t.db);
  outsider = await makeOrganization(t.db);
  const kit = await makeKit(org.admin.ctx);
  skillId = kit.skillIds[0]!;
  ({ openingId, stageIds } = await makeOpening(org.admin.ctx, { kitId: kit.kitId, stages: ['Screen', 'Onsite'] }));
});

describe('selection rates by group', () => {
  it('48 of 120 women hired against 20 of 80 men: ratio 0.625, flagged, Fisher’s p 0.0332; groups under 5 suppressed; prefer-not-to-say in no group', async () => {
    // Women: 48 hired, 72 rejected at the Onsite stage. Men: 20 hired, 60 rejected at the Screen.
    await addApplicants(t.db, 48, { status: 'hired', stage: 1, answers: answers('female') });
    await addApplicants(t.db, 72, { status: 'rejected', stage: 1, answers: answers('female') });
    await addApplicants(t.db, 20, { status: 'hired', stage: 1, answers: answers('male') });
    await addApplicants(t.db, 60, { status: 'rejected', stage: 0, answers: answers('male') });
    // Four non-binary applicants (suppressed), 10 who preferred not to say, 6 who never answered.
    await addApplicants(t.db, 4, { status: 'hired', stage: 1, answers: answers('non_binary') });
    await addApplicants(t.db, 10, { status: 'rejected', stage: 0, answers: answers('prefer_not_to_say') });
    await addApplicants(t.db, 6, { status: 'hired', answers: null });
    // Still in progress at the Screen, and a withdrawal: in no step's pool at the Screen.
    await addApplicants(t.db, 7, { status: 'active', stage: 0, answers: answers('male') });
    await addApplicants(t.db, 3, { status: 'withdrawn', stage: 0, answers: answers('female') });

    const report = await getAdverseImpactReport(org.admin.ctx, { openingId });
    expect(report.applications).toBe(230);
    expect(report.steps.map((s) => `${s.from} → ${s.to}`)).toEqual(['Applied → Screen', 'Screen → Onsite', 'Onsite → Hired', 'Applied → Hired']);

    const overall = report.steps.find((s) => s.key === 'overall')!;
    expect(overall.decided).toBe(48 + 72 + 20 + 60 + 4 + 10 + 6);
    expect(overall.pending).toBe(7);
    const gender = overall.dimensions.find((d) => d.question === 'gender');
    expect(group(gender, 'female')).toMatchObject({ suppressed: false, pool: 120, selected: 48, rate: 0.4, reference: true, impactRatio: null, fisherP: null });
    const men = group(gender, 'male');
    expect(men).toMatchObject({ suppressed: false, pool: 80, selected: 20, rate: 0.25, reference: false, flagged: true });
    if (men.suppressed) throw new Error('unexpected');
    expect(men.impactRatio).toBeCloseTo(0.625, 12);
    expect(men.fisherP).toBeCloseTo(0.0331607409, 9);
    // Suppressed: no counts at all, only the label.
    expect(group(gender, 'non_binary')).toEqual({ group: 'non_binary', suppressed: true, label: 'Non-binary' });
    expect(gender!.withoutGroup).toBe(16);
    // Nobody answered race: every group is empty, hence suppressed, and everyone is without a group.
    const race = overall.dimensions.find((d) => d.question === 'race_ethnicity')!;
    expect(race.groups.every((g) => g.suppressed)).toBe(true);
    expect(race.withoutGroup).toBe(overall.decided);

    // Applied → Screen: everyone here reached the Screen — the hires, the rejections at the Screen
    // and at the Onsite, the men still in progress at the Screen and the women who withdrew there.
    const screen = report.steps.find((s) => s.from === 'Applied')!;
    expect(screen.pending).toBe(0);
    expect(group(screen.dimensions[0], 'female')).toMatchObject({ pool: 123, selected: 123 });
    expect(group(screen.dimensions[0], 'male')).toMatchObject({ pool: 87, selected: 87 });
    // Screen → Onsite: the active men are pending, the withdrawn women out; the men rejected at the Screen are not selected.
    const onsite = report.steps.find((s) => s.from === 'Screen')!;
    expect(onsite.pending).toBe(7);
    expect(group(onsite.dimensions[0], 'male')).toMatchObject({ pool: 80, selected: 20, rate: 0.25 });
    expect(group(onsite.dimensions[0], 'female')).toMatchObject({ pool: 120, selected: 120, rate: 1 });
    // Onsite → Hired: the women rejected at the Onsite count; the men who reached it were all hired.
    const hired = report.steps.find((s) => s.from === 'Onsite')!;
    expect(group(hired.dimensions[0], 'female')).toMatchObject({ pool: 120, selected: 48 });
    expect(group(hired.dimensions[0], 'male')).toMatchObject({ pool: 20, selected: 20, reference: true });
  });

  it('counts the loop stage an application was moved to as reached: rejected there, it was selected at every earlier step', async () => {
    // Five rejected at the Onsite passed the Screen; five rejected before any stage did not.
    await addApplicants(t.db, 5, { status: 'rejected', stage: 1, answers: answers('female') });
    await addApplicants(t.db, 5, { status: 'rejected', answers: answers('male') });
    const report = await getAdverseImpactReport(org.admin.ctx, { openingId });
    const screen = report.steps[0]!;
    expect(group(screen.dimensions[0], 'female')).toMatchObject({ pool: 5, selected: 5, reference: true });
    expect(group(screen.dimensions[0], 'male')).toMatchObject({ pool: 5, selected: 0, impactRatio: 0, flagged: true });
  });
});

describe('score-level comparison', () => {
  it('splits at the opening’s median composite and compares the shares above it (hand-computed)', async () => {
    // Women 4,4,4,3,3,3,2,2,1,1 and men 1,1,1,2,2,2,3,3,4,4: the 20 composites' median is (2 + 3) / 2 = 2.5.
    // Above it: women 6 of 10, men 4 of 10 → scoring-rate ratio 0.667, flagged; Fisher [[4, 6], [6, 4]] p = 0.6563.
    await addApplicants(t.db, 10, { status: 'active', stage: 0, answers: answers('female'), ratings: [4, 4, 4, 3, 3, 3, 2, 2, 1, 1] });
    await addApplicants(t.db, 10, { status: 'active', stage: 0, answers: answers('male'), ratings: [1, 1, 1, 2, 2, 2, 3, 3, 4, 4] });
    await addApplicants(t.db, 3, { status: 'active', stage: 0, answers: answers('prefer_not_to_say'), ratings: [1, 2, 4] });
    const { scores } = await getAdverseImpactReport(org.admin.ctx, { openingId });
    // The median is over all 23 scored applicants: 1×6, 2×6, 3×5, 4×6 → the 12th value is 2.
    expect(scores.scored).toBe(23);
    expect(scores.median).toBe(2);
    const gender = scores.dimensions.find((d) => d.question === 'gender')!;
    expect(group(gender, 'female')).toMatchObject({ pool: 10, selected: 6, reference: true });
    const men = group(gender, 'male');
    expect(men).toMatchObject({ pool: 10, selected: 4, flagged: true });
    if (men.suppressed) throw new Error('unexpected');
    expect(men.impactRatio).toBeCloseTo(4 / 6, 12);
    expect(men.fisherP).toBeCloseTo(0.6562817987, 9);
    expect(gender.withoutGroup).toBe(3);
  });

  it('says there is no median when nobody is scored', async () => {
    await addApplicants(t.db, 5, { status: 'active', answers: answers('female') });
    const { scores } = await getAdverseImpactReport(org.admin.ctx, { openingId });
    expect(scores).toMatchObject({ median: null, scored: 0 });
  });
});

describe('who may read it (eeo:read)', () => {
  it('refuses hiring managers, recruiters and interviewers (403) on every read path', async () => {
    for (const member of [org.hiringManager, org.recruiter, org.interviewer]) {
      await expect(getAdverseImpactReport(member.ctx, { openingId })).rejects.toThrow(ForbiddenError);
      await expect(listAdverseImpactOpenings(member.ctx)).rejects.toThrow(ForbiddenError);
    }
  });

  it('answers another organization’s opening with 404 and a malformed id with 422 naming it', async () => {
    await expect(getAdverseImpactReport(outsider.admin.ctx, { openingId })).rejects.toThrow(NotFoundError);
    expect((await listAdverseImpactOpenings(outsider.admin.ctx)).some((o) => o.id === openingId)).toBe(false);
    const error = await getAdverseImpactReport(org.admin.ctx, { openingId: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toHaveProperty('openingId');
  });

  it('records who viewed which opening’s report, with no figures', async () => {
    await getAdverseImpactReport(org.admin.ctx, { openingId });
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, org.organizationId), eq(auditEvents.action, 'adverse_impact.viewed')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: org.admin.user.id, entityType: 'opening', entityId: openingId, data: {} });
  });
});

describe('the self-identification link', () => {
  async function sendAndRead(ctx = org.recruiter.ctx) {
    const applicant = await makeApplicant(org.recruiter.ctx, { openingId });
    const sent = await sendSelfIdentificationLink(ctx, { candidateId: applicant.candidateId });
    const [candidate] = await t.db.select({ email: candidates.email }).from(candidates).where(eq(candidates.id, applicant.candidateId));
    const mail = await latestMail(t.db, candidate!.email, 'self_identification');
    return { ...applicant, sent, mail, token: tokenFromMail(mail?.body, 'self-identification') };
  }

  it('is e-mailed through the outbox, works once, and stores the answers apart; the sender sees no answer', async () => {
    const { candidateId, sent, mail, token } = await sendAndRead();
    expect(mail).toMatchObject({ organizationId: org.organizationId, kind: 'self_identification' });
    expect(mail!.body).toContain('never see them');
    expect(sent.url).toContain(`/self-identification/${token}`);
    // Only the hash is stored.
    const links = await t.db.select().from(selfIdentificationLinks).where(eq(selfIdentificationLinks.candidateId, candidateId));
    expect(links).toHaveLength(1);
    expect(links[0]!.tokenHash).not.toContain(token);
    expect(await previewSelfIdentification({ db: t.db }, token)).toEqual({ state: 'valid', organizationName: org.name });
    expect((await getSelfIdentificationLinkStatus(org.recruiter.ctx, candidateId)).state).toBe('open');

    // Unanswered questions are "prefer not to say".
    await submitSelfIdentification({ db: t.db }, { token, gender: 'female', race_ethnicity: 'asian', veteran: '' });
    const [stored] = await t.db.select().from(selfIdentifications).where(eq(selfIdentifications.candidateId, candidateId));
    expect(stored!.answers).toEqual({ gender: 'female', race_ethnicity: 'asian', veteran: 'prefer_not_to_say', disability: 'prefer_not_to_say' });
    expect(await getSelfIdentificationLinkStatus(org.recruiter.ctx, candidateId)).toMatchObject({ state: 'answered' });

    // Used: refused, answers unchanged.
    await expect(submitSelfIdentification({ db: t.db }, { token, gender: 'male' })).rejects.toThrow(ConflictError);
    expect(await previewSelfIdentification({ db: t.db }, token)).toEqual({ state: 'used' });
    const [after] = await t.db.select().from(selfIdentifications).where(eq(selfIdentifications.candidateId, candidateId));
    expect(after!.answers.gender).toBe('female');

    // Never in the candidate's ordinary reads.
    const profile = JSON.stringify(await getCandidateProfile(org.recruiter.ctx, candidateId));
    expect(profile).not.toContain('asian');
    expect(profile).not.toContain('female');
  });

  it('refuses a wrong token (404), an expired one (409) and a replaced one (409); a new link replaces the answers', async () => {
    const { candidateId, token } = await sendAndRead();
    await expect(submitSelfIdentification({ db: t.db }, { token: `${token}x`, gender: 'male' })).rejects.toThrow(NotFoundError);
    expect(await previewSelfIdentification({ db: t.db }, 'not-a-token')).toEqual({ state: 'invalid' });

    await submitSelfIdentification({ db: t.db }, { token, gender: 'male' });
    // A second link (to change the answers) retires nothing answered, and its submission replaces the answers.
    const second = await sendSelfIdentificationLink(org.recruiter.ctx, { candidateId });
    const secondToken = second.url.split('/').pop()!;
    // A third link replaces the unused second one.
    const third = await sendSelfIdentificationLink(org.recruiter.ctx, { candidateId });
    const thirdToken = third.url.split('/').pop()!;
    await expect(submitSelfIdentification({ db: t.db }, { token: secondToken, gender: 'female' })).rejects.toThrow(ConflictError);
    await submitSelfIdentification({ db: t.db }, { token: thirdToken, gender: 'prefer_not_to_say' });
    const [stored] = await t.db.select().from(selfIdentifications).where(eq(selfIdentifications.candidateId, candidateId));
    expect(stored!.answers.gender).toBe('prefer_not_to_say');

    // Expired: another candidate's link, sent 15 days ago.
    const other = await makeApplicant(org.recruiter.ctx, { openingId });
    const old = await sendSelfIdentificationLink(org.recruiter.ctx, { candidateId: other.candidateId }, new Date(Date.now() - 15 * 86_400_000));
    const oldToken = old.url.split('/').pop()!;
    expect(await previewSelfIdentification({ db: t.db }, oldToken)).toEqual({ state: 'expired' });
    await expect(submitSelfIdentification({ db: t.db }, { token: oldToken, gender: 'male' })).rejects.toThrow(ConflictError);
    expect(await getSelfIdentificationLinkStatus(org.recruiter.ctx, other.candidateId)).toMatchObject({ state: 'expired' });
  });

  it('refuses an answer outside the options with a 422 naming the question, and saves nothing', async () => {
    const { candidateId, token } = await sendAndRead();
    const error = await submitSelfIdentification({ db: t.db }, { token, gender: 'robot' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toHaveProperty('gender');
    expect(await t.db.select().from(selfIdentifications).where(eq(selfIdentifications.candidateId, candidateId))).toHaveLength(0);
    expect(await previewSelfIdentification({ db: t.db }, token)).toMatchObject({ state: 'valid' });
  });

  it('may be sent by whoever edits candidates, not by interviewers (403) or another organization (404), and never to an erased candidate (409)', async () => {
    const { candidateId } = await makeApplicant(org.recruiter.ctx, { openingId });
    await expect(sendSelfIdentificationLink(org.interviewer.ctx, { candidateId })).rejects.toThrow(ForbiddenError);
    await expect(sendSelfIdentificationLink(outsider.admin.ctx, { candidateId })).rejects.toThrow(NotFoundError);
    await expect(sendSelfIdentificationLink(org.recruiter.ctx, { candidateId: 'x' })).rejects.toThrow(ValidationError);
    await eraseCandidate(org.admin.ctx, { candidateId, confirmation: 'erase' });
    await expect(sendSelfIdentificationLink(org.recruiter.ctx, { candidateId })).rejects.toThrow(ConflictError);
  });

  it('keeps every answer out of the audit trail', async () => {
    const { token } = await sendAndRead();
    await submitSelfIdentification({ db: t.db }, { token, gender: 'non_binary', race_ethnicity: 'hispanic_latino', veteran: 'protected_veteran', disability: 'yes' });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.organizationId, org.organizationId));
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['self_identification.link_sent', 'self_identification.answered']));
    const text = JSON.stringify(events);
    for (const answer of ['non_binary', 'hispanic_latino', 'protected_veteran', token]) expect(text).not.toContain(answer);
  });
});

describe('the candidate’s data rights', () => {
  it('puts the candidate’s own answers in their subject-access export, and erasure deletes answers and links', async () => {
    const applicant = await makeApplicant(org.recruiter.ctx, { openingId });
    const { url } = await sendSelfIdentificationLink(org.recruiter.ctx, { candidateId: applicant.candidateId });
    await submitSelfIdentification({ db: t.db }, { token: url.split('/').pop(), gender: 'female', disability: 'no' });
    const exported = await getCandidateDataExport(org.admin.ctx, applicant.candidateId);
    expect(exported.selfIdentification).toMatchObject({ answers: { gender: 'female', disability: 'no', race_ethnicity: 'prefer_not_to_say', veteran: 'prefer_not_to_say' } });

    await eraseCandidate(org.admin.ctx, { candidateId: applicant.candidateId, confirmation: 'erase' });
    expect(await t.db.select().from(selfIdentifications).where(eq(selfIdentifications.candidateId, applicant.candidateId))).toHaveLength(0);
    expect(await t.db.select().from(selfIdentificationLinks).where(eq(selfIdentificationLinks.candidateId, applicant.candidateId))).toHaveLength(0);
    expect((await getCandidateDataExport(org.admin.ctx, applicant.candidateId)).selfIdentification).toBeNull();
  });
});
