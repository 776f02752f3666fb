// Scheduling in the scheduler's own time zone, across daylight-saving changes (Europe/Berlin,
// 2027: clocks go forward on Sunday 28 March at 02:00, back on Sunday 31 October at 03:00), and
// what the opening page reads and writes: its hiring manager, next interviews, and a CSV import
// into the opening.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { interviews } from '@/db/schema';
import { importCandidates, previewCandidateImport } from '@/lib/candidates/mutations';
import { getCandidate } from '@/lib/candidates/queries';
import type { Ctx } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { rescheduleInterview, scheduleInterview } from '@/lib/interviews/mutations';
import { loadInterviewSchedule } from '@/lib/interviews/queries';
import { updateOpening } from '@/lib/openings/mutations';
import { getOpeningForEdit, getOpeningOverview } from '@/lib/openings/queries';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';
import { createApplicant, createOpeningWithStages, createPublishedKit, skillIdsBySlug } from './support/interview-factories';

const t = setupTestDatabase({ seedBuiltin: true });
let admin: Ctx;
let manager: Ctx;
let opening: { openingId: string; stageIds: string[] };
let applicationId: string;

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db)).ctx;
  manager = (await addMember(t.db, admin.organizationId, 'hiring_manager')).ctx;
  const skills = await skillIdsBySlug(t.db);
  const kitId = await createPublishedKit(admin, [{ skillId: Object.values(skills)[0]!, weight: 1 }]);
  opening = await createOpeningWithStages(admin, kitId, ['Screen']);
  applicationId = (await createApplicant(admin, opening.openingId, 'Dora Zeit')).applicationId;
});

/** Schedules at a wall-clock time typed in Berlin, as the form sends it; returns the stored instant. */
async function scheduleInBerlin(local: string): Promise<string> {
  const { interviewId } = await scheduleInterview(admin, {
    applicationId,
    openingStageId: opening.stageIds[0],
    scheduledAt: local,
    timeZone: 'Europe/Berlin',
    durationMinutes: '45',
    panelUserIds: [manager.userId],
  });
  const [row] = await t.db.select({ at: interviews.scheduledAt }).from(interviews).where(eq(interviews.id, interviewId));
  return row!.at.toISOString();
}

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('scheduling in Europe/Berlin across daylight saving (stored in UTC)', () => {
  it('normal times either side of the spring change use the offset of that date', async () => {
    expect(await scheduleInBerlin('2027-03-27T10:00')).toBe('2027-03-27T09:00:00.000Z'); // CET, UTC+1
    expect(await scheduleInBerlin('2027-03-28T01:30')).toBe('2027-03-28T00:30:00.000Z'); // last half hour of CET
    expect(await scheduleInBerlin('2027-03-28T03:30')).toBe('2027-03-28T01:30:00.000Z'); // CEST, UTC+2
    expect(await scheduleInBerlin('2027-03-29T10:00')).toBe('2027-03-29T08:00:00.000Z');
  });

  it('02:30 on 28 March 2027 does not exist there: 422 on scheduledAt, nothing stored', async () => {
    const before = (await t.db.select({ id: interviews.id }).from(interviews)).length;
    const error = await refusal(scheduleInBerlin('2027-03-28T02:30'));
    expect(error.fieldErrors).toEqual({ scheduledAt: ['02:30 on 2027-03-28 does not exist in Europe/Berlin: the clocks go forward an hour then. Choose another time'] });
    expect((await t.db.select({ id: interviews.id }).from(interviews)).length).toBe(before);
  });

  it('02:30 on 31 October 2027 happens twice: the first one (still summer time, UTC+2) is chosen', async () => {
    expect(await scheduleInBerlin('2027-10-31T02:30')).toBe('2027-10-31T00:30:00.000Z');
  });

  it('normal times either side of the autumn change', async () => {
    expect(await scheduleInBerlin('2027-10-30T10:00')).toBe('2027-10-30T08:00:00.000Z'); // CEST
    expect(await scheduleInBerlin('2027-10-31T01:30')).toBe('2027-10-30T23:30:00.000Z'); // CEST
    expect(await scheduleInBerlin('2027-10-31T03:30')).toBe('2027-10-31T02:30:00.000Z'); // CET
    expect(await scheduleInBerlin('2027-11-01T10:00')).toBe('2027-11-01T09:00:00.000Z');
  });

  it('an instant with its own offset is taken as sent; an unknown zone or a non-date is named', async () => {
    const { interviewId } = await scheduleInterview(admin, { applicationId, openingStageId: opening.stageIds[0], scheduledAt: '2027-06-01T10:00:00+02:00', timeZone: 'Europe/Berlin', durationMinutes: 60, panelUserIds: [manager.userId] });
    expect((await loadInterviewSchedule(admin, interviewId)).scheduledAt).toBe('2027-06-01T08:00:00.000Z');
    const base = { applicationId, openingStageId: opening.stageIds[0], durationMinutes: 60, panelUserIds: [manager.userId] };
    expect((await refusal(scheduleInterview(admin, { ...base, scheduledAt: '2027-06-01T10:00', timeZone: 'Mars/Olympus' }))).fieldErrors).toEqual({ timeZone: ['Use a time zone name such as Europe/Berlin'] });
    expect(Object.keys((await refusal(scheduleInterview(admin, { ...base, scheduledAt: '2027-02-30T10:00', timeZone: 'Europe/Berlin' }))).fieldErrors)).toEqual(['scheduledAt']);
    expect(Object.keys((await refusal(scheduleInterview(admin, { ...base, scheduledAt: 'tomorrow', timeZone: 'Europe/Berlin' }))).fieldErrors)).toEqual(['scheduledAt']);
  });

  it('rescheduling reads the wall clock the same way, skipped hour included', async () => {
    const { interviewId } = await scheduleInterview(admin, { applicationId, openingStageId: opening.stageIds[0], scheduledAt: '2027-03-20T10:00', timeZone: 'Europe/Berlin', durationMinutes: 60, panelUserIds: [manager.userId] });
    const error = await refusal(rescheduleInterview(admin, { interviewId, revision: 0, scheduledAt: '2027-03-28T02:15', timeZone: 'Europe/Berlin', durationMinutes: 60, panelUserIds: [manager.userId] }));
    expect(Object.keys(error.fieldErrors)).toEqual(['scheduledAt']);
    const moved = await rescheduleInterview(admin, { interviewId, revision: 0, scheduledAt: '2027-07-01T09:00', timeZone: 'Europe/Berlin', durationMinutes: 60, panelUserIds: [manager.userId] });
    expect(moved.scheduledAt).toBe('2027-07-01T07:00:00.000Z');
    expect(moved.revision).toBe(1);
  });
});

describe('the opening page', () => {
  it('names the hiring manager and each application’s next interview', async () => {
    const edit = await getOpeningForEdit(admin, opening.openingId);
    expect((await getOpeningOverview(admin, opening.openingId)).hiringManager).toBeNull();
    await updateOpening(admin, {
      openingId: opening.openingId,
      revision: edit.revision,
      title: edit.title,
      level: edit.level,
      status: edit.status,
      description: edit.description,
      hiringManagerUserId: manager.userId,
      stages: edit.stages.map((s) => ({ id: s.id, name: s.name, kitId: s.kitId, durationMinutes: s.durationMinutes })),
      weights: edit.weights.map((w) => ({ skillId: w.skillId, weight: w.weight })),
    });
    const overview = await getOpeningOverview(admin, opening.openingId);
    expect(overview.hiringManager).toBe('hiring_manager person');
    const dora = overview.applications.find((a) => a.id === applicationId)!;
    // The earliest interview still ahead, whole seconds in UTC.
    expect(dora.nextInterviewAt).toBe('2027-03-27T09:00:00Z');
    expect(dora.currentStageId).toBe(opening.stageIds[0]);
  });

  it('a CSV imported from the opening applies rows without an opening column to it', async () => {
    const content = 'name,email\nIvo Import,ivo.import@example.test\nJana Import,jana.import@example.test\n';
    const preview = await previewCandidateImport(admin, { content, openingId: opening.openingId });
    expect(preview).toMatchObject({ ok: true, create: 2, applications: 2 });
    expect(preview.ok && preview.rows.map((r) => r.opening)).toEqual([expect.stringMatching(/^Opening /), expect.stringMatching(/^Opening /)]);
    await importCandidates(admin, { content, openingId: opening.openingId });
    const names = (await getOpeningOverview(admin, opening.openingId)).applications.map((a) => a.candidateName);
    expect(names).toEqual(expect.arrayContaining(['Ivo Import', 'Jana Import']));
    const other = await createOrgWithAdmin(t.db);
    // Another organization's opening is no opening here.
    const error = await refusal(previewCandidateImport(other.ctx, { content: 'name,email\nX Y,x.y@example.test\n', openingId: opening.openingId }));
    expect(Object.keys(error.fieldErrors)).toEqual(['openingId']);
    const { applications } = await getCandidate(admin, (await getOpeningOverview(admin, opening.openingId)).applications.find((a) => a.candidateName === 'Ivo Import')!.candidateId);
    expect(applications.map((a) => a.openingId)).toEqual([opening.openingId]);
  });
});
