// Editing the hiring pipeline: candidates, openings with their loops, and rescheduling or
// cancelling interviews. Every edit is based on a revision; a stale one is refused (409) with
// the current state, bad input names its field and changes nothing, another organization's ids
// read as missing, and roles without the permission get 403.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, interviewPanelists, interviews, kits, openings, scorecards } from '@/db/schema';
import { createCandidate, updateCandidate } from '@/lib/candidates/mutations';
import { getCandidate, getCandidateDetails, getCandidateProfile, getCandidateTimeline } from '@/lib/candidates/queries';
import type { Ctx } from '@/lib/context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { cancelInterview, rescheduleInterview, scheduleInterview } from '@/lib/interviews/mutations';
import { groupMyInterviews, loadInterviewSchedule, summarizeMyInterviews } from '@/lib/interviews/queries';
import { createKit, publishKit } from '@/lib/kits/mutations';
import { getKit } from '@/lib/kits/queries';
import { createOpening, updateOpening } from '@/lib/openings/mutations';
import { getOpeningForEdit } from '@/lib/openings/queries';
import { InterviewCancelledError, openScorecard, saveScorecard, submitScorecard } from '@/lib/scorecards/mutations';
import { queryRows } from '@/lib/sql';
import { engine, setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });
let admin: Ctx;
let recruiter: Ctx;
let interviewer: Ctx;
let outsider: Ctx;
let kitA: string; // Node loop kit
let kitB: string; // system design kit
let draftOnlyKit: string;

async function kitFromTemplate(builtinKey: string, name: string) {
  const [template] = await t.db.select().from(kits).where(and(isNull(kits.organizationId), eq(kits.builtinKey, builtinKey)));
  const { kitId } = await createKit(admin, { name, roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 90, sourceKitId: template!.id });
  await publishKit(admin, { kitId, revision: 0 });
  return kitId;
}

/** An opening with a two-stage loop and one candidate applying to it. */
async function pipeline(title: string) {
  const { openingId } = await createOpening(recruiter, {
    title,
    level: 'mid',
    stages: [
      { name: 'Technical', kitId: kitA, durationMinutes: 60 },
      { name: 'Design', kitId: kitB, durationMinutes: 90 },
    ],
  });
  const { candidateId } = await createCandidate(recruiter, { name: `${title} Candidate`, email: `${title.replace(/\W+/g, '.').toLowerCase()}@example.test`, openingId });
  const application = (await getCandidate(recruiter, candidateId)).applications[0]!;
  const edit = await getOpeningForEdit(recruiter, openingId);
  return { openingId, candidateId, applicationId: application.id, edit };
}

/** In two days by default; `startedAgoMs` for one under way (feedback can only be submitted once it has started). */
async function schedule(applicationId: string, stageId: string, panel: string[], startedAgoMs?: number) {
  const at = startedAgoMs === undefined ? Date.now() + 2 * 86_400_000 : Date.now() - startedAgoMs;
  return scheduleInterview(recruiter, { applicationId, openingStageId: stageId, scheduledAt: new Date(at).toISOString(), durationMinutes: 60, panelUserIds: panel });
}

async function submitFeedback(ctx: Ctx, interviewId: string) {
  const { scorecard, kit } = await openScorecard(ctx, { interviewId });
  const ratings = Object.fromEntries(kit.skills.map((s) => [s.skillId, 3 as const]));
  const saved = await saveScorecard(ctx, { scorecardId: scorecard.id, baseRevision: scorecard.revision, ratings, recommendation: 'yes' });
  await submitScorecard(ctx, { scorecardId: scorecard.id, baseRevision: saved.revision });
}

const editOf = (e: Awaited<ReturnType<typeof getOpeningForEdit>>) => ({
  openingId: e.id,
  revision: e.revision,
  title: e.title,
  level: e.level,
  status: e.status,
  description: e.description,
  hiringManagerUserId: e.hiringManagerUserId ?? '',
  stages: e.stages.map((s) => ({ id: s.id, name: s.name, kitId: s.kitId!, durationMinutes: s.durationMinutes })),
  weights: e.weights,
});

async function auditOf(action: string, entityId: string) {
  return t.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
}

/** Polls a condition (for states another connection reaches, such as waiting on a lock). */
const lockWaiters = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0]!.n;

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db, 'Edits Co')).ctx;
  recruiter = (await addMember(t.db, admin.organizationId, 'recruiter')).ctx;
  interviewer = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  outsider = (await createOrgWithAdmin(t.db, 'Elsewhere Inc')).ctx;
  kitA = await kitFromTemplate('backend-engineer-nodejs', 'Node loop kit');
  kitB = await kitFromTemplate('senior-backend-system-design-security', 'Design kit');
  draftOnlyKit = (await createKit(admin, { name: 'Never published', roleTitle: 'X role', level: 'mid', targetMinutes: 30 })).kitId;
});

describe('editing a candidate', () => {
  it('saves the changed fields on the current revision, audited by field name', async () => {
    const { candidateId } = await createCandidate(recruiter, { name: 'Mina Ito', email: 'mina@example.test', location: 'Osaka' });
    const saved = await updateCandidate(recruiter, { candidateId, revision: 0, name: ' Mina Itō ', phone: '+81 6 1234 5678', location: '', notes: 'Prefers mornings' });
    expect(saved).toMatchObject({ revision: 1, name: 'Mina Itō', email: 'mina@example.test', phone: '+81 6 1234 5678', location: null, notes: 'Prefers mornings' });
    const [event] = await auditOf('candidate.updated', candidateId);
    expect(event!.data).toEqual({ revision: 1, fields: ['name', 'phone', 'location', 'notes'] });
    expect(event!.actorUserId).toBe(recruiter.userId);
    // Saving the same values again is not a change: no new revision, no event.
    expect((await updateCandidate(recruiter, { candidateId, revision: 1, name: 'Mina Itō' })).revision).toBe(1);
    expect(await auditOf('candidate.updated', candidateId)).toHaveLength(1);
  });

  it('detects two edits of the same revision: the first wins, the second gets the current details', async () => {
    const { candidateId } = await createCandidate(recruiter, { name: 'Sam Okoro', email: 'sam.okoro@example.test' });
    await updateCandidate(recruiter, { candidateId, revision: 0, source: 'Referral' });
    const stale = await updateCandidate(admin, { candidateId, revision: 0, source: 'LinkedIn', name: 'Samuel Okoro' }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.status).toBe(409);
    expect(stale.current).toMatchObject({ id: candidateId, revision: 1, source: 'Referral', name: 'Sam Okoro' });
    expect(await getCandidateDetails(admin, candidateId)).toMatchObject({ revision: 1, source: 'Referral', name: 'Sam Okoro' });
    // Based on the current revision, the second editor's change goes through.
    await expect(updateCandidate(admin, { candidateId, revision: 1, source: 'LinkedIn' })).resolves.toMatchObject({ revision: 2, source: 'LinkedIn' });
  });

  it('rejects bad input naming each field, and a taken email, changing nothing', async () => {
    const { candidateId } = await createCandidate(recruiter, { name: 'Lea Brandt', email: 'lea@example.test' });
    await createCandidate(recruiter, { name: 'Taken Address', email: 'taken@example.test' });
    const bad = await updateCandidate(recruiter, { candidateId, revision: 0, name: 'L', email: 'not-an-email', phone: 'x'.repeat(41) }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['email', 'name', 'phone']);
    const noRevision = await updateCandidate(recruiter, { candidateId, revision: '', name: 'Lea B' }).catch((e) => e);
    expect(Object.keys(noRevision.fieldErrors)).toEqual(['revision']);
    const taken = await updateCandidate(recruiter, { candidateId, revision: 0, email: 'TAKEN@example.test' }).catch((e) => e);
    expect(taken.fieldErrors).toEqual({ email: ['A candidate with this email already exists'] });
    expect(await getCandidateDetails(recruiter, candidateId)).toMatchObject({ revision: 0, name: 'Lea Brandt', email: 'lea@example.test', phone: null });
    expect(await auditOf('candidate.updated', candidateId)).toHaveLength(0);
  });

  it('is 404 for another organization and 403 without candidate:write', async () => {
    const { candidateId } = await createCandidate(recruiter, { name: 'Guarded Person', email: 'guarded@example.test' });
    await expect(updateCandidate(outsider, { candidateId, revision: 0, name: 'Hijacked' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCandidate(interviewer, { candidateId, revision: 0, name: 'Hijacked' })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getCandidateDetails(admin, candidateId)).name).toBe('Guarded Person');
  });

  // Two connections race: this one commits on the file's database, outside a test transaction.
  it.runIf(engine === 'postgres')('turns a concurrent taking of the same email into a field error, not a 500', t.outsideTransaction(async () => {
    const a = await createCandidate(recruiter, { name: 'Race One', email: 'race.one@example.test' });
    const b = await createCandidate(recruiter, { name: 'Race Two', email: 'race.two@example.test' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
    // The first edit holds its transaction open after writing the address...
    const first = t.db.transaction(async (tx) => {
      await updateCandidate({ ...recruiter, db: tx }, { candidateId: a.candidateId, revision: 0, email: 'race@example.test' });
      firstWrote();
      await held;
    });
    await wrote;
    // ...so the second one's check cannot see it, and its write waits on the unique index.
    const second = updateCandidate(recruiter, { candidateId: b.candidateId, revision: 0, email: 'race@example.test' }).catch((e) => e);
    await waitUntil(async () => (await lockWaiters()) > 0);
    release();
    await first;
    const error = await second;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual({ email: ['A candidate with this email already exists'] });
  }));
});

describe('editing an opening and its loop', () => {
  it('renames, reorders, adds stages, changes a kit, status, manager and weights in one audited revision', async () => {
    const { openingId, edit } = await pipeline('Edited Role');
    const [technical, design] = edit.stages;
    const manager = await addMember(t.db, admin.organizationId, 'hiring_manager');
    const weight = edit.weights[0]!;
    const result = await updateOpening(recruiter, {
      ...editOf(edit),
      title: 'Edited Role (Platform)',
      status: 'on_hold',
      hiringManagerUserId: manager.user.id,
      stages: [
        { id: design!.id, name: 'System design', kitId: kitB, durationMinutes: 75 },
        { id: technical!.id, name: 'Technical', kitId: kitB, durationMinutes: 60 },
        { name: 'Culture add', kitId: kitA, durationMinutes: 45 },
      ],
      weights: [{ skillId: weight.skillId, weight: 7 }],
    });
    expect(result).toEqual({ openingId, revision: 1 });
    const after = await getOpeningForEdit(recruiter, openingId);
    expect(after).toMatchObject({ revision: 1, title: 'Edited Role (Platform)', status: 'on_hold', hiringManagerUserId: manager.user.id, weights: [{ skillId: weight.skillId, weight: 7 }] });
    expect(after.stages.map((s) => [s.name, s.kitId, s.durationMinutes])).toEqual([
      ['System design', kitB, 75],
      ['Technical', kitB, 60],
      ['Culture add', kitA, 45],
    ]);
    // Kept stages keep their ids: interviews refer to them.
    expect(after.stages.slice(0, 2).map((s) => s.id)).toEqual([design!.id, technical!.id]);
    const [event] = await auditOf('opening.updated', openingId);
    expect(event!.data).toEqual({
      revision: 1,
      fields: ['title', 'status', 'hiringManagerUserId'],
      loop: { added: ['Culture add'], removed: [], renamed: [{ from: 'Design', to: 'System design' }], kitChanged: ['Technical'], durationChanged: ['System design'], reordered: true },
      weightsChanged: true,
    });
  });

  it('keeps the kit version scheduled interviews pinned when a stage’s kit changes', async () => {
    const { applicationId, edit } = await pipeline('Pinned Role');
    const technical = edit.stages[0]!;
    const before = await schedule(applicationId, technical.id, [interviewer.userId]);
    expect(before.kitVersionId).toBe((await getKit(admin, kitA)).current.id);
    await updateOpening(recruiter, { ...editOf(edit), stages: editOf(edit).stages.map((s) => (s.id === technical.id ? { ...s, kitId: kitB } : s)) });
    const [interview] = await t.db.select().from(interviews).where(eq(interviews.id, before.interviewId));
    expect(interview!.kitVersionId).toBe(before.kitVersionId);
    expect((await openScorecard(interviewer, { interviewId: before.interviewId })).kit.name).toBe('Node loop kit');
    // Interviews scheduled from now on pin the new kit.
    const after = await schedule(applicationId, technical.id, [interviewer.userId]);
    expect(after.kitVersionId).toBe((await getKit(admin, kitB)).current.id);
  });

  it('removes a stage without interviews but refuses one that has them', async () => {
    const { openingId, applicationId, edit } = await pipeline('Shrinking Role');
    const [technical, design] = edit.stages;
    await schedule(applicationId, technical!.id, [interviewer.userId]);
    const refused = await updateOpening(recruiter, { ...editOf(edit), stages: editOf(edit).stages.filter((s) => s.id === design!.id) }).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.fieldErrors).toEqual({ stages: ['“Technical” has 1 interview and can’t be removed'] });
    expect((await getOpeningForEdit(recruiter, openingId)).stages).toHaveLength(2);
    await updateOpening(recruiter, { ...editOf(edit), stages: editOf(edit).stages.filter((s) => s.id === technical!.id) });
    const after = await getOpeningForEdit(recruiter, openingId);
    expect(after.stages.map((s) => [s.name, s.interviews])).toEqual([['Technical', 1]]);
    expect((await auditOf('opening.updated', openingId))[0]!.data).toMatchObject({ loop: { removed: ['Design'] } });
  });

  it('rejects bad input naming each field, and changes nothing', async () => {
    const { openingId, edit } = await pipeline('Validated Role');
    const { edit: otherEdit } = await pipeline('Neighbour Role');
    const bad = await updateOpening(recruiter, {
      ...editOf(edit),
      title: 'x',
      status: 'paused',
      stages: [
        { id: edit.stages[0]!.id, name: 'Technical', kitId: draftOnlyKit, durationMinutes: 60 },
        { id: otherEdit.stages[0]!.id, name: 'Borrowed', kitId: kitA, durationMinutes: 60 },
        { name: 'Q', kitId: kitA, durationMinutes: 2 },
      ],
    }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    // Shape errors come first, all at once.
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['stages.2.durationMinutes', 'stages.2.name', 'status', 'title']);
    const refs = await updateOpening(recruiter, {
      ...editOf(edit),
      hiringManagerUserId: outsider.userId,
      stages: [
        { id: edit.stages[0]!.id, name: 'Technical', kitId: draftOnlyKit, durationMinutes: 60 },
        { id: otherEdit.stages[0]!.id, name: 'Borrowed', kitId: kitA, durationMinutes: 60 },
      ],
      weights: [{ skillId: '00000000-0000-4000-8000-000000000000', weight: 5 }],
    }).catch((e) => e);
    expect(refs.fieldErrors).toEqual({
      hiringManagerUserId: ['Choose a member of this organization'],
      'stages.0.kitId': ['Choose a kit with a published version'],
      'stages.1.id': ['This stage is not part of the opening’s loop; reload the page'],
      'weights.0.skillId': ['Choose a skill from the taxonomy'],
    });
    expect(await getOpeningForEdit(recruiter, openingId)).toEqual(edit);
    expect(await auditOf('opening.updated', openingId)).toHaveLength(0);
  });

  it('detects two edits of the same revision: the first wins, the second gets the current opening', async () => {
    const { openingId, edit } = await pipeline('Contested Role');
    await updateOpening(recruiter, { ...editOf(edit), title: 'Contested Role — first' });
    const stale = await updateOpening(admin, { ...editOf(edit), title: 'Contested Role — second' }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ id: openingId, revision: 1, title: 'Contested Role — first' });
    const [row] = await t.db.select().from(openings).where(eq(openings.id, openingId));
    expect(row).toMatchObject({ title: 'Contested Role — first', revision: 1 });
  });

  it('is 404 for another organization and 403 without opening:write', async () => {
    const { openingId, edit } = await pipeline('Private Role');
    await expect(updateOpening(outsider, { ...editOf(edit), title: 'Hijacked role' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateOpening(interviewer, { ...editOf(edit), title: 'Hijacked role' })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getOpeningForEdit(admin, openingId)).title).toBe('Private Role');
  });
});

describe('rescheduling and cancelling interviews', () => {
  it('moves an interview and changes its panel: leavers lose their draft, joiners can open theirs', async () => {
    const { applicationId, edit } = await pipeline('Moving Role');
    const joiner = await addMember(t.db, admin.organizationId, 'interviewer');
    const { interviewId, kitVersionId } = await schedule(applicationId, edit.stages[0]!.id, [interviewer.userId, admin.userId]);
    await openScorecard(interviewer, { interviewId }); // interviewer starts a draft, then leaves the panel
    const when = new Date(Date.now() + 5 * 86_400_000);
    when.setUTCSeconds(0, 0);
    const result = await rescheduleInterview(recruiter, { interviewId, revision: 0, scheduledAt: when.toISOString(), durationMinutes: '45', panelUserIds: [admin.userId, joiner.user.id] });
    expect(result).toEqual({
      id: interviewId,
      revision: 1,
      status: 'scheduled',
      scheduledAt: when.toISOString(),
      durationMinutes: 45,
      panelUserIds: [admin.userId, joiner.user.id].sort(),
      panelRoles: { [admin.userId]: 'interviewer', [joiner.user.id]: 'interviewer' },
      // Nobody here is qualified for the kit: a warning, not a refusal.
      warnings: [expect.stringContaining('qualified')],
    });
    expect(await t.db.select().from(scorecards).where(and(eq(scorecards.interviewId, interviewId), eq(scorecards.interviewerUserId, interviewer.userId)))).toEqual([]);
    await expect(openScorecard(interviewer, { interviewId })).rejects.toBeInstanceOf(ForbiddenError);
    const joined = await openScorecard(joiner.ctx, { interviewId });
    expect(joined.scorecard.status).toBe('draft');
    const [interview] = await t.db.select().from(interviews).where(eq(interviews.id, interviewId));
    expect(interview!.kitVersionId).toBe(kitVersionId);
    const [event] = await auditOf('interview.rescheduled', interviewId);
    expect(event!.data).toMatchObject({ revision: 1, to: { scheduledAt: when.toISOString(), durationMinutes: 45 }, added: [joiner.user.id], removed: [interviewer.userId], discardedDrafts: 1 });
  });

  it('keeps a panelist who already submitted, and refuses a stale reschedule with the current schedule', async () => {
    const { applicationId, edit } = await pipeline('Sticky Role');
    const { interviewId } = await schedule(applicationId, edit.stages[0]!.id, [interviewer.userId, admin.userId], 3_600_000);
    await submitFeedback(interviewer, interviewId);
    const before = await loadInterviewSchedule(admin, interviewId);
    const refused = await rescheduleInterview(recruiter, { interviewId, revision: 0, scheduledAt: before.scheduledAt, durationMinutes: 60, panelUserIds: [admin.userId] }).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.fieldErrors.panelUserIds[0]).toMatch(/already submitted feedback for this interview and must stay on the panel$/);
    expect(await loadInterviewSchedule(admin, interviewId)).toEqual(before);

    await rescheduleInterview(recruiter, { interviewId, revision: 0, scheduledAt: before.scheduledAt, durationMinutes: 50, panelUserIds: before.panelUserIds });
    const stale = await rescheduleInterview(admin, { interviewId, revision: 0, scheduledAt: before.scheduledAt, durationMinutes: 30, panelUserIds: before.panelUserIds }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ revision: 1, durationMinutes: 50 });
  });

  it('refuses to cancel an interview with submitted feedback', async () => {
    const { applicationId, edit } = await pipeline('Happened Role');
    const { interviewId } = await schedule(applicationId, edit.stages[0]!.id, [interviewer.userId], 3_600_000);
    await submitFeedback(interviewer, interviewId);
    const refused = await cancelInterview(recruiter, { interviewId, revision: 0, reason: 'Candidate withdrew' }).catch((e) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.message).toMatch(/already submitted feedback for this interview, so it took place and can’t be cancelled/);
    expect((await loadInterviewSchedule(admin, interviewId)).status).toBe('scheduled');
  });

  it('cancels with a reason: audited, drafts inert, gone from My interviews, shown on the timeline', async () => {
    const { candidateId, applicationId, edit } = await pipeline('Cancelled Role');
    const { interviewId } = await schedule(applicationId, edit.stages[0]!.id, [interviewer.userId]);
    const { scorecard } = await openScorecard(interviewer, { interviewId });
    expect((await groupMyInterviews(interviewer)).upcoming.map((i) => i.id)).toContain(interviewId);

    const bad = await cancelInterview(recruiter, { interviewId, revision: 0, reason: ' ' }).catch((e) => e);
    expect(Object.keys(bad.fieldErrors)).toEqual(['reason']);
    const cancelled = await cancelInterview(recruiter, { interviewId, revision: 0, reason: 'Candidate accepted another offer' });
    expect(cancelled).toMatchObject({ status: 'cancelled', revision: 1 });
    const [event] = await auditOf('interview.cancelled', interviewId);
    expect(event!.data).toMatchObject({ revision: 1, applicationId });
    // The reason is free text about a person: on the interview (erasable), never in the append-only log.
    expect(event!.data).not.toHaveProperty('reason');
    expect((await t.db.select().from(interviews).where(eq(interviews.id, interviewId)))[0]!.cancellationReason).toBe('Candidate accepted another offer');

    // The draft stays, but nobody can write to it any more.
    const save = await saveScorecard(interviewer, { scorecardId: scorecard.id, baseRevision: scorecard.revision, summary: 'late note' }).catch((e) => e);
    expect(save).toBeInstanceOf(InterviewCancelledError);
    expect(save.status).toBe(409);
    await expect(submitScorecard(interviewer, { scorecardId: scorecard.id, baseRevision: scorecard.revision })).rejects.toBeInstanceOf(InterviewCancelledError);
    await expect(openScorecard(interviewer, { interviewId })).rejects.toBeInstanceOf(InterviewCancelledError);
    const far = new Date(Date.now() + 30 * 86_400_000);
    for (const groups of [await groupMyInterviews(interviewer), await groupMyInterviews(interviewer, far), await summarizeMyInterviews(interviewer, far)]) {
      for (const list of Object.values(groups)) expect(list.map((i: { id: string }) => i.id)).not.toContain(interviewId);
    }

    const timeline = await getCandidateTimeline(recruiter, candidateId);
    expect(timeline.find((e) => e.kind === 'cancelled')!.text).toBe('Technical for Cancelled Role cancelled: Candidate accepted another offer');
    expect(timeline.find((e) => e.kind === 'interview')!.text).toMatch(/\(cancelled\)$/);
    const profile = await getCandidateProfile(recruiter, candidateId);
    expect(profile.applications[0]!.interviews[0]!.status).toBe('cancelled');

    // A cancelled interview is final.
    await expect(cancelInterview(recruiter, { interviewId, revision: 1, reason: 'again' })).rejects.toBeInstanceOf(ConflictError);
    await expect(
      rescheduleInterview(recruiter, { interviewId, revision: 1, scheduledAt: far.toISOString(), durationMinutes: 60, panelUserIds: [interviewer.userId] }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  // Two connections race: this one commits on the file's database, outside a test transaction.
  it.runIf(engine === 'postgres')('a submit waiting on a cancellation sees it, never lands on a cancelled interview', t.outsideTransaction(async () => {
    const { applicationId, edit } = await pipeline('Racing Role');
    const { interviewId } = await schedule(applicationId, edit.stages[0]!.id, [interviewer.userId], 3_600_000);
    const { scorecard, kit } = await openScorecard(interviewer, { interviewId });
    const ratings = Object.fromEntries(kit.skills.map((s) => [s.skillId, 2 as const]));
    const { revision } = await saveScorecard(interviewer, { scorecardId: scorecard.id, baseRevision: scorecard.revision, ratings, recommendation: 'no' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let cancelled!: () => void;
    const done = new Promise<void>((resolve) => (cancelled = resolve));
    const cancel = t.db.transaction(async (tx) => {
      await cancelInterview({ ...recruiter, db: tx }, { interviewId, revision: 0, reason: 'Panel unavailable' });
      cancelled();
      await held;
    });
    await done;
    const submit = submitScorecard(interviewer, { scorecardId: scorecard.id, baseRevision: revision }).catch((e) => e);
    await waitUntil(async () => (await lockWaiters()) > 0);
    release();
    await cancel;
    expect(await submit).toBeInstanceOf(InterviewCancelledError);
    const [card] = await t.db.select().from(scorecards).where(eq(scorecards.id, scorecard.id));
    expect(card!.status).toBe('draft');
  }));

  it('rejects bad input naming each field', async () => {
    const { applicationId, edit } = await pipeline('Typo Role');
    const { interviewId } = await schedule(applicationId, edit.stages[0]!.id, [interviewer.userId]);
    const bad = await rescheduleInterview(recruiter, { interviewId, revision: 0, scheduledAt: 'next tuesday', durationMinutes: 1, panelUserIds: [] }).catch((e) => e);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['durationMinutes', 'panelUserIds', 'scheduledAt']);
    const foreign = await rescheduleInterview(recruiter, { interviewId, revision: 0, scheduledAt: new Date().toISOString(), durationMinutes: 60, panelUserIds: [outsider.userId] }).catch((e) => e);
    expect(foreign.fieldErrors).toEqual({ panelUserIds: ['Choose interviewers from this organization'] });
    expect((await loadInterviewSchedule(admin, interviewId)).revision).toBe(0);
    expect(await t.db.select().from(interviewPanelists).where(eq(interviewPanelists.interviewId, interviewId))).toHaveLength(1);
  });

  it('is 404 for another organization and 403 without interview:schedule', async () => {
    const { applicationId, edit } = await pipeline('Sealed Role');
    const { interviewId } = await schedule(applicationId, edit.stages[0]!.id, [interviewer.userId]);
    const move = { interviewId, revision: 0, scheduledAt: new Date().toISOString(), durationMinutes: 30, panelUserIds: [interviewer.userId] };
    await expect(rescheduleInterview(outsider, { ...move, panelUserIds: [outsider.userId] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelInterview(outsider, { interviewId, revision: 0, reason: 'Not mine' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(rescheduleInterview(interviewer, move)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelInterview(interviewer, { interviewId, revision: 0, reason: 'Not allowed' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await loadInterviewSchedule(admin, interviewId)).toMatchObject({ revision: 0, status: 'scheduled', durationMinutes: 60 });
  });
});
