// Notifications (lib/notifications): iCalendar invites on schedule → reschedule → cancel (parsed
// back with ical.js; UID, SEQUENCE, METHOD, times across Europe/Berlin's DST changes), panel
// changes, preferences, a rolled-back schedule sending nothing, feedback reminders on a controlled
// clock, "all feedback is in" once per completion, the in-app list's tenant isolation, and
// exactly-once delivery with two queue workers.
import { and, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { feedbackCompletions, feedbackReminders, interviews, mailOutbox, notifications, openings, organizations, users } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { cancelInterview, rescheduleInterview, scheduleInterview } from '@/lib/interviews/mutations';
import { startJobQueue } from '@/lib/jobs/runner';
import { adoptBrowserTimeZone, markAllNotificationsRead, markNotificationRead, updateNotificationSettings, updateReminderSettings } from '@/lib/notifications/mutations';
import { countUnreadNotifications, getNotificationSettings, listNotifications } from '@/lib/notifications/queries';
import { queueFeedbackCompleteCheck } from '@/lib/notifications/feedback-complete';
import { sendDueFeedbackReminders } from '@/lib/notifications/reminders';
import { reopenScorecard, submitScorecard } from '@/lib/scorecards/mutations';
import { queryRows } from '@/lib/sql';
import { localDateTimeToInstant } from '@/lib/time';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';
import { createApplicant, createInterview, createOpeningWithStages, createPublishedKit, fillScorecard, skillIdsBySlug, submitFilledScorecard } from './support/interview-factories';
import { deliverQueuedMail } from './support/mail';
import { mailsTo, notificationsOf, parseInvite, runFeedbackCompleteChecks } from './support/notifications';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const t = setupTestDatabase({ seedBuiltin: true });

let admin: Ctx;
let rita: Ctx; // recruiter who schedules
let hank: Ctx; // the opening's hiring manager
let paul: Ctx;
let petra: Ctx;
let ivan: Ctx;
const emails: Record<string, string> = {};
let openingId: string;
let stageId: string;
let kitName: string;
let ratings: Record<string, 3>;

async function person(ctx: Ctx, name: string, email: string, timeZone: string | null) {
  await t.db.update(users).set({ name, timeZone }).where(eq(users.id, ctx.userId));
  emails[name] = email;
}

async function newApplicant() {
  return createApplicant(rita, openingId);
}

const berlin = (local: string) => new Date(localDateTimeToInstant(local, 'Europe/Berlin')!);

beforeAll(async () => {
  ({ ctx: admin } = await createOrgWithAdmin(t.db, 'Notify Co'));
  const r = await addMember(t.db, admin.organizationId, 'recruiter');
  const h = await addMember(t.db, admin.organizationId, 'hiring_manager');
  const p = await addMember(t.db, admin.organizationId, 'interviewer');
  const q = await addMember(t.db, admin.organizationId, 'interviewer');
  const i = await addMember(t.db, admin.organizationId, 'interviewer');
  [rita, hank, paul, petra, ivan] = [r.ctx, h.ctx, p.ctx, q.ctx, i.ctx];
  await person(rita, 'Rita Recruiter', r.email, 'Europe/London');
  await person(hank, 'Hank Manager', h.email, 'Europe/Berlin');
  await person(paul, 'Paul Panel', p.email, 'Europe/Berlin');
  await person(petra, 'Petra Panel', q.email, 'America/New_York');
  await person(ivan, 'Ivan Panel', i.email, null);
  const skillIds = await skillIdsBySlug(t.db);
  const skillId = Object.values(skillIds)[0]!;
  ratings = { [skillId]: 3 };
  const kitId = await createPublishedKit(admin, [{ skillId, weight: 1 }]);
  const opening = await createOpeningWithStages(admin, kitId, ['Technical']);
  openingId = opening.openingId;
  stageId = opening.stageIds[0]!;
  await t.db.update(openings).set({ hiringManagerUserId: hank.userId }).where(eq(openings.id, openingId));
  const [kit] = await queryRows<{ name: string }>(t.db, sql`select name from kits where id = ${kitId}`);
  kitName = kit!.name;
});

describe('interview invites', () => {
  it('sends REQUEST, REQUEST and CANCEL with one UID, a rising SEQUENCE and the right times across both DST changes', async () => {
    const { applicationId, candidateId } = await newApplicant();
    const [candidate] = await queryRows<{ email: string; name: string }>(t.db, sql`select email, name from candidates where id = ${candidateId}`);
    // Last Sunday of March 2027: Berlin springs forward at 02:00, so 10:00 is CEST (UTC+2).
    const march = berlin('2027-03-28T10:00');
    expect(march.toISOString()).toBe('2027-03-28T08:00:00.000Z');
    const { interviewId } = await scheduleInterview(rita, { applicationId, openingStageId: stageId, scheduledAt: march.toISOString(), durationMinutes: 60, panelUserIds: [paul.userId, petra.userId] });

    const [scheduled] = await mailsTo(t.db, emails['Paul Panel']!, 'interview_invite');
    const request = parseInvite(scheduled!.calendar);
    expect(request).toMatchObject({ method: 'REQUEST', uid: `interview-${interviewId}@localhost`, sequence: 0, status: 'CONFIRMED' });
    expect(request.start.toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(request.end.toISOString()).toBe('2027-03-28T09:00:00.000Z');
    // Shown in Paul's zone (Berlin) in the description; Petra (New York) reads her own wall clock.
    expect(request.description).toContain('Sun, 28 Mar 2027, 10:00–11:00 (Europe/Berlin, GMT+2)');
    expect(request.description).toContain(`Interview kit: ${kitName}`);
    expect(request.description).toContain(`http://localhost:3000/interviews/${interviewId}`);
    expect(request.summary).toContain(candidate!.name);
    expect(request.summary).not.toContain(candidate!.email);
    expect(request.organizer.toLowerCase()).toBe(`mailto:${emails['Rita Recruiter']!.toLowerCase()}`);
    expect(request.attendees.map((a) => a.toLowerCase())).toEqual([`mailto:${emails['Paul Panel']!.toLowerCase()}`]);
    expect(scheduled!.subject).toContain('Interview invite');
    expect(scheduled!.body).not.toContain(candidate!.email);
    const [petraMail] = await mailsTo(t.db, emails['Petra Panel']!, 'interview_invite');
    expect(parseInvite(petraMail!.calendar).description).toContain('Sun, 28 Mar 2027, 04:00–05:00 (America/New_York, GMT-4)');

    // Last Sunday of October 2027: Berlin falls back at 03:00, so 10:00 is CET (UTC+1).
    const october = berlin('2027-10-31T10:00');
    expect(october.toISOString()).toBe('2027-10-31T09:00:00.000Z');
    await rescheduleInterview(rita, { interviewId, revision: 0, scheduledAt: october.toISOString(), durationMinutes: 45, panelUserIds: [paul.userId, petra.userId] });
    const [, moved] = await mailsTo(t.db, emails['Paul Panel']!, 'interview_invite');
    const update = parseInvite(moved!.calendar);
    expect(update).toMatchObject({ method: 'REQUEST', uid: request.uid, sequence: 1 });
    expect(update.start.toISOString()).toBe('2027-10-31T09:00:00.000Z');
    expect(update.end.toISOString()).toBe('2027-10-31T09:45:00.000Z');
    expect(update.description).toContain('Sun, 31 Oct 2027, 10:00–10:45 (Europe/Berlin, GMT+1)');
    expect(moved!.subject).toContain('Interview moved');

    await cancelInterview(rita, { interviewId, revision: 1, reason: 'Candidate withdrew' });
    const [, , cancelled] = await mailsTo(t.db, emails['Paul Panel']!, 'interview_invite');
    expect(parseInvite(cancelled!.calendar)).toMatchObject({ method: 'CANCEL', uid: request.uid, sequence: 2, status: 'CANCELLED' });
    expect(await mailsTo(t.db, emails['Petra Panel']!, 'interview_invite')).toHaveLength(3);

    expect((await notificationsOf(t.db, paul.userId, { interviewId })).map((n) => n.kind).sort()).toEqual(['interview_cancelled', 'interview_rescheduled', 'interview_scheduled']);
  });

  it('on a panel change sends CANCEL to who left, REQUEST to who joined, nothing to who stayed when the time did not move', async () => {
    const { applicationId } = await newApplicant();
    const interviewId = await createInterview(rita, { applicationId, stageId, panel: [paul, petra], startsInMs: 3 * 24 * HOUR });
    await deliverQueuedMail(t.db);
    const before = { paul: (await mailsTo(t.db, emails['Paul Panel']!)).length, petra: (await mailsTo(t.db, emails['Petra Panel']!)).length };
    const [row] = await t.db.select().from(interviews).where(eq(interviews.id, interviewId));
    await rescheduleInterview(rita, { interviewId, revision: 0, scheduledAt: row!.scheduledAt.toISOString(), durationMinutes: 60, panelUserIds: [paul.userId, ivan.userId] });

    const petraMails = await mailsTo(t.db, emails['Petra Panel']!);
    expect(petraMails).toHaveLength(before.petra + 1);
    expect(parseInvite(petraMails.at(-1)!.calendar)).toMatchObject({ method: 'CANCEL', sequence: 1, uid: `interview-${interviewId}@localhost` });
    const ivanMails = await mailsTo(t.db, emails['Ivan Panel']!);
    const ivanInvite = parseInvite(ivanMails.at(-1)!.calendar);
    expect(ivanInvite).toMatchObject({ method: 'REQUEST', sequence: 1 });
    // Ivan has no zone yet: his description names UTC.
    expect(ivanInvite.description).toMatch(/\d\d:\d\d–\d\d:\d\d \(UTC\)/);
    expect(await mailsTo(t.db, emails['Paul Panel']!)).toHaveLength(before.paul);
    expect((await notificationsOf(t.db, petra.userId, { interviewId })).map((n) => n.kind)).toEqual(['interview_scheduled', 'interview_cancelled']);
  });

  it('a schedule that rolls back queues no mail and leaves no notification', async () => {
    const { applicationId } = await newApplicant();
    const jobsBefore = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from pgboss.job where name = 'mail.send'`);
    await expect(
      t.db.transaction(async (tx) => {
        await scheduleInterview({ ...rita, db: tx }, { applicationId, openingStageId: stageId, scheduledAt: new Date(Date.now() + HOUR).toISOString(), durationMinutes: 60, panelUserIds: [paul.userId] });
        throw new Error('the caller fails after scheduling');
      }),
    ).rejects.toThrow('the caller fails');
    const jobsAfter = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from pgboss.job where name = 'mail.send'`);
    expect(Number(jobsAfter[0]!.n)).toBe(Number(jobsBefore[0]!.n));
    expect(await t.db.select().from(notifications).where(eq(notifications.applicationId, applicationId))).toEqual([]);
  });

  it('honours e-mail preferences: the in-app notification comes, the e-mail does not', async () => {
    await updateNotificationSettings(petra, { timeZone: 'America/New_York', interview_invites: false, feedback_reminders: 'on', feedback_complete: 'on', outcome_reminders: 'on' });
    expect((await getNotificationSettings(petra)).email).toEqual({ interview_invites: false, feedback_reminders: true, feedback_complete: true, outcome_reminders: true });
    try {
      const { applicationId } = await newApplicant();
      const before = (await mailsTo(t.db, emails['Petra Panel']!)).length;
      const interviewId = await createInterview(rita, { applicationId, stageId, panel: [petra, paul], startsInMs: 2 * 24 * HOUR });
      expect(await mailsTo(t.db, emails['Petra Panel']!)).toHaveLength(before);
      expect((await notificationsOf(t.db, petra.userId, { interviewId })).map((n) => n.kind)).toEqual(['interview_scheduled']);
      expect((await mailsTo(t.db, emails['Paul Panel']!)).at(-1)!.subject).toContain('Interview invite');
    } finally {
      await updateNotificationSettings(petra, { timeZone: 'America/New_York', interview_invites: 'on', feedback_reminders: 'on', feedback_complete: 'on' });
    }
  });
});

describe('in-app list, time zone and settings', () => {
  it('lists the own notifications newest first, counts unread, marks one and all read; another organization’s is a 404', async () => {
    const { applicationId } = await newApplicant();
    const interviewId = await createInterview(rita, { applicationId, stageId, panel: [ivan], startsInMs: 24 * HOUR });
    const list = await listNotifications(ivan);
    expect(list[0]).toMatchObject({ kind: 'interview_scheduled', interviewId, href: `/interviews/${interviewId}`, stage: 'Technical', readAt: null });
    const unread = await countUnreadNotifications(ivan);
    expect(unread).toBeGreaterThanOrEqual(1);
    await markNotificationRead(ivan, { notificationId: list[0]!.id });
    expect(await countUnreadNotifications(ivan)).toBe(unread - 1);

    const { ctx: outsider } = await createOrgWithAdmin(t.db);
    await expect(markNotificationRead(outsider, { notificationId: list[1]?.id ?? list[0]!.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await listNotifications(outsider)).toEqual([]);
    // Someone else in the same organization cannot mark Ivan's either.
    await expect(markNotificationRead(paul, { notificationId: list[0]!.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(markNotificationRead(ivan, { notificationId: 'nope' })).rejects.toBeInstanceOf(ValidationError);

    expect(await markAllNotificationsRead(ivan)).toBe(unread - 1);
    expect(await countUnreadNotifications(ivan)).toBe(0);
  });

  it('takes the browser’s zone once, validates zones against Intl and keeps a chosen one', async () => {
    const { ctx: newcomer } = await addMember(t.db, admin.organizationId, 'interviewer');
    expect((await getNotificationSettings(newcomer)).timeZone).toBeNull();
    expect(await adoptBrowserTimeZone(newcomer, { timeZone: 'Asia/Tokyo' })).toBe(true);
    expect(await adoptBrowserTimeZone(newcomer, { timeZone: 'Europe/Paris' })).toBe(false);
    expect((await getNotificationSettings(newcomer)).timeZone).toBe('Asia/Tokyo');
    const bad = await updateNotificationSettings(newcomer, { timeZone: 'Mars/Olympus_Mons', interview_invites: 'on' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).fieldErrors).toHaveProperty('timeZone');
    expect((await getNotificationSettings(newcomer)).timeZone).toBe('Asia/Tokyo');
    await updateNotificationSettings(newcomer, { timeZone: 'Europe/Berlin', interview_invites: 'on' });
    expect(await getNotificationSettings(newcomer)).toEqual({ timeZone: 'Europe/Berlin', email: { interview_invites: true, feedback_reminders: false, feedback_complete: false, outcome_reminders: false } });
  });

  it('reminder settings need org:manage and valid numbers', async () => {
    await expect(updateReminderSettings(rita, { feedbackRemindersEnabled: 'on', feedbackReminderFirstMinutes: 60, feedbackReminderLimit: 10 })).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await updateReminderSettings(admin, { feedbackRemindersEnabled: 'on', feedbackReminderFirstMinutes: -5, feedbackReminderLimit: 0 }).catch((e: unknown) => e);
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(['feedbackReminderFirstMinutes', 'feedbackReminderLimit']);
    const [org] = await t.db.select().from(organizations).where(eq(organizations.id, admin.organizationId));
    expect(org).toMatchObject({ feedbackRemindersEnabled: true, feedbackReminderFirstMinutes: 60, feedbackReminderLimit: 10 });
  });
});

describe('feedback reminders', () => {
  async function remindersFor(interviewId: string, userId: string) {
    return (await t.db.select().from(feedbackReminders).where(and(eq(feedbackReminders.interviewId, interviewId), eq(feedbackReminders.userId, userId)))).map((r) => r.sequence).sort();
  }

  it('first one an hour after the end, then every 24 h up to the limit, stopping at submission', async () => {
    await updateReminderSettings(admin, { feedbackRemindersEnabled: 'on', feedbackReminderFirstMinutes: 60, feedbackReminderLimit: 3 });
    const { applicationId } = await newApplicant();
    const interviewId = await createInterview(rita, { applicationId, stageId, panel: [paul, petra], startsInMs: -2 * HOUR });
    const [row] = await t.db.select().from(interviews).where(eq(interviews.id, interviewId));
    const end = row!.scheduledAt.getTime() + 60 * MINUTE;
    const at = (ms: number) => new Date(end + ms);

    await sendDueFeedbackReminders(t.db, at(59 * MINUTE));
    expect(await remindersFor(interviewId, paul.userId)).toEqual([]);
    await sendDueFeedbackReminders(t.db, at(60 * MINUTE));
    expect(await remindersFor(interviewId, paul.userId)).toEqual([1]);
    expect(await remindersFor(interviewId, petra.userId)).toEqual([1]);
    // The same sweep again, or a second instance's: nothing twice.
    await sendDueFeedbackReminders(t.db, at(61 * MINUTE));
    expect(await remindersFor(interviewId, paul.userId)).toEqual([1]);
    const reminderMails = (await mailsTo(t.db, emails['Paul Panel']!, 'feedback_reminder')).filter((m) => m.body.includes(`/interviews/${interviewId}`));
    expect(reminderMails).toHaveLength(1);
    expect(reminderMails[0]!.body).toContain('Reminder 1 of at most 3');

    await sendDueFeedbackReminders(t.db, at(60 * MINUTE + 23 * HOUR));
    expect(await remindersFor(interviewId, paul.userId)).toEqual([1]);
    await sendDueFeedbackReminders(t.db, at(60 * MINUTE + 24 * HOUR));
    expect(await remindersFor(interviewId, paul.userId)).toEqual([1, 2]);

    // Petra submits: her reminders stop; Paul's go on to the limit and no further.
    await submitFilledScorecard(petra, interviewId, ratings);
    for (const day of [2, 3, 4, 5]) await sendDueFeedbackReminders(t.db, at(60 * MINUTE + day * 24 * HOUR));
    expect(await remindersFor(interviewId, petra.userId)).toEqual([1, 2]);
    expect(await remindersFor(interviewId, paul.userId)).toEqual([1, 2, 3]);
    expect((await notificationsOf(t.db, paul.userId, { interviewId })).filter((n) => n.kind === 'feedback_reminder')).toHaveLength(3);
  });

  it('sends nothing when the organization turned reminders off, for cancelled interviews, or to those who opted out of the e-mail', async () => {
    const { applicationId } = await newApplicant();
    const interviewId = await createInterview(rita, { applicationId, stageId, panel: [ivan], startsInMs: -3 * HOUR });
    const { applicationId: other } = await newApplicant();
    const cancelledId = await createInterview(rita, { applicationId: other, stageId, panel: [ivan], startsInMs: -3 * HOUR });
    await cancelInterview(rita, { interviewId: cancelledId, revision: 0, reason: 'No show' });
    const now = new Date(Date.now());

    await updateReminderSettings(admin, { feedbackRemindersEnabled: false, feedbackReminderFirstMinutes: 60, feedbackReminderLimit: 10 });
    await sendDueFeedbackReminders(t.db, now);
    expect(await remindersFor(interviewId, ivan.userId)).toEqual([]);

    await updateReminderSettings(admin, { feedbackRemindersEnabled: 'on', feedbackReminderFirstMinutes: 60, feedbackReminderLimit: 10 });
    await updateNotificationSettings(ivan, { timeZone: 'UTC', interview_invites: 'on', feedback_reminders: false, feedback_complete: 'on' });
    const mailsBefore = (await mailsTo(t.db, emails['Ivan Panel']!, 'feedback_reminder')).length;
    await sendDueFeedbackReminders(t.db, now);
    expect(await remindersFor(interviewId, ivan.userId)).toEqual([1]);
    expect(await remindersFor(cancelledId, ivan.userId)).toEqual([]);
    expect(await mailsTo(t.db, emails['Ivan Panel']!, 'feedback_reminder')).toHaveLength(mailsBefore);
    expect((await notificationsOf(t.db, ivan.userId, { interviewId })).map((n) => n.kind)).toContain('feedback_reminder');
  });
});

describe('all feedback is in', () => {
  it('tells the hiring manager and the scheduler once, linking to the debrief; a reopened card submitted again tells them again', async () => {
    const { applicationId } = await newApplicant();
    const interviewId = await createInterview(rita, { applicationId, stageId, panel: [paul, petra], startsInMs: -2 * HOUR });
    await submitFilledScorecard(paul, interviewId, ratings);
    await runFeedbackCompleteChecks(t.db);
    expect(await notificationsOf(t.db, hank.userId, { applicationId })).toEqual([]);

    const petraCard = await submitFilledScorecard(petra, interviewId, ratings);
    await runFeedbackCompleteChecks(t.db);
    for (const lead of [hank, rita]) expect((await notificationsOf(t.db, lead.userId, { applicationId })).map((n) => n.kind)).toEqual(['feedback_complete']);
    // The panelists are not told: they are not leading the decision.
    expect((await notificationsOf(t.db, paul.userId, { applicationId })).map((n) => n.kind)).not.toContain('feedback_complete');
    const hankMail = (await mailsTo(t.db, emails['Hank Manager']!, 'feedback_complete')).filter((m) => m.body.includes(applicationId));
    expect(hankMail).toHaveLength(1);
    expect(hankMail[0]!.body).toContain(`http://localhost:3000/applications/${applicationId}/debrief`);
    expect((await listNotifications(hank)).find((n) => n.applicationId === applicationId)?.href).toBe(`/applications/${applicationId}/debrief`);

    // The same completion checked again (a retried job): nothing new.
    await queueFeedbackCompleteCheck(t.db, applicationId);
    await runFeedbackCompleteChecks(t.db);
    expect(await t.db.select().from(feedbackCompletions).where(eq(feedbackCompletions.applicationId, applicationId))).toHaveLength(1);

    // Reopened and submitted again: the feedback changed, so it is a new completion.
    await reopenScorecard(admin, { scorecardId: petraCard, reason: 'Rated the wrong skill' });
    const [card] = await queryRows<{ revision: number }>(t.db, sql`select revision from scorecards where id = ${petraCard}`);
    await submitScorecard(petra, { scorecardId: petraCard, baseRevision: Number(card!.revision) });
    await runFeedbackCompleteChecks(t.db);
    expect((await notificationsOf(t.db, hank.userId, { applicationId })).map((n) => n.kind)).toEqual(['feedback_complete', 'feedback_complete']);
  });

  it('waits for every started interview of the application, and ignores ones not yet started', async () => {
    const { applicationId } = await newApplicant();
    const first = await createInterview(rita, { applicationId, stageId, panel: [paul], startsInMs: -3 * HOUR });
    const second = await createInterview(rita, { applicationId, stageId, panel: [petra], startsInMs: -2 * HOUR });
    await createInterview(rita, { applicationId, stageId, panel: [ivan], startsInMs: 5 * 24 * HOUR });
    await submitFilledScorecard(paul, first, ratings);
    await fillScorecard(petra, second, ratings);
    await runFeedbackCompleteChecks(t.db);
    expect(await notificationsOf(t.db, hank.userId, { applicationId })).toEqual([]);
    await submitFilledScorecard(petra, second, ratings);
    await runFeedbackCompleteChecks(t.db);
    expect((await notificationsOf(t.db, hank.userId, { applicationId })).map((n) => n.kind)).toEqual(['feedback_complete']);
  });
});

describe('two queue workers', () => {
  const running: PgBoss[] = [];
  afterEach(async () => {
    while (running.length) await running.pop()!.stop({ graceful: false, wait: true });
  });

  it('deliver each invite, reminder and "all feedback is in" e-mail exactly once', async () => {
    // Settle what earlier tests queued, so the workers only see this test's jobs.
    await deliverQueuedMail(t.db);
    await runFeedbackCompleteChecks(t.db);
    await updateReminderSettings(admin, { feedbackRemindersEnabled: 'on', feedbackReminderFirstMinutes: 0, feedbackReminderLimit: 10 });
    const { ctx: lead } = await addMember(t.db, admin.organizationId, 'hiring_manager');
    const { ctx: one, email: oneEmail } = await addMember(t.db, admin.organizationId, 'interviewer');
    const { ctx: two, email: twoEmail } = await addMember(t.db, admin.organizationId, 'interviewer');
    const [leadRow] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, lead.userId));
    const { applicationId } = await newApplicant();
    await t.db.update(openings).set({ hiringManagerUserId: lead.userId }).where(eq(openings.id, openingId));

    for (let i = 0; i < 2; i++) running.push(await startJobQueue(t.connection, { pollingIntervalSeconds: 0.5, schedule: false }));
    // Two invites (schedule), then the ended interview's reminders swept by both workers at once.
    const interviewId = await createInterview(rita, { applicationId, stageId, panel: [one, two], startsInMs: -2 * HOUR });
    await Promise.all(running.map((boss) => boss.send('notifications.feedback-reminders', {})));
    await Promise.all([sendDueFeedbackReminders(t.db, new Date()), sendDueFeedbackReminders(t.db, new Date())]);
    // Both cards submitted: two checks queued, each worker may take one.
    await submitFilledScorecard(one, interviewId, ratings);
    await submitFilledScorecard(two, interviewId, ratings);

    const count = async (to: string, kind: string) => (await t.db.select().from(mailOutbox).where(and(eq(mailOutbox.recipient, to), eq(mailOutbox.kind, kind)))).filter((m) => m.body.includes(interviewId) || m.body.includes(applicationId)).length;
    await vi.waitFor(
      async () => {
        const states = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from pgboss.job where name in ('mail.send', 'notifications.feedback-complete', 'notifications.feedback-reminders') and state not in ('completed')`);
        expect(Number(states[0]!.n)).toBe(0);
        expect(await count(leadRow!.email, 'feedback_complete')).toBe(1);
      },
      { timeout: 30_000, interval: 250 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const to of [oneEmail, twoEmail]) {
      expect(await count(to, 'interview_invite')).toBe(1);
      expect(await count(to, 'feedback_reminder')).toBe(1);
    }
    expect(await count(leadRow!.email, 'feedback_complete')).toBe(1);
    expect(await t.db.select().from(feedbackCompletions).where(eq(feedbackCompletions.applicationId, applicationId))).toHaveLength(1);
    await t.db.update(openings).set({ hiringManagerUserId: hank.userId }).where(eq(openings.id, openingId));
  }, 60_000);
});
