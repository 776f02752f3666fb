import 'server-only';
// Scheduling: one stage of an application's loop, a time, and a panel. The stage kit's latest
// published version is pinned now, so later kit edits never change this interview. Rescheduling
// and cancelling keep that pin; both lock the interview row first (scorecard writes take a key
// share lock on it before their own row), so neither can race a scorecard being submitted.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { applications, candidates, interviewPanelists, interviews, kitVersions, memberships, openingStages, openings, scorecards, users } from '@/db/schema';
import { recordAudit } from '../audit';
import { emitWebhookEvent } from '../webhooks/emit';
import { assertNotErased } from '../candidates/erasure';
import { queueFeedbackCompleteCheck } from '../notifications/feedback-complete';
import { notifyInterviewChange } from '../notifications/interviews';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { isLocalDateTime, isTimeZone, resolveLocalDateTime } from '../time';
import { parseInput } from '../validation';
import { withScoreAnalytics } from '@/db/analytics';
import { interviewQualificationWarning } from '../kits/qualifications';
import { panelRoleCounts } from '../scorecards/counted';
import { type InterviewSchedule, loadInterviewSchedule } from './queries';
import { CancelInterviewInput, type PanelRoleValue, RescheduleInterviewInput, ScheduleInterviewInput } from './schemas';

async function requireMembers(ctx: Ctx, userIds: string[]) {
  const members = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, ctx.organizationId), inArray(memberships.userId, userIds)));
  if (members.length !== userIds.length) throw ValidationError.field('panelUserIds', 'Choose interviewers from this organization');
}

/**
 * The panel's roles: every role must name a panelist, and someone must sit as an interviewer — a
 * panel of trainees alone would produce no card that counts.
 */
function panelRolesFor(panel: string[], roles: Record<string, PanelRoleValue> | undefined): Record<string, PanelRoleValue> {
  const given = roles ?? {};
  if (Object.keys(given).some((u) => !panel.includes(u))) throw ValidationError.field('panelRoles', 'Give roles only to members of the panel');
  const out = Object.fromEntries(panel.map((u) => [u, given[u] ?? 'interviewer'])) as Record<string, PanelRoleValue>;
  if (!Object.values(out).some(panelRoleCounts)) throw ValidationError.field('panelRoles', 'Put at least one panelist in the interviewer role: shadows’ feedback does not count');
  return out;
}

/**
 * Forms send the wall-clock time typed into a zone-less `datetime-local` field with the browser's
 * IANA zone (`timeZone`); API clients may send an instant with an offset instead. The offset is
 * the one in force on that date in that zone. Daylight saving: a time the clocks skip (02:30 in
 * Berlin on the last Sunday of March) is refused with a 422 naming the field — silently moving an
 * interview by an hour would send the panel to the wrong slot — and a time that happens twice
 * (02:30 on the last Sunday of October) is the first occurrence, the earlier instant, as RFC 5545
 * §3.3.5 reads it. Stored in UTC (timestamptz).
 */
function withScheduledInstant(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input) || !('timeZone' in input)) return input;
  const { timeZone, ...rest } = input as Record<string, unknown>;
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) throw ValidationError.field('timeZone', 'Use a time zone name such as Europe/Berlin');
  const local = rest.scheduledAt;
  // An instant that already carries its offset (or something that is no date) goes on to the schema as sent.
  if (typeof local !== 'string' || !isLocalDateTime(local)) return rest;
  const resolved = resolveLocalDateTime(local, timeZone);
  if (!resolved) throw ValidationError.field('scheduledAt', 'Enter a valid date and time');
  if (resolved.kind === 'skipped') {
    const [date, time] = local.trim().split('T') as [string, string];
    throw ValidationError.field('scheduledAt', `${time.slice(0, 5)} on ${date} does not exist in ${timeZone}: the clocks go forward an hour then. Choose another time`);
  }
  return { ...rest, scheduledAt: resolved.instant };
}

export async function scheduleInterview(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'interview:schedule');
  const data = parseInput(ScheduleInterviewInput, withScheduledInstant(input));
  return inTransaction(ctx, async ({ db }) => {
    const [application] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.id, data.applicationId), eq(applications.organizationId, ctx.organizationId)));
    if (!application) throw new NotFoundError('Application');
    const [candidate] = await db.select({ erasedAt: candidates.erasedAt }).from(candidates).where(eq(candidates.id, application.candidateId));
    assertNotErased(candidate!);
    if (application.stage !== 'active') throw ValidationError.field('applicationId', `This application is ${application.stage}; move it back to active to schedule interviews`);
    const [opening] = await db.select({ title: openings.title, status: openings.status }).from(openings).where(eq(openings.id, application.openingId));
    if (opening?.status === 'closed') throw ValidationError.field('applicationId', `${opening.title} is closed; reopen it to schedule interviews`);
    const [stage] = await db
      .select()
      .from(openingStages)
      .where(and(eq(openingStages.id, data.openingStageId), eq(openingStages.organizationId, ctx.organizationId), eq(openingStages.openingId, application.openingId)))
      // Shared lock: an opening edit removing this stage waits for us (and then sees the
      // interview), or we wait for it (and then find no stage).
      .for('share');
    if (!stage) throw ValidationError.field('openingStageId', 'Choose a stage of this opening’s loop');
    if (!stage.kitId) throw ValidationError.field('openingStageId', 'This stage has no kit');
    const [pinned] = await db
      .select({ id: kitVersions.id })
      .from(kitVersions)
      .where(and(eq(kitVersions.kitId, stage.kitId), eq(kitVersions.status, 'published')))
      .orderBy(desc(kitVersions.version))
      .limit(1);
    if (!pinned) throw ValidationError.field('openingStageId', 'The stage’s kit has no published version yet');
    const panel = [...new Set(data.panelUserIds)];
    await requireMembers({ ...ctx, db }, panel);
    const roles = panelRolesFor(panel, data.panelRoles);
    const [interview] = await db
      .insert(interviews)
      .values({
        organizationId: ctx.organizationId,
        applicationId: application.id,
        openingStageId: stage.id,
        kitVersionId: pinned.id,
        scheduledAt: data.scheduledAt,
        durationMinutes: data.durationMinutes,
        createdByUserId: ctx.userId,
      })
      .returning();
    await db.insert(interviewPanelists).values(panel.map((userId) => ({ organizationId: ctx.organizationId, interviewId: interview!.id, userId, role: roles[userId]! })));
    await db.update(applications).set({ currentStageId: stage.id, updatedAt: new Date() }).where(eq(applications.id, application.id));
    await recordAudit(db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'interview.scheduled',
      entityType: 'interview',
      entityId: interview!.id,
      data: { applicationId: application.id, stage: stage.name, kitVersionId: pinned.id, panel, panelRoles: roles },
    });
    await notifyInterviewChange(db, { organizationId: ctx.organizationId, interviewId: interview!.id, actorUserId: ctx.userId, invited: panel, moved: [], cancelled: [], removed: [] });
    await emitWebhookEvent(db, ctx.organizationId, 'interview.scheduled', {
      interviewId: interview!.id,
      applicationId: application.id,
      candidateId: application.candidateId,
      openingId: application.openingId,
      openingStageId: stage.id,
      kitVersionId: pinned.id,
      scheduledAt: data.scheduledAt.toISOString(),
      durationMinutes: data.durationMinutes,
      revision: interview!.revision,
      panelUserIds: panel,
    });
    const warning = await interviewQualificationWarning({ ...ctx, db }, pinned.id, panel, roles);
    return { interviewId: interview!.id, kitVersionId: pinned.id, warnings: warning ? [warning] : [] };
  });
}

/** Locks an interview of ctx's organization for a change and checks the revision the change is based on. */
async function lockForChange(ctx: Ctx, interviewId: string, revision: number) {
  const [interview] = await ctx.db
    .select()
    .from(interviews)
    .where(and(eq(interviews.id, interviewId), eq(interviews.organizationId, ctx.organizationId)))
    .for('update');
  if (!interview) throw new NotFoundError('Interview');
  if (interview.status === 'cancelled') throw new ConflictError('This interview was cancelled. Schedule a new one instead.', await loadInterviewSchedule(ctx, interview.id));
  if (interview.revision !== revision) {
    throw new ConflictError(
      `Someone else changed this interview (now revision ${interview.revision}) while you were editing revision ${revision}. Nothing was saved.`,
      await loadInterviewSchedule(ctx, interview.id),
    );
  }
  return interview;
}

/** Submitted scorecards of an interview, with their authors' names, optionally for some panelists only. */
async function submittedScorecards(ctx: Ctx, interviewId: string, userIds?: string[]) {
  if (userIds && !userIds.length) return [];
  return ctx.db
    .select({ userId: scorecards.interviewerUserId, name: users.name, email: users.email })
    .from(scorecards)
    .innerJoin(users, eq(users.id, scorecards.interviewerUserId))
    .where(
      and(
        eq(scorecards.organizationId, ctx.organizationId),
        eq(scorecards.interviewId, interviewId),
        eq(scorecards.status, 'submitted'),
        userIds ? inArray(scorecards.interviewerUserId, userIds) : undefined,
      ),
    );
}

const names = (rows: { name: string | null; email: string }[]) => rows.map((r) => r.name ?? r.email).join(', ');

/**
 * Moves an interview and changes its panel. The pinned kit version stays. Panelists who join
 * get their scorecard when they open the interview, as after scheduling; panelists who leave
 * take their draft scorecard with them; panelists who already submitted cannot leave.
 */
export async function rescheduleInterview(ctx: Ctx, input: unknown): Promise<InterviewSchedule> {
  requirePermission(ctx, 'interview:schedule');
  const data = parseInput(RescheduleInterviewInput, withScheduledInstant(input));
  return inTransaction(ctx, async (tx) => {
    const interview = await lockForChange(tx, data.interviewId, data.revision);
    const { panelUserIds: before, panelRoles: rolesBefore } = await loadInterviewSchedule(tx, interview.id);
    const panel = [...new Set(data.panelUserIds)];
    await requireMembers(tx, panel);
    // Roles not given keep their current value (a client that only moves the time keeps the roles).
    const roles = panelRolesFor(panel, { ...Object.fromEntries(Object.entries(rolesBefore).filter(([u]) => panel.includes(u))), ...data.panelRoles });
    const added = panel.filter((u) => !before.includes(u));
    const removed = before.filter((u) => !panel.includes(u));
    const roleChanged = panel.filter((u) => before.includes(u) && rolesBefore[u] !== roles[u]);
    const staying = await submittedScorecards(tx, interview.id, removed);
    if (staying.length) {
      throw ValidationError.field('panelUserIds', `${names(staying)} already submitted feedback for this interview and must stay on the panel`);
    }
    const moved = interview.scheduledAt.getTime() !== data.scheduledAt.getTime() || interview.durationMinutes !== data.durationMinutes;
    if (!moved && !added.length && !removed.length && !roleChanged.length) return loadInterviewSchedule(tx, interview.id);
    if (roleChanged.length) {
      // A submitted card moves into or out of the counted set with its author's role: the
      // application's running tallies are rebuilt around the change, in this transaction.
      await withScoreAnalytics(tx.db, interview.applicationId, async () => {
        for (const userId of roleChanged) {
          await tx.db.update(interviewPanelists).set({ role: roles[userId]! }).where(and(eq(interviewPanelists.interviewId, interview.id), eq(interviewPanelists.userId, userId)));
        }
      });
      // A seat that stops counting may have been the last one "all feedback is in" waited for.
      await queueFeedbackCompleteCheck(tx.db, interview.applicationId);
    }

    let discardedDrafts = 0;
    if (removed.length) {
      const scope = and(eq(scorecards.organizationId, ctx.organizationId), eq(scorecards.interviewId, interview.id), inArray(scorecards.interviewerUserId, removed));
      discardedDrafts = (await tx.db.delete(scorecards).where(and(scope, eq(scorecards.status, 'draft'))).returning({ id: scorecards.id })).length;
      await tx.db.delete(interviewPanelists).where(and(eq(interviewPanelists.interviewId, interview.id), inArray(interviewPanelists.userId, removed)));
    }
    if (added.length) await tx.db.insert(interviewPanelists).values(added.map((userId) => ({ organizationId: ctx.organizationId, interviewId: interview.id, userId, role: roles[userId]! })));
    const revision = interview.revision + 1;
    await tx.db
      .update(interviews)
      .set({ scheduledAt: data.scheduledAt, durationMinutes: data.durationMinutes, revision, updatedAt: new Date() })
      .where(eq(interviews.id, interview.id));
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'interview.rescheduled',
      entityType: 'interview',
      entityId: interview.id,
      data: {
        revision,
        applicationId: interview.applicationId,
        from: { scheduledAt: interview.scheduledAt.toISOString(), durationMinutes: interview.durationMinutes },
        to: { scheduledAt: data.scheduledAt.toISOString(), durationMinutes: data.durationMinutes },
        added,
        removed,
        roleChanges: Object.fromEntries(roleChanged.map((u) => [u, { from: rolesBefore[u], to: roles[u] }])),
        discardedDrafts,
      },
    });
    // Added panelists get the invite; those who stay hear of a new time only; those who left get a CANCEL.
    await notifyInterviewChange(tx.db, {
      organizationId: ctx.organizationId,
      interviewId: interview.id,
      actorUserId: ctx.userId,
      invited: added,
      moved: moved ? panel.filter((u) => before.includes(u)) : [],
      cancelled: [],
      removed,
    });
    await emitWebhookEvent(tx.db, ctx.organizationId, 'interview.rescheduled', {
      interviewId: interview.id,
      applicationId: interview.applicationId,
      openingStageId: interview.openingStageId,
      scheduledAt: data.scheduledAt.toISOString(),
      durationMinutes: data.durationMinutes,
      previousScheduledAt: interview.scheduledAt.toISOString(),
      revision,
      panelUserIds: panel,
    });
    return loadInterviewSchedule(tx, interview.id);
  });
}

/**
 * Cancels an interview, with a reason. An interview with submitted feedback took place and
 * cannot be cancelled. Draft scorecards are kept but inert: nobody can edit or submit them
 * any more (lib/scorecards/mutations.ts), and drafts never count anywhere.
 */
export async function cancelInterview(ctx: Ctx, input: unknown): Promise<InterviewSchedule> {
  requirePermission(ctx, 'interview:schedule');
  const data = parseInput(CancelInterviewInput, input);
  return inTransaction(ctx, async (tx) => {
    const interview = await lockForChange(tx, data.interviewId, data.revision);
    const submitted = await submittedScorecards(tx, interview.id);
    if (submitted.length) {
      throw new ConflictError(`${names(submitted)} already submitted feedback for this interview, so it took place and can’t be cancelled.`, await loadInterviewSchedule(tx, interview.id));
    }
    const revision = interview.revision + 1;
    await tx.db.update(interviews).set({ status: 'cancelled', cancellationReason: data.reason, revision, updatedAt: new Date() }).where(eq(interviews.id, interview.id));
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'interview.cancelled',
      entityType: 'interview',
      entityId: interview.id,
      // The reason is free text that may name the candidate: it lives on the interview, which erasure clears, not in the append-only log.
      data: { revision, applicationId: interview.applicationId, scheduledAt: interview.scheduledAt.toISOString() },
    });
    const { panelUserIds } = await loadInterviewSchedule(tx, interview.id);
    await notifyInterviewChange(tx.db, { organizationId: ctx.organizationId, interviewId: interview.id, actorUserId: ctx.userId, invited: [], moved: [], cancelled: panelUserIds, removed: [] });
    // Not the reason: free text that may name the candidate.
    await emitWebhookEvent(tx.db, ctx.organizationId, 'interview.cancelled', {
      interviewId: interview.id,
      applicationId: interview.applicationId,
      openingStageId: interview.openingStageId,
      scheduledAt: interview.scheduledAt.toISOString(),
      revision,
    });
    return loadInterviewSchedule(tx, interview.id);
  });
}
