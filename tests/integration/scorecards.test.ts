import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedBuiltinContent } from '@/db/seed/builtin';
import { loadBuiltinContent } from '@/db/seed/content';
import { DEMO_ORG_SLUG, DEMO_USERS, seedDemoOrganization } from '@/db/seed/demo';
import { auditEvents, interviewPanelists, interviews, memberships, organizations, scorecards, users } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { publishKit, saveKitDraft, startKitDraft } from '@/lib/kits/mutations';
import { getKit } from '@/lib/kits/queries';
import { updateOrganization } from '@/lib/orgs/mutations';
import { openScorecard, reopenScorecard, saveScorecard, StaleRevisionError, submitScorecard } from '@/lib/scorecards/mutations';
import { getScorecard, listCandidateFeedback } from '@/lib/scorecards/queries';
import { setupTestDatabase } from './support/database';
import { createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase();
const as = {} as Record<(typeof DEMO_USERS)[number]['key'], Ctx>;
let interviewId: string; // an interview under way whose panel is Jonas, Amara and Liam
let candidateId: string;

beforeAll(async () => {
  const content = loadBuiltinContent();
  await seedDemoOrganization(t.db, content, await seedBuiltinContent(t.db, content));
  const [org] = await t.db.select().from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
  for (const u of DEMO_USERS) {
    const [row] = await t.db
      .select({ userId: users.id, role: memberships.role })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organizationId, org!.id)))
      .where(eq(users.email, u.email));
    as[u.key] = { db: t.db, userId: row!.userId, organizationId: org!.id, role: row!.role };
  }
  const scheduled = await t.db.select().from(interviews).where(and(eq(interviews.organizationId, org!.id), eq(interviews.status, 'scheduled')));
  for (const interview of scheduled) {
    const panel = (await t.db.select().from(interviewPanelists).where(eq(interviewPanelists.interviewId, interview.id))).map((p) => p.userId);
    if (panel.length === 3 && panel.includes(as.interviewer.userId) && panel.includes(as.amara.userId)) {
      interviewId = interview.id;
      break;
    }
  }
  expect(interviewId).toBeDefined();
  // The demo schedules it ahead; these tests submit, which needs an interview under way.
  await t.db.update(interviews).set({ scheduledAt: new Date(Date.now() - 10 * 60_000) }).where(eq(interviews.id, interviewId));
  candidateId = (await openScorecard(as.interviewer, { interviewId })).interview.candidateId;
});

describe('live scorecard', () => {
  it('opens the pinned kit with questions, rubric anchors and evaluated skills', async () => {
    const opened = await openScorecard(as.interviewer, { interviewId });
    expect(opened.scorecard).toMatchObject({ status: 'draft', revision: 0, notes: {}, ratings: {} });
    const items = opened.kit.sections.flatMap((s) => s.items);
    expect(items.length).toBeGreaterThan(3);
    expect(items[0]!.rubric).toHaveLength(4);
    expect(opened.kit.skills.length).toBeGreaterThan(3);
    // Opening again returns the same scorecard.
    expect((await openScorecard(as.interviewer, { interviewId })).scorecard.id).toBe(opened.scorecard.id);
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
    const amara = await openScorecard(as.amara, { interviewId });
    // Amara has not submitted: Jonas's notes are invisible to her on every read path.
    await expect(getScorecard(as.amara, mine.scorecard.id)).rejects.toBeInstanceOf(NotFoundError);
    const before = await listCandidateFeedback(as.amara, { candidateId });
    expect(before.othersVisible).toBe(false);
    expect(before.scorecards.every((s) => s.mine)).toBe(true);
    // A recruiter (scorecard:read_all) reads submitted feedback only: Amara's and Jonas's drafts are not theirs to see.
    expect((await listCandidateFeedback(as.recruiter, { candidateId })).scorecards).toEqual([]);
    // A hiring manager on none of this candidate's panels sees submitted feedback, and holding leads
    // to the rule changes nothing for them: it holds leads who sit on the panel.
    expect((await listCandidateFeedback(as.manager, { candidateId })).othersVisible).toBe(true);
    await updateOrganization(as.admin, { name: 'Northwind Labs (demo)', leadsScoreIndependently: true });
    expect((await listCandidateFeedback(as.manager, { candidateId })).othersVisible).toBe(true);
    await updateOrganization(as.admin, { name: 'Northwind Labs (demo)', leadsScoreIndependently: false });

    // Jonas submits; Amara still cannot see it until she submits too.
    const skills = mine.kit.skills.map((s) => s.skillId);
    const ratings = Object.fromEntries(skills.map((id, i) => [id, i === 0 ? 'no_evidence' : 3]));
    let rev = (await getScorecard(as.interviewer, mine.scorecard.id)).scorecard.revision;
    rev = (await saveScorecard(as.interviewer, { scorecardId: mine.scorecard.id, baseRevision: rev, ratings, recommendation: 'yes', summary: 'Solid.' })).revision;
    await submitScorecard(as.interviewer, { scorecardId: mine.scorecard.id, baseRevision: rev });
    await expect(getScorecard(as.amara, mine.scorecard.id)).rejects.toBeInstanceOf(NotFoundError);
    const aRev = (await saveScorecard(as.amara, { scorecardId: amara.scorecard.id, baseRevision: amara.scorecard.revision, ratings, recommendation: 'strong_yes' })).revision;
    await submitScorecard(as.amara, { scorecardId: amara.scorecard.id, baseRevision: aRev });
    expect((await getScorecard(as.amara, mine.scorecard.id)).scorecard.recommendation).toBe('yes');
    const after = await listCandidateFeedback(as.amara, { candidateId });
    expect(after.othersVisible).toBe(true);
    expect(after.scorecards.map((s) => s.interviewerName).sort()).toEqual(expect.arrayContaining(['Amara Okafor', 'Jonas Weber']));
  });

  it('requires a recommendation and every skill before submit, then freezes the scorecard', async () => {
    const liam = await openScorecard(as.liam, { interviewId });
    const missing = await submitScorecard(as.liam, { scorecardId: liam.scorecard.id, baseRevision: liam.scorecard.revision }).catch((e) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(['recommendation', ...liam.kit.skills.map((s) => `ratings.${s.skillId}`)].sort());
    const ratings = Object.fromEntries(liam.kit.skills.map((s) => [s.skillId, 2]));
    const rev = (await saveScorecard(as.liam, { scorecardId: liam.scorecard.id, baseRevision: liam.scorecard.revision, ratings, recommendation: 'no' })).revision;
    const submitted = await submitScorecard(as.liam, { scorecardId: liam.scorecard.id, baseRevision: rev });
    await expect(saveScorecard(as.liam, { scorecardId: liam.scorecard.id, baseRevision: submitted.revision, summary: 'late edit' })).rejects.toBeInstanceOf(ConflictError);
    await expect(submitScorecard(as.liam, { scorecardId: liam.scorecard.id, baseRevision: submitted.revision })).rejects.toBeInstanceOf(ConflictError);

    // Reopening needs the permission and a reason, and is audited.
    await expect(reopenScorecard(as.liam, { scorecardId: liam.scorecard.id, reason: 'I want to change my mind' })).rejects.toBeInstanceOf(ForbiddenError);
    const short = await reopenScorecard(as.admin, { scorecardId: liam.scorecard.id, reason: 'oops' }).catch((e) => e);
    expect(Object.keys(short.fieldErrors)).toEqual(['reason']);
    await reopenScorecard(as.admin, { scorecardId: liam.scorecard.id, reason: 'Rated the wrong candidate by mistake' });
    expect((await getScorecard(as.liam, liam.scorecard.id)).scorecard.status).toBe('draft');
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'scorecard.reopened'), eq(auditEvents.entityId, liam.scorecard.id)));
    expect(event!.data).toEqual({ interviewerUserId: liam.scorecard.interviewerUserId });
    expect((await t.db.select().from(scorecards).where(eq(scorecards.id, liam.scorecard.id)))[0]!.reopenReason).toBe('Rated the wrong candidate by mistake');
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
    const outsider = (await createOrgWithAdmin(t.db)).ctx;
    await expect(openScorecard(outsider, { interviewId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveScorecard(outsider, { scorecardId: scorecard.id, baseRevision: 0, summary: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(reopenScorecard(outsider, { scorecardId: scorecard.id, reason: 'Trying from another org' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getScorecard(outsider, scorecard.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCandidateFeedback(outsider, { candidateId })).rejects.toBeInstanceOf(NotFoundError);
    // Another panelist cannot write my scorecard.
    await expect(saveScorecard(as.amara, { scorecardId: scorecard.id, baseRevision: 0, summary: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
