// The derived interview status (lib/interviews/status.ts) and the loop overview built on it:
// the SQL expression and the TypeScript function agree on every interview at every instant that
// matters; the overview's filters, pagination and overdue counts; tenant isolation (another
// organization's opening or interviewer in a filter is a 404, its interviews are never listed);
// permissions (an interviewer is refused); and an interview whose cards are all in leaves
// "upcoming".
//
// Fixture (Loop Co, one kit, openings Backend and Data; panel members Ivy, Jon, Kim):
//   future      Backend, in 3 days, panel Ivy               — scheduled
//   owedOld     Backend, ended 2 days ago, Ivy submitted, Jon draft — awaiting, overdue (Jon)
//   owedFresh   Backend, ended 2 h ago, Ivy + Jon + Kim, nothing in — awaiting, not overdue
//   early       Backend, under way, Ivy + Jon both submitted — complete before its end
//   moved       Backend, Kim submitted, then moved to in 5 days — complete, never upcoming again
//   cancelled   Backend, cancelled
//   erased      Data, ended 3 h ago, Jon submitted, Kim had not; candidate erased (erasure keeps an
//               interview with submitted feedback) — complete, nobody owes, shows the pseudonym
//   ancient     Data, 10 days ago, Kim owes — overdue, outside the default window
//   farAhead    Data, in 20 days, panel Jon — outside the default window
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { interviews } from '@/db/schema';
import { eraseCandidate } from '@/lib/candidates/erasure';
import type { Ctx } from '@/lib/context';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { cancelInterview, rescheduleInterview } from '@/lib/interviews/mutations';
import { listInterviewOverview, summarizeOverdueFeedback } from '@/lib/interviews/overview';
import { getInterviewProgress, groupMyInterviews, summarizeMyInterviews } from '@/lib/interviews/queries';
import { deriveInterviewState, interviewStateColumns, interviewStateSql } from '@/lib/interviews/status';
import { queryRows } from '@/lib/sql';
import { dayBoundsInZone } from '@/lib/time';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';
import { createApplicant, createInterview, createOpeningWithStages, createPublishedKit, fillScorecard, skillIdsBySlug, submitFilledScorecard } from './support/interview-factories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t = setupTestDatabase({ seedBuiltin: true });
let admin: Ctx;
let recruiter: Ctx;
let manager: Ctx;
let ivy: Ctx;
let jon: Ctx;
let kim: Ctx;
let other: Ctx; // another organization's admin
let otherInterviewId: string;
let otherOpeningId: string;
let backend: { openingId: string; stageIds: string[] };
let data: { openingId: string; stageIds: string[] };
let ratings: Record<string, 3>;
const ids = { future: '', owedOld: '', owedFresh: '', early: '', moved: '', cancelled: '', erased: '', ancient: '', farAhead: '' };
let erasedCandidateId = '';

async function interviewOn(opening: { openingId: string; stageIds: string[] }, panel: Ctx[], startsInMs: number) {
  const { applicationId, candidateId } = await createApplicant(admin, opening.openingId);
  return { interviewId: await createInterview(admin, { applicationId, stageId: opening.stageIds[0]!, panel, startsInMs }), candidateId };
}

/** A window around the fixture wide enough for everything. */
const everything = { from: new Date(Date.now() - 30 * DAY).toISOString(), to: new Date(Date.now() + 30 * DAY).toISOString() };

beforeAll(async () => {
  const org = await createOrgWithAdmin(t.db, 'Loop Co');
  admin = org.ctx;
  recruiter = (await addMember(t.db, admin.organizationId, 'recruiter')).ctx;
  manager = (await addMember(t.db, admin.organizationId, 'hiring_manager')).ctx;
  [ivy, jon, kim] = await Promise.all(['interviewer', 'interviewer', 'interviewer'].map(async () => (await addMember(t.db, admin.organizationId, 'interviewer')).ctx)) as [Ctx, Ctx, Ctx];
  for (const [ctx, name] of [[ivy, 'Ivy Interviewer'], [jon, 'Jon Interviewer'], [kim, 'Kim Interviewer']] as const) {
    await t.db.execute(sql`update users set name = ${name} where id = ${ctx.userId}`);
  }
  const skillId = (await skillIdsBySlug(t.db))['sql-databases']!;
  ratings = { [skillId]: 3 };
  const kitId = await createPublishedKit(admin, [{ skillId, weight: 100 }]);
  backend = await createOpeningWithStages(admin, kitId, ['Technical']);
  data = await createOpeningWithStages(admin, kitId, ['Systems']);

  ids.future = (await interviewOn(backend, [ivy], 3 * DAY)).interviewId;
  ids.owedOld = (await interviewOn(backend, [ivy, jon], -2 * DAY - HOUR)).interviewId;
  await submitFilledScorecard(ivy, ids.owedOld, ratings);
  await fillScorecard(jon, ids.owedOld, ratings);
  ids.owedFresh = (await interviewOn(backend, [ivy, jon, kim], -3 * HOUR)).interviewId;
  ids.early = (await interviewOn(backend, [ivy, jon], -10 * 60_000)).interviewId;
  await submitFilledScorecard(ivy, ids.early, ratings);
  await submitFilledScorecard(jon, ids.early, ratings);
  ids.moved = (await interviewOn(backend, [kim], -5 * 60_000)).interviewId;
  await submitFilledScorecard(kim, ids.moved, ratings);
  await rescheduleInterview(admin, { interviewId: ids.moved, revision: 0, scheduledAt: new Date(Date.now() + 5 * DAY).toISOString(), durationMinutes: 60, panelUserIds: [kim.userId] });
  ids.cancelled = (await interviewOn(backend, [ivy], DAY)).interviewId;
  await cancelInterview(admin, { interviewId: ids.cancelled, revision: 0, reason: 'Candidate withdrew' });
  const erased = await interviewOn(data, [jon, kim], -4 * HOUR);
  ids.erased = erased.interviewId;
  await submitFilledScorecard(jon, ids.erased, ratings);
  erasedCandidateId = erased.candidateId;
  await eraseCandidate(admin, { candidateId: erasedCandidateId, confirmation: 'erase' });
  ids.ancient = (await interviewOn(data, [kim], -10 * DAY)).interviewId;
  ids.farAhead = (await interviewOn(data, [jon], 20 * DAY)).interviewId;

  const otherOrg = await createOrgWithAdmin(t.db, 'Other Co');
  other = otherOrg.ctx;
  const otherSkill = (await skillIdsBySlug(t.db))['sql-databases']!;
  const otherKit = await createPublishedKit(other, [{ skillId: otherSkill, weight: 100 }]);
  const otherOpening = await createOpeningWithStages(other, otherKit, ['Screen']);
  otherOpeningId = otherOpening.openingId;
  const { applicationId } = await createApplicant(other, otherOpening.openingId);
  otherInterviewId = await createInterview(other, { applicationId, stageId: otherOpening.stageIds[0]!, panel: [other], startsInMs: -2 * DAY });
});

describe('the status rule: SQL and TypeScript agree', () => {
  it('on every interview, at instants before, at and after each boundary', async () => {
    // A cancelled interview with a submitted card cannot be made through the domain (cancelling
    // refuses it); old data may hold one, so the rule must still say cancelled.
    await t.db.update(interviews).set({ status: 'cancelled' }).where(eq(interviews.id, ids.early));
    try {
      const columns = interviewStateColumns('i', 'c');
      const base = Date.now();
      const instants = [-30 * DAY, -10 * DAY - 1, -3 * DAY, -2 * DAY, -HOUR, -1, 0, 1, HOUR, 2 * DAY, 30 * DAY].map((d) => new Date(base + d));
      const rows = await queryRows<{ id: string; scheduled_at: string; duration_minutes: number; status: string; panel: number; submitted: number; erased: boolean }>(
        t.db,
        sql`select i.id, i.scheduled_at::text, i.duration_minutes, i.status, ${columns.panelSize} as panel, ${columns.submittedCount} as submitted, ${columns.candidateErased} as erased
            from interviews i join applications a on a.id = i.application_id join candidates c on c.id = a.candidate_id where i.organization_id = ${admin.organizationId}`,
      );
      expect(rows).toHaveLength(9);
      // Every instant, plus each interview's own start and end exactly.
      const seen = new Set<string>();
      for (const row of rows) {
        const start = new Date(row.scheduled_at);
        const own = [start, new Date(start.getTime() + row.duration_minutes * 60_000), new Date(start.getTime() - 1)];
        for (const now of [...instants, ...own]) {
          const [fromSql] = await queryRows<{ state: string }>(
            t.db,
            sql`select ${interviewStateSql(columns, now)} as state from interviews i join applications a on a.id = i.application_id join candidates c on c.id = a.candidate_id where i.id = ${row.id}`,
          );
          const fromTs = deriveInterviewState(
            { storedStatus: row.status, scheduledAt: start, durationMinutes: row.duration_minutes, panelSize: Number(row.panel), submittedCount: Number(row.submitted), candidateErased: Boolean(row.erased) },
            now,
          );
          expect({ id: row.id, now: now.toISOString(), state: fromSql!.state }).toEqual({ id: row.id, now: now.toISOString(), state: fromTs });
          seen.add(fromTs);
        }
      }
      expect([...seen].sort()).toEqual(['awaiting_feedback', 'cancelled', 'complete', 'in_progress', 'scheduled']);
    } finally {
      await t.db.update(interviews).set({ status: 'scheduled' }).where(eq(interviews.id, ids.early));
    }
  });

  it('derives each fixture interview’s state now', async () => {
    const { rows } = await listInterviewOverview(admin, everything);
    const state = Object.fromEntries(rows.map((r) => [r.id, r.state]));
    expect(state).toEqual({
      [ids.future]: 'scheduled',
      [ids.owedOld]: 'awaiting_feedback',
      [ids.owedFresh]: 'awaiting_feedback',
      [ids.early]: 'complete',
      [ids.moved]: 'complete',
      [ids.cancelled]: 'cancelled',
      [ids.erased]: 'complete',
      [ids.ancient]: 'awaiting_feedback',
      [ids.farAhead]: 'scheduled',
    });
  });
});

describe('listInterviewOverview', () => {
  it('lists the default window (past 7 days to next 14) by time, with panel cards and who owes since when', async () => {
    const { rows, range, nextCursor } = await listInterviewOverview(recruiter, {});
    expect(rows.map((r) => r.id)).toEqual([ids.owedOld, ids.erased, ids.owedFresh, ids.early, ids.cancelled, ids.future, ids.moved]);
    expect(nextCursor).toBeNull();
    expect(range.to!.getTime() - range.from!.getTime()).toBe(21 * DAY);
    const owedOld = rows.find((r) => r.id === ids.owedOld)!;
    expect(owedOld.panel.map((p) => [p.name, p.card, p.owes])).toEqual([
      ['Ivy Interviewer', 'submitted', false],
      ['Jon Interviewer', 'draft', true],
    ]);
    expect(owedOld.overdue).toBe(true);
    expect(owedOld.owedSince!.getTime()).toBe(owedOld.scheduledAt.getTime() + 60 * 60_000);
    const fresh = rows.find((r) => r.id === ids.owedFresh)!;
    expect(fresh.overdue).toBe(false);
    expect(fresh.panel.map((p) => [p.card, p.owes])).toEqual([
      ['not_started', true],
      ['not_started', true],
      ['not_started', true],
    ]);
    // The erased candidate is listed under the pseudonym; nobody owes anything about them.
    const erased = rows.find((r) => r.id === ids.erased)!;
    expect(erased.candidate).toEqual({ id: erasedCandidateId, name: expect.stringMatching(/^Erased candidate [0-9A-F]{4}$/), erased: true });
    expect(erased.panel.map((p) => [p.name, p.card, p.owes])).toEqual([
      ['Jon Interviewer', 'submitted', false],
      ['Kim Interviewer', 'not_started', false],
    ]);
    expect(rows.find((r) => r.id === ids.early)!.owedSince).toBeNull();
  });

  it('filters by status, opening, interviewer and overdue, on the server', async () => {
    const list = async (filters: Record<string, string>) => (await listInterviewOverview(manager, { ...everything, ...filters })).rows.map((r) => r.id);
    expect(await list({ status: 'awaiting_feedback' })).toEqual([ids.ancient, ids.owedOld, ids.owedFresh]);
    expect(await list({ status: 'complete' })).toEqual([ids.erased, ids.early, ids.moved]);
    expect(await list({ status: 'cancelled' })).toEqual([ids.cancelled]);
    expect(await list({ openingId: data.openingId })).toEqual([ids.ancient, ids.erased, ids.farAhead]);
    expect(await list({ interviewerId: jon.userId })).toEqual([ids.owedOld, ids.erased, ids.owedFresh, ids.early, ids.farAhead]);
    expect(await list({ overdue: '1' })).toEqual([ids.ancient, ids.owedOld]);
    // An interviewer and "overdue only": the interviews on which that person's own card is overdue.
    expect(await list({ overdue: '1', interviewerId: jon.userId })).toEqual([ids.owedOld]);
    expect(await list({ overdue: '1', interviewerId: ivy.userId })).toEqual([]);
    expect(await list({ overdue: 'true', openingId: data.openingId })).toEqual([ids.ancient]);
  });

  it('"overdue only" without dates reaches past the default window', async () => {
    const { rows, range } = await listInterviewOverview(admin, { overdue: '1' });
    expect(rows.map((r) => r.id)).toEqual([ids.ancient, ids.owedOld]);
    expect(range).toEqual({ from: null, to: null });
  });

  it('takes days in the viewer’s time zone and groups rows by their day there', async () => {
    const start = (await t.db.select({ at: interviews.scheduledAt }).from(interviews).where(eq(interviews.id, ids.future)))[0]!.at;
    for (const timeZone of ['Pacific/Kiritimati', 'America/Adak']) {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(start);
      const { rows } = await listInterviewOverview(admin, { from: day, to: day, timeZone });
      expect(rows.map((r) => [r.id, r.day])).toContainEqual([ids.future, day]);
      for (const r of rows) expect(r.day).toBe(day);
    }
  });

  it('pages with a cursor, in order, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await listInterviewOverview(admin, { ...everything, limit: 2, cursor });
      expect(result.rows.length).toBeLessThanOrEqual(2);
      seen.push(...result.rows.map((r) => r.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    const all = (await listInterviewOverview(admin, everything)).rows.map((r) => r.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(9);
  });

  it('refuses bad filters with a 422 naming the field', async () => {
    const fields = async (filters: Record<string, unknown>) => {
      const error = await listInterviewOverview(admin, filters).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return Object.keys((error as ValidationError).fieldErrors);
    };
    expect(await fields({ status: 'done' })).toEqual(['status']);
    expect(await fields({ from: 'yesterday' })).toEqual(['from']);
    expect(await fields({ from: '2026-02-30' })).toEqual(['from']);
    expect(await fields({ from: '2026-11-20', to: '2026-11-10' })).toEqual(['to']);
    expect(await fields({ from: '2025-01-01', to: '2026-12-31' })).toEqual(['to']);
    expect(await fields({ openingId: 'x' })).toEqual(['openingId']);
    expect(await fields({ interviewerId: '1' })).toEqual(['interviewerId']);
    expect(await fields({ limit: '0' })).toEqual(['limit']);
    expect(await fields({ cursor: 'abc' })).toEqual(['cursor']);
    expect(await fields({ timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
  });
});

describe('tenant isolation and permissions', () => {
  it('never lists another organization’s interviews; its ids in a filter are a 404', async () => {
    const mine = (await listInterviewOverview(admin, everything)).rows.map((r) => r.id);
    expect(mine).not.toContain(otherInterviewId);
    const theirs = (await listInterviewOverview(other, everything)).rows.map((r) => r.id);
    expect(theirs).toEqual([otherInterviewId]);
    await expect(listInterviewOverview(admin, { openingId: otherOpeningId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listInterviewOverview(admin, { interviewerId: other.userId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listInterviewOverview(other, { interviewerId: jon.userId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await summarizeOverdueFeedback(other)).worst.map((w) => w.interviewId)).toEqual([otherInterviewId]);
    await expect(getInterviewProgress(other, ids.owedOld)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses an interviewer (no interview:read_all)', async () => {
    await expect(listInterviewOverview(ivy, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(summarizeOverdueFeedback(ivy)).rejects.toBeInstanceOf(ForbiddenError);
    // The interview's own progress: its panel may read it, another interviewer may not.
    expect(await getInterviewProgress(jon, ids.owedOld)).toMatchObject({ state: 'awaiting_feedback', panelSize: 2, submittedCount: 1 });
    await expect(getInterviewProgress(kim, ids.owedOld)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getInterviewProgress(recruiter, ids.early)).toMatchObject({ state: 'complete', panelSize: 2, submittedCount: 2 });
  });
});

describe('overdue feedback on the home page', () => {
  it('counts overdue cards (one per panelist and interview) and names the oldest first', async () => {
    const summary = await summarizeOverdueFeedback(recruiter);
    expect({ cards: summary.cards, interviews: summary.interviews }).toEqual({ cards: 2, interviews: 2 });
    expect(summary.worst.map((w) => [w.interviewId, w.userId, w.interviewer])).toEqual([
      [ids.ancient, kim.userId, 'Kim Interviewer'],
      [ids.owedOld, jon.userId, 'Jon Interviewer'],
    ]);
    expect(summary.worst[0]!.owedSince.getTime()).toBeLessThan(Date.now() - 9 * DAY);
    // The overview's "overdue only" shows the same cards.
    const { rows } = await listInterviewOverview(recruiter, { overdue: '1' });
    expect(rows.flatMap((r) => r.panel.filter((p) => p.owes)).length).toBe(summary.cards);
  });
});

describe('My interviews with the derived state', () => {
  it('an interview whose cards are all in leaves "upcoming", even when it lies ahead', async () => {
    const kimGroups = await groupMyInterviews(kim);
    expect(kimGroups.upcoming.map((i) => i.id)).not.toContain(ids.moved);
    expect(kimGroups.done.map((i) => i.id)).toContain(ids.moved);
    expect(kimGroups.owed.map((i) => i.id)).toContain(ids.ancient);
    // Nothing is owed about the erased candidate.
    expect((await summarizeMyInterviews(kim)).owed.map((i) => i.id)).toEqual([ids.ancient, ids.owedFresh]);
    const ivyHome = await summarizeMyInterviews(ivy);
    expect(ivyHome.upcoming.map((i) => i.id)).toEqual([ids.future]);
    expect(ivyHome.upcoming.map((i) => i.id)).not.toContain(ids.early);
    expect((await summarizeMyInterviews(jon)).upcoming.map((i) => i.id)).toEqual([ids.farAhead]);
  });
  it('"Today" is the viewer’s day, and holds an interview that started before midnight and still runs', async () => {
    const nia = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
    // Berlin's midnight a day or more ahead, so every interview below can be scheduled.
    const midnight = dayBoundsInZone(new Date(Date.now() + 2 * DAY), 'Europe/Berlin').start.getTime();
    const at = (ms: number) => ms - Date.now();
    const acrossMidnight = (await interviewOn(backend, [nia], at(midnight - 30 * 60_000))).interviewId;
    const evening = (await interviewOn(backend, [nia], at(midnight + 20 * HOUR))).interviewId;
    const lastNight = (await interviewOn(backend, [nia], at(midnight - 3 * HOUR))).interviewId;
    const now = new Date(midnight + 10 * 60_000);

    const berlin = await groupMyInterviews(nia, now, 'Europe/Berlin');
    expect(berlin.today.map((i) => i.id)).toEqual([acrossMidnight, evening]);
    expect(berlin.today[0]!.state).toBe('in_progress');
    expect(berlin.owed.map((i) => i.id)).toEqual([lastNight]);
    expect(berlin.upcoming).toEqual([]);
    // Seven or eight hours further east it is already morning: the evening interview is tomorrow there.
    const tokyo = await groupMyInterviews(nia, now, 'Asia/Tokyo');
    expect(tokyo.today.map((i) => i.id)).toEqual([lastNight, acrossMidnight]);
    expect(tokyo.upcoming.map((i) => i.id)).toEqual([evening]);
    expect(tokyo.owed).toEqual([]);
  });
});
