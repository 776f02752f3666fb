import 'server-only';
// Scheduling: one stage of an application's loop, a time, and a panel. The stage kit's latest
// published version is pinned now, so later kit edits never change this interview.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { applications, interviewPanelists, interviews, kitVersions, memberships, openingStages } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { ScheduleInterviewInput } from './schemas';

export async function scheduleInterview(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'interview:schedule');
  const data = parseInput(ScheduleInterviewInput, input);
  return inTransaction(ctx, async ({ db }) => {
    const [application] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.id, data.applicationId), eq(applications.organizationId, ctx.organizationId)));
    if (!application) throw new NotFoundError('Application');
    const [stage] = await db
      .select()
      .from(openingStages)
      .where(and(eq(openingStages.id, data.openingStageId), eq(openingStages.organizationId, ctx.organizationId), eq(openingStages.openingId, application.openingId)));
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
    const members = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, ctx.organizationId), inArray(memberships.userId, panel)));
    if (members.length !== panel.length) throw ValidationError.field('panelUserIds', 'Choose interviewers from this organization');
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
    await db.insert(interviewPanelists).values(panel.map((userId) => ({ organizationId: ctx.organizationId, interviewId: interview!.id, userId })));
    await db.update(applications).set({ currentStageId: stage.id, updatedAt: new Date() }).where(eq(applications.id, application.id));
    await recordAudit(db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'interview.scheduled',
      entityType: 'interview',
      entityId: interview!.id,
      data: { applicationId: application.id, stage: stage.name, kitVersionId: pinned.id, panel },
    });
    return { interviewId: interview!.id, kitVersionId: pinned.id };
  });
}
