import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, interviews, scorecards } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { publishKit, saveKitDraft, startKitDraft } from '@/lib/kits/mutations';
import { getKit } from '@/lib/kits/queries';
import { updateOrganization } from '@/lib/orgs/mutations';
import { openScorecard, reopenScorecard, saveScorecard, StaleRevisionError, submitScorecard } from '@/lib/scorecards/mutations';
import { getScorecard, listCandidateFeedback } from '@/lib/scorecards/queries';
import { setupTestDatabase } from './support/database';
import { makeInterviewLoop, makeOrganization, type TestInterviewLoop } from './support/factories';

const t = setupTestDatabase({ isolation: 'transaction' });
let loop: TestInterviewLoop; // an interview under way, four skills weighted, three interviewers on the panel
const as = {} as Record<'admin' | 'recruiter' | 'manager' | 'interviewer' | 'second' | 'third', Ctx>;
let interviewId: string;
let candidateId: string;

beforeAll(async () => {
  loop = await makeInterviewLoop(t.db, { extraPanelists: 2, skillCount: 4 });
  Object.assign(as, {
    admin: loop.admin.ctx,
    recruiter: loop.recruiter.ctx,
    manager: loop.hiringManager.ctx,
    interviewer: loop.panel[0]!.ctx,
    second: loop.panel[1]!.ctx,
    third: loop.panel[2]!.ctx,
  });
  interviewId = loop.interviewId;
  candidateId = loop.candidateId;
});

describe('live scorecard', () => {
  it('opens the pinned kit with questions, rubric anchors and evaluated skills', async () => {
    const opened = await openScorecard(as.interviewer, { interviewId });
    expect(opened.scorecard).toMatchObject({ status: 'draft', revision: 0, notes: {}, ratings: {} });
    const items = opened.kit.sections.flatMap((s) => s.items);
    expect(items.map((i) => i.primarySkillId)).toEqual(loop.kit.skillIds); // one question per weighted skill, in plan order
    expect(items[0]!.rubric).toHaveLength(4);
    expect(opened.kit.skills.map((s) => s.skillId).sort()).toEqual([...loop.kit.skillIds].sort());
    // Opening again returns the same scorecard.
    expect((await openScorecard(as.interviewer, { interviewId })).scorecard.id).toBe(opened.scorecard.id);
  });

  it('changes only what a save carries: a text keeps its rating, a rating keeps its text, null clears', async () => {
    const { scorecard, kit } = await openScorecard(as.second, { interviewId });
    const [first, second] = kit.sections.flatMap((s) => s.items).map((i) => i.id);
    const [skillA, skillB] = loop.kit.skillIds;
    const save = async (revision: number, fields: Record<string, unknown>) => (await saveScorecard(as.second, { scorecardId: scorecard.id, baseRevision: revision, ...fields })).revision;
    let revision = await save(scorecard.revision, {
      notes: { [first!]: 'Walked through the outbox' },
      questionRatings: { [first!]: 3, [second!]: 2 },
      ratings: { [skillA!]: 4, [skillB!]: 'no_evidence' },
      recommendation: 'yes',
      summary: 'Solid',
    });
    revision = await save(revision, { notes: { [first!]: 'Walked through the outbox, then retries' } });
    revision = await save(revision, { questionRatings: { [second!]: 4 }, notes: { [second!]: 'Good on caching' } });
    let state = (await getScorecard(as.second, scorecard.id)).scorecard;
    expect(state.notes).toEqual({ [first!]: 'Walked through the outbox, then retries', [second!]: 'Good on caching' });
    expect(state.questionRatings).toEqual({ [first!]: 3, [second!]: 4 });
    expect(state.ratings).toEqual({ [skillA!]: 4, [skillB!]: 'no_evidence' });
    expect([state.recommendation, state.summary]).toEqual(['yes', 'Solid']);

    // null clears a question rating, a skill rating and the recommendation; the summary stays.
    revision = await save(revision, { questionRatings: { [first!]: null }, ratings: { [skillA!]: null, [skillB!]: 2 }, recommendation: null });
    state = (await getScorecard(as.second, scorecard.id)).scorecard;
    expect(state.questionRatings).toEqual({ [second!]: 4 });
    expect(state.notes[first!]).toBe('Walked through the outbox, then retries');
    expect(state.ratings).toEqual({ [skillB!]: 2 });
    expect([state.recommendation, state.summary, state.revision]).toEqual([null, 'Solid', revision]);
  });

  it('accepts a save on the current revision and refuses a stale one with the current state', async () => {
    const { scorecard, kit } = await openScorecard(as.interviewer, { interviewId });
    const item = kit.sections[0]!.items[0]!.id;
    const first = await saveScorecard(as.interviewer, { scorecardId: scorecard.id, baseRevision: scorecard.revision, notes: { [item]: 'Tab A: explained idempotency keys' } });
    expect(first.revision).toBe(scorecard.revision + 1);
    const stale = await saveScorecard(as.interviewer, { scorecardId: scorecard.id, baseRevision: scorecard.revision, notes: { [item]: 'Tab B: different text' } }).catch((e) => e);
    expect(stale).toBeInstanceOf(StaleRevisionError);
    expect(stale.status).toBe(409);
    expect(stale.state.notes[item]).toBe('Tab A: explained idempotency keys');
    expect(stale.state.revision).toBe(first.revision);
    // The browser merges and saves on the new revision: neither text is lost.
    await saveScorecard(as.interviewer, { scorecardId: scorecard.id, baseRevision: first.revision, notes: { [item]: 'Tab A: explained idempotency keys\nTab B: different text' } });
    expect((await getScorecard(as.interviewer, scorecard.id)).scorecard.notes[item]).toContain('Tab B');
  });

  it('validates input by field and changes nothing', async () => {
    const { scorecard, kit } = await openScorecard(as.interviewer, { interviewId });
    const skill = kit.skills[0]!.skillId;
    const bad = await saveScorecard(as.interviewer, { scorecardId: scorecard.id, baseRevision: scorecard.revision, ratings: { [skill]: 5 } }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors)).toEqual([`ratings.${skill}`]);
    const unknownItem = '00000000-0000-4000-8000-000000000000';
    const notInKit = await saveScorecard(as.interviewer, { scorecardId: scorecard.id, baseRevision: scorecard.revision, notes: { [unknownItem]: 'x' } }).catch((e) => e);
    expect(Object.keys(notInKit.fieldErrors)).toEqual([`notes.${unknownItem}`]);
    expect((await getScorecard(as.interviewer, scorecard.id)).scorecard.revision).toBe(scorecard.revision);
  });

  it('keeps feedback independent until the viewer has submitted their own', async () => {
    const mine = await openScorecard(as.interviewer, { interviewId });
    const second = await openScorecard(as.second, { interviewId });
    // The second panelist has not submitted: the first one's notes are invisible on every read path.
    await expect(getScorecard(as.second, mine.scorecard.id)).rejects.toBeInstanceOf(NotFoundError);
    const before = await listCandidateFeedback(as.second, { candidateId });
    expect(before.othersVisible).toBe(false);
    expect(before.scorecards.every((s) => s.mine)).toBe(true);
    // A recruiter (scorecard:read_all) reads submitted feedback only: Amara's and Jonas's drafts are not theirs to see.
    expect((await listCandidateFeedback(as.recruiter, { candidateId })).scorecards).toEqual([]);
    // A hiring manager on none of this candidate's panels sees submitted feedback, and holding leads
    // to the rule changes nothing for them: it holds leads who sit on the panel.
    expect((await listCandidateFeedback(as.manager, { candidateId })).othersVisible).toBe(true);
    await updateOrganization(as.admin, { name: loop.name, leadsScoreIndependently: true });
    expect((await listCandidateFeedback(as.manager, { candidateId })).othersVisible).toBe(true);
    await updateOrganization(as.admin, { name: loop.name, leadsScoreIndependently: false });

    // The first panelist submits; the second still cannot see it until they submit too.
    const skills = mine.kit.skills.map((s) => s.skillId);
    const ratings = Object.fromEntries(skills.map((id, i) => [id, i === 0 ? 'no_evidence' : 3]));
    let rev = (await getScorecard(as.interviewer, mine.scorecard.id)).scorecard.revision;
    rev = (await saveScorecard(as.interviewer, { scorecardId: mine.scorecard.id, baseRevision: rev, ratings, recommendation: 'yes', summary: 'Solid.' })).revision;
    await submitScorecard(as.interviewer, { scorecardId: mine.scorecard.id, baseRevision: rev });
    await expect(getScorecard(as.second, mine.scorecard.id)).rejects.toBeInstanceOf(NotFoundError);
    const aRev = (await saveScorecard(as.second, { scorecardId: second.scorecard.id, baseRevision: second.scorecard.revision, ratings, recommendation: 'strong_yes' })).revision;
    await submitScorecard(as.second, { scorecardId: second.scorecard.id, baseRevision: aRev });
    expect((await getScorecard(as.second, mine.scorecard.id)).scorecard.recommendation).toBe('yes');
    const after = await listCandidateFeedback(as.second, { candidateId });
    expect(after.othersVisible).toBe(true);
    expect(after.scorecards.map((s) => s.interviewerName).sort()).toEqual([loop.panel[0]!.user.name, loop.panel[1]!.user.name].sort());
  });

  it('requires a recommendation and every skill before submit, then freezes the scorecard', async () => {
    const third = await openScorecard(as.third, { interviewId });
    const missing = await submitScorecard(as.third, { scorecardId: third.scorecard.id, baseRevision: third.scorecard.revision }).catch((e) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(['recommendation', ...third.kit.skills.map((s) => `ratings.${s.skillId}`)].sort());
    const ratings = Object.fromEntries(third.kit.skills.map((s) => [s.skillId, 2]));
    const rev = (await saveScorecard(as.third, { scorecardId: third.scorecard.id, baseRevision: third.scorecard.revision, ratings, recommendation: 'no' })).revision;
    const submitted = await submitScorecard(as.third, { scorecardId: third.scorecard.id, baseRevision: rev });
    await expect(saveScorecard(as.third, { scorecardId: third.scorecard.id, baseRevision: submitted.revision, summary: 'late edit' })).rejects.toBeInstanceOf(ConflictError);
    await expect(submitScorecard(as.third, { scorecardId: third.scorecard.id, baseRevision: submitted.revision })).rejects.toBeInstanceOf(ConflictError);

    // Reopening needs the permission and a reason, and is audited.
    await expect(reopenScorecard(as.third, { scorecardId: third.scorecard.id, reason: 'I want to change my mind' })).rejects.toBeInstanceOf(ForbiddenError);
    const short = await reopenScorecard(as.admin, { scorecardId: third.scorecard.id, reason: 'oops' }).catch((e) => e);
    expect(Object.keys(short.fieldErrors)).toEqual(['reason']);
    await reopenScorecard(as.admin, { scorecardId: third.scorecard.id, reason: 'Rated the wrong candidate by mistake' });
    expect((await getScorecard(as.third, third.scorecard.id)).scorecard.status).toBe('draft');
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'scorecard.reopened'), eq(auditEvents.entityId, third.scorecard.id)));
    expect(event!.data).toEqual({ interviewerUserId: third.scorecard.interviewerUserId });
    expect((await t.db.select().from(scorecards).where(eq(scorecards.id, third.scorecard.id)))[0]!.reopenReason).toBe('Rated the wrong candidate by mistake');
  });

  it('keeps the kit version the interview pinned when the kit is republished', async () => {
    const before = await openScorecard(as.interviewer, { interviewId });
    const [interview] = await t.db.select().from(interviews).where(eq(interviews.id, interviewId));
    const kit = await getKit(as.manager, (await t.db.query.kitVersions.findFirst({ where: (v, { eq: e }) => e(v.id, interview!.kitVersionId) }))!.kitId);
    await startKitDraft(as.manager, { kitId: kit.kit.id });
    const draft = await getKit(as.manager, kit.kit.id);
    await saveKitDraft(as.manager, {
      kitId: kit.kit.id,
      revision: draft.current.revision,
      name: draft.kit.name,
      roleTitle: draft.current.roleTitle,
      level: draft.current.level,
      targetMinutes: draft.current.targetMinutes,
      weights: draft.weights.map((w) => ({ skillId: w.skillId, weight: w.weight })),
      sections: [{ title: 'Only one', items: [{ questionVersionId: draft.sections[0]!.items[0]!.questionVersionId, minutes: 10 }] }],
    });
    await publishKit(as.manager, { kitId: kit.kit.id, revision: draft.current.revision + 1 });
    const after = await openScorecard(as.interviewer, { interviewId });
    expect(after.kit.sections.flatMap((s) => s.items).map((i) => i.id)).toEqual(before.kit.sections.flatMap((s) => s.items).map((i) => i.id));
  });

  it('enforces panel membership (403) and tenant isolation (404)', async () => {
    await expect(openScorecard(as.admin, { interviewId })).rejects.toBeInstanceOf(ForbiddenError);
    const { scorecard } = await openScorecard(as.interviewer, { interviewId });
    const outsider = (await makeOrganization(t.db)).admin.ctx;
    await expect(openScorecard(outsider, { interviewId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveScorecard(outsider, { scorecardId: scorecard.id, baseRevision: 0, summary: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(reopenScorecard(outsider, { scorecardId: scorecard.id, reason: 'Trying from another org' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getScorecard(outsider, scorecard.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCandidateFeedback(outsider, { candidateId })).rejects.toBeInstanceOf(NotFoundError);
    // Another panelist cannot write my scorecard.
    await expect(saveScorecard(as.second, { scorecardId: scorecard.id, baseRevision: 0, summary: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
