// Openings with loops, candidates (one by one and from CSV), stage moves and scheduling.
import { and, count, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, auditEvents, candidates, interviews, kits, openings } from '@/db/schema';
import { applyToOpening, createCandidate, importCandidates, moveApplication, previewCandidateImport } from '@/lib/candidates/mutations';
import { getCandidate, getCandidateTimeline } from '@/lib/candidates/queries';
import type { Ctx } from '@/lib/context';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { scheduleInterview } from '@/lib/interviews/mutations';
import { listMyInterviews } from '@/lib/interviews/queries';
import { createKit, publishKit, saveKitDraft } from '@/lib/kits/mutations';
import { getKit } from '@/lib/kits/queries';
import { createOpening } from '@/lib/openings/mutations';
import { getOpening } from '@/lib/openings/queries';
import { openScorecard } from '@/lib/scorecards/mutations';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });
let admin: Ctx;
let kitId: string;

async function candidateCount(organizationId: string) {
  const [row] = await t.db.select({ n: count() }).from(candidates).where(eq(candidates.organizationId, organizationId));
  return row!.n;
}

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db, 'Pipeline Co')).ctx;
  const [template] = await t.db.select().from(kits).where(and(isNull(kits.organizationId), eq(kits.builtinKey, 'backend-engineer-nodejs')));
  kitId = (await createKit(admin, { name: 'Node loop kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 90, sourceKitId: template!.id })).kitId;
  await publishKit(admin, { kitId, revision: 0 });
});

describe('openings, candidates and scheduling', () => {
  it('creates an opening whose loop uses published kits and whose weights come from them', async () => {
    const { openingId } = await createOpening(admin, { title: 'Backend Engineer', level: 'mid', stages: [{ name: 'Technical', kitId, durationMinutes: 90 }] });
    const { opening, stages } = await getOpening(admin, openingId);
    expect(opening.title).toBe('Backend Engineer');
    expect(stages.map((s) => s.name)).toEqual(['Technical']);
    const draftOnly = (await createKit(admin, { name: 'Unpublished', roleTitle: 'X role', level: 'mid', targetMinutes: 30 })).kitId;
    const error = await createOpening(admin, { title: 'Bad loop', level: 'mid', stages: [{ name: 'Stage', kitId: draftOnly, durationMinutes: 30 }] }).catch((e) => e);
    expect(error.fieldErrors).toEqual({ 'stages.0.kitId': ['Choose a kit with a published version'] });
    const missing = await createOpening(admin, { title: '', level: 'x', stages: [] }).catch((e) => e);
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(['level', 'stages', 'title']);
  });

  it('adds a candidate to an opening, moves the application (audited) and schedules an interview pinning the kit', async () => {
    const { openingId } = await createOpening(admin, { title: 'Platform Engineer', level: 'senior', stages: [{ name: 'Deep dive', kitId, durationMinutes: 60 }] });
    const { candidateId } = await createCandidate(admin, { name: 'Ravi Patel', email: 'Ravi@Example.test', openingId });
    const { applications } = await getCandidate(admin, candidateId);
    expect(applications).toHaveLength(1);
    const dup = await createCandidate(admin, { name: 'Ravi Again', email: 'ravi@example.test' }).catch((e) => e);
    expect(dup.fieldErrors).toEqual({ email: ['A candidate with this email already exists'] });

    const interviewer = await addMember(t.db, admin.organizationId, 'interviewer');
    const { stages } = await getOpening(admin, openingId);
    const { interviewId, kitVersionId } = await scheduleInterview(admin, {
      applicationId: applications[0]!.id,
      openingStageId: stages[0]!.id,
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      durationMinutes: '60',
      panelUserIds: [interviewer.user.id],
    });
    expect(kitVersionId).toBe((await getKit(admin, kitId)).current.id);
    expect((await listMyInterviews(interviewer.ctx)).map((i) => i.id)).toEqual([interviewId]);
    await expect(openScorecard(interviewer.ctx, { interviewId })).resolves.toMatchObject({
      scorecard: { status: 'draft', revision: 0, interviewerUserId: interviewer.user.id },
      interview: { id: interviewId, candidateId, candidateName: 'Ravi Patel' },
    });

    // A new kit version later does not change the interview.
    const kit = await getKit(admin, kitId);
    await import('@/lib/kits/mutations').then((m) => m.startKitDraft(admin, { kitId }));
    const draft = await getKit(admin, kitId);
    await saveKitDraft(admin, {
      kitId,
      revision: draft.current.revision,
      name: kit.kit.name,
      roleTitle: kit.current.roleTitle,
      level: kit.current.level,
      targetMinutes: kit.current.targetMinutes,
      weights: draft.weights.map((w) => ({ skillId: w.skillId, weight: w.weight })),
      sections: [{ title: 'Shorter', items: [{ questionVersionId: draft.sections[0]!.items[0]!.questionVersionId, minutes: 10 }] }],
    });
    await publishKit(admin, { kitId, revision: draft.current.revision + 1 });
    const pinned = await openScorecard(interviewer.ctx, { interviewId });
    expect(pinned.kit.version).toBe(1);

    await moveApplication(admin, { applicationId: applications[0]!.id, stage: 'hired' });
    const timeline = await getCandidateTimeline(admin, candidateId);
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['added', 'applied', 'interview', 'moved']));
    expect(timeline.find((e) => e.kind === 'moved')!.text).toBe('Moved from active to hired for Platform Engineer');
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'application.moved'), eq(auditEvents.entityId, applications[0]!.id)));
    expect(event!.data).toEqual({ from: 'active', to: 'hired' });
    const bad = await moveApplication(admin, { applicationId: applications[0]!.id, stage: 'ghosted' }).catch((e) => e);
    expect(Object.keys(bad.fieldErrors)).toEqual(['stage']);

    const badPanel = await scheduleInterview(admin, { applicationId: applications[0]!.id, openingStageId: stages[0]!.id, scheduledAt: 'not a date', durationMinutes: 60, panelUserIds: [] }).catch((e) => e);
    expect(Object.keys(badPanel.fieldErrors).sort()).toEqual(['panelUserIds', 'scheduledAt']);
  });

  it('imports candidates from CSV all-or-nothing, with errors by row and field', async () => {
    await createOpening(admin, { title: 'Data Engineer', level: 'mid', stages: [{ name: 'Technical', kitId, durationMinutes: 60 }] });
    const good = 'name,email,phone,location,source,opening\nAda Lovelace,ada@example.test,,London,Referral,Data Engineer\nAlan Turing,alan@example.test,,Manchester,,\n';
    const preview = await previewCandidateImport(admin, { content: good });
    expect(preview).toMatchObject({ ok: true, create: 2, applications: 1 });
    const bad = 'name,email,opening\nGrace Hopper,not-an-email,\nKatherine Johnson,kj@example.test,Astronaut\n';
    const before = await candidateCount(admin.organizationId);
    expect(await previewCandidateImport(admin, { content: bad })).toEqual({
      ok: false,
      errors: [
        { row: 1, field: 'email', message: 'Enter a valid email address' },
        { row: 2, field: 'opening', message: 'No opening is titled "Astronaut"' },
      ],
    });
    await expect(importCandidates(admin, { content: bad })).rejects.toBeInstanceOf(ValidationError);
    expect(await candidateCount(admin.organizationId)).toBe(before);
    expect(await importCandidates(admin, { content: good })).toEqual({ created: 2 });
    expect(await candidateCount(admin.organizationId)).toBe(before + 2);
  });

  it('enforces permissions (403) and tenant isolation (404)', async () => {
    const { openingId } = await createOpening(admin, { title: 'Secret role', level: 'staff', stages: [{ name: 'Talk', kitId, durationMinutes: 45 }] });
    const { candidateId } = await createCandidate(admin, { name: 'Private Person', email: 'private@example.test', openingId });
    const application = (await getCandidate(admin, candidateId)).applications[0]!;
    const interviewer = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
    await expect(createCandidate(interviewer, { name: 'Nope', email: 'nope@example.test' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createOpening(interviewer, { title: 'Nope', level: 'mid', stages: [{ name: 'x stage', kitId, durationMinutes: 30 }] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(scheduleInterview(interviewer, { applicationId: application.id, openingStageId: application.id, scheduledAt: new Date().toISOString(), durationMinutes: 30, panelUserIds: [interviewer.userId] })).rejects.toBeInstanceOf(ForbiddenError);
    const other = (await createOrgWithAdmin(t.db)).ctx;
    await expect(moveApplication(other, { applicationId: application.id, stage: 'rejected' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(scheduleInterview(other, { applicationId: application.id, openingStageId: application.id, scheduledAt: new Date().toISOString(), durationMinutes: 30, panelUserIds: [other.userId] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createCandidate(other, { name: 'Cross Org', email: 'cross@example.test', openingId })).rejects.toBeInstanceOf(ValidationError);
    await expect(getOpening(other, openingId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('applying to more openings', () => {
  it('applies an existing candidate to another open opening (audited), once', async () => {
    const first = (await createOpening(admin, { title: 'Data Engineer', level: 'mid', stages: [{ name: 'Technical', kitId, durationMinutes: 60 }] })).openingId;
    const second = (await createOpening(admin, { title: 'Staff Engineer', level: 'staff', stages: [{ name: 'Technical', kitId, durationMinutes: 60 }] })).openingId;
    const { candidateId } = await createCandidate(admin, { name: 'Mei Chen', email: 'mei@example.test', openingId: first });
    const { applicationId } = await applyToOpening(admin, { candidateId, openingId: second });
    expect((await getCandidate(admin, candidateId)).applications.map((a) => a.id)).toContain(applicationId);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'application.created'), eq(auditEvents.entityId, applicationId)));
    expect(event!.data).toEqual({ candidateId, openingId: second });
    const again = await applyToOpening(admin, { candidateId, openingId: second }).catch((e) => e);
    expect(again.fieldErrors).toEqual({ openingId: ['This candidate has already applied to Staff Engineer'] });
  });

  it('refuses closed and on-hold openings for applications, and closed openings or finished applications for scheduling', async () => {
    const { openingId } = await createOpening(admin, { title: 'Closing Soon', level: 'mid', stages: [{ name: 'Technical', kitId, durationMinutes: 60 }] });
    const { candidateId } = await createCandidate(admin, { name: 'Omar Haddad', email: 'omar@example.test', openingId });
    const application = (await getCandidate(admin, candidateId)).applications[0]!;
    const stageId = (await getOpening(admin, openingId)).stages[0]!.id;
    const schedule = () => scheduleInterview(admin, { applicationId: application.id, openingStageId: stageId, scheduledAt: new Date().toISOString(), durationMinutes: 60, panelUserIds: [admin.userId] });

    await t.db.update(openings).set({ status: 'on_hold' }).where(eq(openings.id, openingId));
    const onHold = await createCandidate(admin, { name: 'Late Applicant', email: 'late@example.test', openingId }).catch((e) => e);
    expect(onHold.fieldErrors).toEqual({ openingId: ['Closing Soon is on hold and takes no applications'] });
    // On hold: interviews already in the loop go on.
    const { interviewId } = await schedule();
    const [scheduled] = await t.db.select().from(interviews).where(eq(interviews.id, interviewId));
    expect(scheduled).toMatchObject({ applicationId: application.id, openingStageId: stageId, status: 'scheduled' });

    await t.db.update(openings).set({ status: 'closed' }).where(eq(openings.id, openingId));
    const other = (await createCandidate(admin, { name: 'Zoe Park', email: 'zoe@example.test' })).candidateId;
    const closed = await applyToOpening(admin, { candidateId: other, openingId }).catch((e) => e);
    expect(closed.fieldErrors).toEqual({ openingId: ['Closing Soon is closed and takes no applications'] });
    const closedSchedule = await schedule().catch((e) => e);
    expect(closedSchedule.fieldErrors).toEqual({ applicationId: ['Closing Soon is closed; reopen it to schedule interviews'] });
    expect(await previewCandidateImport(admin, { content: 'name,email,opening\nYuki Sato,yuki@example.test,Closing Soon\n' })).toEqual({
      ok: false,
      errors: [{ row: 1, field: 'opening', message: 'Closing Soon is closed and takes no applications' }],
    });

    await t.db.update(openings).set({ status: 'open' }).where(eq(openings.id, openingId));
    await moveApplication(admin, { applicationId: application.id, stage: 'rejected' });
    const rejected = await schedule().catch((e) => e);
    expect(rejected.fieldErrors).toEqual({ applicationId: ['This application is rejected; move it back to active to schedule interviews'] });
    expect(await t.db.select().from(applications).where(eq(applications.candidateId, other))).toEqual([]); // nothing written by the refusals
  });

  it('is 404 for another organization’s candidate, 403 without candidate:write, 422 naming bad ids', async () => {
    const other = (await createOrgWithAdmin(t.db, 'Elsewhere Hiring')).ctx;
    const { openingId } = await createOpening(admin, { title: 'Isolation Opening', level: 'mid', stages: [{ name: 'Technical', kitId, durationMinutes: 60 }] });
    const foreign = (await createCandidate(other, { name: 'Foreign Candidate', email: 'foreign@example.test' })).candidateId;
    await expect(applyToOpening(admin, { candidateId: foreign, openingId })).rejects.toBeInstanceOf(NotFoundError);
    const mine = (await createCandidate(admin, { name: 'Local Candidate', email: 'local@example.test' })).candidateId;
    const foreignOpening = await applyToOpening(other, { candidateId: foreign, openingId }).catch((e) => e);
    expect(foreignOpening.fieldErrors).toEqual({ openingId: ['Choose an opening from the list'] });
    const interviewer = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
    await expect(applyToOpening(interviewer, { candidateId: mine, openingId })).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await applyToOpening(admin, { candidateId: 'nope', openingId: '' }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['candidateId', 'openingId']);
  });
});
