// The live clock's stored start (interviews.started_at): recorded by the first panelist who has
// the scorecard open once the interview's time has come, the same instant for every panelist and
// every reload, never by a read; refused before the scheduled time and off the panel; a start
// recorded before a reschedule to a later time does not count. The clock stops at submitted_at.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, interviews } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { startInterview } from '@/lib/scorecards/interview-start';
import { InterviewCancelledError, InterviewNotStartedError } from '@/lib/scorecards/mutations';
import { getInterviewScorecard } from '@/lib/scorecards/queries';
import { cancelInterview } from '@/lib/interviews/mutations';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';
import { createApplicant, createInterview, createOpeningWithStages, createPublishedKit, skillIdsBySlug, submitFilledScorecard } from './support/interview-factories';

const MINUTE = 60_000;
const t = setupTestDatabase({ seedBuiltin: true });
let admin: Ctx;
let ana: Ctx;
let ben: Ctx;
let outsider: Ctx; // same organization, not on the panel
let stageId: string;
let openingId: string;
let skillId: string;

async function interviewStartingIn(ms: number) {
  const { applicationId } = await createApplicant(admin, openingId);
  return createInterview(admin, { applicationId, stageId, panel: [ana, ben], startsInMs: ms });
}

async function storedStart(interviewId: string) {
  const [row] = await t.db.select({ startedAt: interviews.startedAt, revision: interviews.revision }).from(interviews).where(eq(interviews.id, interviewId));
  return row!;
}

beforeAll(async () => {
  ({ ctx: admin } = await createOrgWithAdmin(t.db));
  ana = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  ben = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  outsider = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  skillId = (await skillIdsBySlug(t.db))['sql-databases']!;
  const kitId = await createPublishedKit(admin, [{ skillId, weight: 10 }]);
  const opening = await createOpeningWithStages(admin, kitId, ['Technical']);
  openingId = opening.openingId;
  stageId = opening.stageIds[0]!;
});

describe('the interview clock', () => {
  it('is recorded once, by the first panelist with the scorecard open, and shared by the panel', async () => {
    const interviewId = await interviewStartingIn(-5 * MINUTE);
    // Viewing writes nothing: no start yet.
    expect((await getInterviewScorecard(ana, { interviewId })).interview.startedAt).toBeNull();
    expect((await storedStart(interviewId)).startedAt).toBeNull();

    const before = Date.now();
    const first = await startInterview(ana, { interviewId });
    const startedMs = new Date(first.startedAt).getTime();
    // The database's now(), not the scheduled time five minutes ago (a second either way for clocks).
    expect(startedMs).toBeGreaterThan(before - 5_000);
    expect(startedMs).toBeLessThan(Date.now() + 5_000);

    // Ben opening later, and Ana reloading, count from the same instant.
    expect(await startInterview(ben, { interviewId })).toEqual(first);
    expect(await startInterview(ana, { interviewId })).toEqual(first);
    expect((await getInterviewScorecard(ben, { interviewId })).interview.startedAt).toBe(first.startedAt);
    expect((await getInterviewScorecard(ana, { interviewId })).interview.startedAt).toBe(first.startedAt);

    // Not an edit: the interview's revision (reschedules' conflict check) is untouched; audited once.
    const stored = await storedStart(interviewId);
    expect(stored.startedAt!.toISOString()).toBe(first.startedAt);
    expect(stored.revision).toBe(0);
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, interviewId), eq(auditEvents.action, 'interview.started')));
    expect(events.map((e) => [e.actorUserId, e.entityType])).toEqual([[ana.userId, 'interview']]);
  });

  it('stops at the panelist’s submit: the final elapsed time is submitted_at minus the start', async () => {
    const interviewId = await interviewStartingIn(-5 * MINUTE);
    const { startedAt } = await startInterview(ana, { interviewId });
    await submitFilledScorecard(ana, interviewId, { [skillId]: 3 });
    const opened = await getInterviewScorecard(ana, { interviewId });
    expect(opened.scorecard.status).toBe('submitted');
    expect(opened.interview.startedAt).toBe(startedAt);
    const final = new Date(opened.scorecard.submittedAt!).getTime() - new Date(startedAt).getTime();
    expect(final).toBeGreaterThanOrEqual(0);
    expect(final).toBeLessThan(60_000);
    // Ben is still interviewing: his clock runs from the same start.
    expect((await getInterviewScorecard(ben, { interviewId })).interview.startedAt).toBe(startedAt);
  });

  it('is refused before the scheduled time, and records nothing', async () => {
    const interviewId = await interviewStartingIn(2 * 60 * MINUTE);
    await expect(startInterview(ana, { interviewId })).rejects.toBeInstanceOf(InterviewNotStartedError);
    expect((await storedStart(interviewId)).startedAt).toBeNull();
    expect((await getInterviewScorecard(ana, { interviewId })).interview.startedAt).toBeNull();
  });

  it('does not count a start recorded before the interview was moved later, and records the real one', async () => {
    const interviewId = await interviewStartingIn(-5 * MINUTE);
    await startInterview(ana, { interviewId });
    // Opened four minutes ago, one minute after the original time.
    const early = new Date(Date.now() - 4 * MINUTE);
    await t.db.update(interviews).set({ startedAt: early }).where(eq(interviews.id, interviewId));
    // Moved to ten minutes from now (directly: the reschedule form is not what is tested here).
    await t.db.update(interviews).set({ scheduledAt: new Date(Date.now() + 10 * MINUTE) }).where(eq(interviews.id, interviewId));
    expect((await getInterviewScorecard(ana, { interviewId })).interview.startedAt).toBeNull();
    await expect(startInterview(ana, { interviewId })).rejects.toBeInstanceOf(InterviewNotStartedError);
    // Its new time (a minute ago, after the early opening) has come: the early start is void.
    await t.db.update(interviews).set({ scheduledAt: new Date(Date.now() - MINUTE) }).where(eq(interviews.id, interviewId));
    expect((await getInterviewScorecard(ana, { interviewId })).interview.startedAt).toBeNull();
    const real = await startInterview(ben, { interviewId });
    expect(new Date(real.startedAt).getTime()).toBeGreaterThan(Date.now() - MINUTE);
    expect((await getInterviewScorecard(ana, { interviewId })).interview.startedAt).toBe(real.startedAt);
  });

  it('belongs to the panel: 403 off the panel, 404 from another organization, 422 for a bad id, 409 once cancelled', async () => {
    const interviewId = await interviewStartingIn(-5 * MINUTE);
    await expect(startInterview(outsider, { interviewId })).rejects.toBeInstanceOf(ForbiddenError);
    const { ctx: otherAdmin } = await createOrgWithAdmin(t.db);
    await expect(startInterview(otherAdmin, { interviewId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startInterview(ana, { interviewId: 'not-an-id' })).rejects.toBeInstanceOf(ValidationError);
    expect((await storedStart(interviewId)).startedAt).toBeNull();

    await cancelInterview(admin, { interviewId, revision: 0, reason: 'The candidate withdrew before the call.' });
    await expect(startInterview(ana, { interviewId })).rejects.toBeInstanceOf(InterviewCancelledError);
    expect((await storedStart(interviewId)).startedAt).toBeNull();
  });
});
