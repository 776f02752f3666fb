// The decision packet against values computed by hand on a small fixture: one opening weighing
// A 60, B 40 and D 20 (C is rated by the kit but carries no weight in the opening), two submitted
// scorecards and one draft for Ana, and Ben with two applications.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, openingSkillWeights, skills, users } from '@/db/schema';
import { createCandidate } from '@/lib/candidates/mutations';
import type { Ctx } from '@/lib/context';
import { getDecisionPacket, listPacketOpenings, nearestAnchor } from '@/lib/dashboard/decision-packet';
import { getOpeningGrid } from '@/lib/dashboard/queries';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { scheduleInterview } from '@/lib/interviews/mutations';
import { createKit, publishKit, saveKitDraft } from '@/lib/kits/mutations';
import { createOpening } from '@/lib/openings/mutations';
import { getOpening } from '@/lib/openings/queries';
import { updateOrganization } from '@/lib/orgs/mutations';
import { searchQuestions } from '@/lib/questions/queries';
import { openScorecard, saveScorecard, submitScorecard } from '@/lib/scorecards/mutations';
import type { SkillRatingValue } from '@/lib/scorecards/schemas';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });
let admin: Ctx;
let manager: Ctx; // the opening's hiring manager, on Ana's panel with a draft only
let amara: Ctx;
let liam: Ctx;
let opening1: string;
let opening2: string;
let ana: string;
let ben: string;
let anaInterview: string;
let q1: string; // kit items, in kit order
let q2: string;
const S = { A: '', B: '', C: '', D: '' };
const name = { A: '', B: '', C: '', D: '' };

async function named(ctx: Ctx, fullName: string) {
  await t.db.update(users).set({ name: fullName }).where(eq(users.id, ctx.userId));
}

async function scoreDraft(rater: Ctx, interviewId: string, fields: { ratings: Record<string, SkillRatingValue>; recommendation: 'strong_no' | 'no' | 'yes' | 'strong_yes'; summary: string; notes?: Record<string, string>; questionRatings?: Record<string, 1 | 2 | 3 | 4> }) {
  const { scorecard } = await openScorecard(rater, { interviewId });
  const { revision } = await saveScorecard(rater, { scorecardId: scorecard.id, baseRevision: scorecard.revision, ...fields });
  return { scorecardId: scorecard.id, revision };
}

async function score(...args: Parameters<typeof scoreDraft>) {
  const { scorecardId, revision } = await scoreDraft(...args);
  await submitScorecard(args[0], { scorecardId, baseRevision: revision });
}

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db, 'Packet Co')).ctx;
  manager = (await addMember(t.db, admin.organizationId, 'hiring_manager')).ctx;
  amara = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  liam = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  await named(manager, 'Hana Manager');
  await named(amara, 'Amara Okafor');
  await named(liam, 'Liam Byrne');

  const all = await t.db.select().from(skills);
  const bySlug = new Map(all.map((s) => [s.slug, s]));
  for (const [key, slug] of [['A', 'sql-databases'], ['B', 'communication'], ['C', 'rest-api-design'], ['D', 'docker']] as const) {
    S[key] = bySlug.get(slug)!.id;
    name[key] = bySlug.get(slug)!.name;
  }
  const { kitId } = await createKit(admin, { name: 'Packet kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 60 });
  const first = (await searchQuestions(admin, { skill: S.A, pageSize: 1 })).rows[0]!;
  const second = (await searchQuestions(admin, { skill: S.B, pageSize: 1 })).rows[0]!;
  await saveKitDraft(admin, {
    kitId, revision: 0, name: 'Packet kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 60,
    weights: [{ skillId: S.A, weight: 60 }, { skillId: S.B, weight: 40 }, { skillId: S.C, weight: 20 }, { skillId: S.D, weight: 20 }],
    sections: [{ title: 'All', items: [{ questionVersionId: first.versionId, minutes: 20 }, { questionVersionId: second.versionId, minutes: 20 }] }],
  });
  await publishKit(admin, { kitId, revision: 1 });
  const stages = [{ name: 'Technical', kitId, durationMinutes: 60 }];
  ({ openingId: opening1 } = await createOpening(admin, { title: 'Packet opening', level: 'mid', hiringManagerUserId: manager.userId, stages }));
  ({ openingId: opening2 } = await createOpening(admin, { title: 'Second opening', level: 'senior', stages }));
  // Opening 1 does not weigh C: it stays in the packet, rated, but outside the composite.
  await t.db.delete(openingSkillWeights).where(eq(openingSkillWeights.skillId, S.C));
  await t.db.insert(openingSkillWeights).values({ organizationId: admin.organizationId, openingId: opening2, skillId: S.C, weight: 20 });

  const interview = async (candidateId: string, openingId: string, panel: Ctx[], daysAgo: number) => {
    const stageId = (await getOpening(admin, openingId)).stages[0]!.id;
    const applicationId = (await t.db.select().from(applications).where(eq(applications.candidateId, candidateId))).find((a) => a.openingId === openingId)!.id;
    return (await scheduleInterview(admin, { applicationId, openingStageId: stageId, scheduledAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(), durationMinutes: 60, panelUserIds: panel.map((p) => p.userId) })).interviewId;
  };

  ({ candidateId: ana } = await createCandidate(admin, { name: 'Ana Lima', email: 'ana.lima@example.test', openingId: opening1 }));
  anaInterview = await interview(ana, opening1, [amara, liam, manager], 2);
  const kit = (await openScorecard(amara, { interviewId: anaInterview })).kit;
  [q1, q2] = kit.sections[0]!.items.map((i) => i.id) as [string, string];
  // A: 4, 2 → mean 3, range 2–4 (split), sd 1. B: 3, 4 → mean 3.5, sd 0.5. C (unweighted): 2. D: no evidence.
  await score(amara, anaInterview, {
    ratings: { [S.A]: 4, [S.B]: 3, [S.C]: 2, [S.D]: 'no_evidence' },
    recommendation: 'strong_yes',
    summary: 'Amara: designed the schema well.',
    notes: { [q1]: 'Indexed the join without prompting.', [q2]: 'Explained trade-offs clearly.' },
    questionRatings: { [q1]: 4 },
  });
  await score(liam, anaInterview, {
    ratings: { [S.A]: 2, [S.B]: 4, [S.C]: 'no_evidence', [S.D]: 'no_evidence' },
    recommendation: 'no',
    summary: 'Liam: shaky on transactions.',
    notes: { [q2]: 'Good listener.', [q1]: '' },
  });
  // The hiring manager's draft must not count anywhere.
  await scoreDraft(manager, anaInterview, { ratings: { [S.A]: 1, [S.B]: 1, [S.C]: 'no_evidence', [S.D]: 'no_evidence' }, recommendation: 'strong_no', summary: 'Draft: not yet.' });

  // Ben applied to both openings; only his opening-2 application has an interview.
  ({ candidateId: ben } = await createCandidate(admin, { name: 'Ben Ode', email: 'ben.ode@example.test', openingId: opening1 }));
  await t.db.insert(applications).values({ organizationId: admin.organizationId, candidateId: ben, openingId: opening2 });
  const benInterview = await interview(ben, opening2, [amara], 1);
  await score(amara, benInterview, { ratings: { [S.A]: 1, [S.B]: 2, [S.C]: 'no_evidence', [S.D]: 'no_evidence' }, recommendation: 'no', summary: 'Ben: not ready.' });
});

describe('decision packet', () => {
  it('computes the composite, coverage, tally and per-skill figures like the hand calculation', async () => {
    const packet = await getDecisionPacket(admin, { candidateId: ana, openingId: opening1 });
    expect(packet.candidate).toEqual({ id: ana, name: 'Ana Lima', email: 'ana.lima@example.test', blind: false, stage: 'active', currentStage: 'Technical' });
    expect(packet.opening).toEqual({ id: opening1, title: 'Packet opening', level: 'mid', status: 'open', hiringManager: 'Hana Manager' });
    expect(packet.generatedBy).toBe('Ada Admin');
    expect(Math.abs(Date.parse(packet.generatedAt) - Date.now())).toBeLessThan(60_000);
    expect(packet.othersVisible).toBe(true);
    const e = packet.evidence!;
    // (60 × 3 + 40 × 3.5) / (60 + 40) = 3.2; coverage (60 + 40) / (60 + 40 + 20) = 5/6.
    expect(e.composite).toBeCloseTo(3.2, 10);
    expect(e.coverage).toBeCloseTo(5 / 6, 10);
    expect(e.recommendations).toEqual({ strong_no: 0, no: 1, yes: 0, strong_yes: 1 });
    expect(e.skills.map((s) => [s.name, s.weight, s.n])).toEqual([
      [name.A, 60, 2],
      [name.B, 40, 2],
      [name.D, 20, 0],
      [name.C, null, 1],
    ]);
    const [a, b, d, c] = e.skills;
    expect(a).toEqual({ skillId: S.A, name: name.A, weight: 60, mean: 3, n: 2, min: 2, max: 4, sd: 1, disagreement: true, anchor: 'Solid' });
    expect(b).toMatchObject({ mean: 3.5, min: 3, max: 4, disagreement: false, anchor: 'Solid–Excellent' });
    expect(b!.sd).toBeCloseTo(0.5, 10);
    expect(d).toMatchObject({ mean: null, n: 0, min: null, max: null, anchor: null, disagreement: false });
    expect(c).toMatchObject({ mean: 2, n: 1, min: 2, max: 2, sd: 0, anchor: 'Weak' });
    expect(e.strongest).toEqual([name.B]);
    expect(e.weakest).toEqual([name.A]);
  });

  it('agrees with the opening grid row for the same candidate', async () => {
    const grid = await getOpeningGrid(admin, opening1);
    const row = grid.candidates.find((c) => c.candidateId === ana)!;
    const e = (await getDecisionPacket(admin, { candidateId: ana, openingId: opening1 })).evidence!;
    expect(e.composite).toBe(row.composite);
    expect(e.coverage).toBe(row.coverage);
    expect(e.recommendations).toEqual(row.recommendations);
  });

  it('lists disagreements by name and each submitted scorecard with ratings and notes in kit order; drafts excluded', async () => {
    const e = (await getDecisionPacket(admin, { candidateId: ana, openingId: opening1 })).evidence!;
    expect(e.disagreements).toEqual([
      {
        skillId: S.A,
        name: name.A,
        spread: 2,
        ratings: [
          { interviewerName: 'Amara Okafor', stageName: 'Technical', rating: 4 },
          { interviewerName: 'Liam Byrne', stageName: 'Technical', rating: 2 },
        ],
      },
    ]);
    expect(e.scorecards.map((s) => [s.interviewerName, s.recommendation, s.summary])).toEqual([
      ['Amara Okafor', 'strong_yes', 'Amara: designed the schema well.'],
      ['Liam Byrne', 'no', 'Liam: shaky on transactions.'],
    ]);
    const [amaraCard, liamCard] = e.scorecards;
    expect(amaraCard!.stageName).toBe('Technical');
    expect(amaraCard!.submittedAt).not.toBeNull();
    expect(amaraCard!.mine).toBe(false);
    expect(amaraCard!.ratings.map((r) => [r.name, r.rating])).toEqual([
      [name.A, 4],
      [name.B, 3],
      [name.D, 'no_evidence'],
      [name.C, 2],
    ]);
    expect(amaraCard!.notes.map((n) => [n.kitItemId, n.body, n.rating])).toEqual([
      [q1, 'Indexed the join without prompting.', 4],
      [q2, 'Explained trade-offs clearly.', null],
    ]);
    expect(amaraCard!.notes[0]!.question.length).toBeGreaterThan(0);
    expect(liamCard!.notes.map((n) => [n.kitItemId, n.body])).toEqual([[q2, 'Good listener.']]); // an empty note is left out
    expect(JSON.stringify(e)).not.toContain('Draft: not yet.');
  });

  it('defaults to the only application, asks to choose among several, and keeps applications apart', async () => {
    expect((await getDecisionPacket(admin, { candidateId: ana })).opening.id).toBe(opening1);
    const choose = await getDecisionPacket(admin, { candidateId: ben }).catch((e) => e);
    expect(choose).toBeInstanceOf(ValidationError);
    expect(Object.keys(choose.fieldErrors)).toEqual(['openingId']);
    expect((await listPacketOpenings(admin, { candidateId: ben })).applications.map((a) => a.title)).toEqual(['Packet opening', 'Second opening']);

    // Ben's opening-1 application has no interviews: nothing from his opening-2 scorecard leaks in.
    const none = (await getDecisionPacket(admin, { candidateId: ben, openingId: opening1 })).evidence!;
    expect(none).toMatchObject({ composite: null, coverage: 0, scorecards: [], disagreements: [], strongest: [], weakest: [] });
    expect(none.skills.every((s) => s.n === 0)).toBe(true);
    // Opening 2 weighs A 60, B 40, C 20, D 20: composite (60 × 1 + 40 × 2) / 100 = 1.4, coverage 100 / 140.
    const two = await getDecisionPacket(admin, { candidateId: ben, openingId: opening2 });
    expect(two.opening).toMatchObject({ title: 'Second opening', level: 'senior', hiringManager: null });
    expect(two.evidence!.composite).toBeCloseTo(1.4, 10);
    expect(two.evidence!.coverage).toBeCloseTo(5 / 7, 10);
    expect(two.evidence!.scorecards.map((s) => s.summary)).toEqual(['Ben: not ready.']);

    // Ana never applied to opening 2.
    await expect(getDecisionPacket(admin, { candidateId: ana, openingId: opening2 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('names the bad field (422)', async () => {
    for (const [input, field] of [
      [{ candidateId: 'nope', openingId: opening1 }, 'candidateId'],
      [{ candidateId: ana, openingId: 'nope' }, 'openingId'],
      [{}, 'candidateId'],
    ] as const) {
      const error = await getDecisionPacket(admin, input).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys(error.fieldErrors)).toEqual([field]);
    }
  });

  it('needs dashboard:read (403) and hides another organization’s candidate and opening (404)', async () => {
    await expect(getDecisionPacket(amara, { candidateId: ana, openingId: opening1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listPacketOpenings(amara, { candidateId: ana })).rejects.toBeInstanceOf(ForbiddenError);
    const other = await createOrgWithAdmin(t.db);
    await expect(getDecisionPacket(other.ctx, { candidateId: ana, openingId: opening1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDecisionPacket(other.ctx, { candidateId: ana })).rejects.toBeInstanceOf(NotFoundError);
    const { candidateId: theirs } = await createCandidate(other.ctx, { name: 'Other Person', email: 'other@example.test' });
    await expect(getDecisionPacket(other.ctx, { candidateId: theirs, openingId: opening1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDecisionPacket(admin, { candidateId: theirs, openingId: opening1 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('applies the independent-scoring rule: no evidence until the viewer has submitted their own scorecard', async () => {
    // A recruiter on no panel reads the evidence (scorecard:read_all), setting or not.
    const recruiter = (await addMember(t.db, admin.organizationId, 'recruiter')).ctx;
    expect((await getDecisionPacket(recruiter, { candidateId: ana, openingId: opening1 })).othersVisible).toBe(true);

    // The hiring manager sees it all by default; once the organization holds leads to the rule,
    // not before submitting their own — they sit on Ana's panel with a draft: the header only.
    expect((await getDecisionPacket(manager, { candidateId: ana, openingId: opening1 })).othersVisible).toBe(true);
    await updateOrganization(admin, { name: 'Packet Co', leadsScoreIndependently: true });
    const hidden = await getDecisionPacket(manager, { candidateId: ana, openingId: opening1 });
    expect(hidden).toMatchObject({ othersVisible: false, evidence: null, candidate: { name: 'Ana Lima' }, opening: { title: 'Packet opening' } });
    expect(JSON.stringify(hidden)).not.toMatch(/Amara|Liam|schema well/);
    // The admin and the recruiter sit on no panel of Ana's: the setting does not hold them back.
    expect((await getDecisionPacket(admin, { candidateId: ana, openingId: opening1 })).evidence).not.toBeNull();
    expect((await getDecisionPacket(recruiter, { candidateId: ana, openingId: opening1 })).evidence).not.toBeNull();

    // Submitting the draft (A 1, B 1) reveals the packet, and now it counts: A 4, 2, 1 → 7/3; B 3, 4, 1 → 8/3.
    const { scorecard } = await openScorecard(manager, { interviewId: anaInterview });
    await submitScorecard(manager, { scorecardId: scorecard.id, baseRevision: scorecard.revision });
    const after = (await getDecisionPacket(manager, { candidateId: ana, openingId: opening1 })).evidence!;
    expect(after.composite).toBeCloseTo((60 * (7 / 3) + 40 * (8 / 3)) / 100, 10);
    expect(after.recommendations).toEqual({ strong_no: 1, no: 1, yes: 0, strong_yes: 1 });
    expect(after.skills[0]).toMatchObject({ n: 3, min: 1, max: 4 });
    expect(after.disagreements.map((d) => [d.name, d.spread, d.ratings.map((r) => `${r.interviewerName} ${r.rating}`)])).toEqual([
      [name.A, 3, ['Amara Okafor 4', 'Liam Byrne 2', 'Hana Manager 1']],
      [name.B, 3, ['Liam Byrne 4', 'Amara Okafor 3', 'Hana Manager 1']],
    ]);
    expect(after.scorecards.find((s) => s.mine)?.interviewerName).toBe('Hana Manager');
    await updateOrganization(admin, { name: 'Packet Co', leadsScoreIndependently: false });
  });
});

describe('nearest anchor', () => {
  it('names the nearest point of the rating scale, both when exactly between two', () => {
    expect([1, 1.4, 1.5, 2.6, 8 / 3, 3.5, 3.75, 4].map(nearestAnchor)).toEqual(['Poor', 'Poor', 'Poor–Weak', 'Solid', 'Solid', 'Solid–Excellent', 'Excellent', 'Excellent']);
  });
});
