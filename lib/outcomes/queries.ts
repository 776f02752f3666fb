import 'server-only';
// Reads of one hired application's post-hire outcomes, for the panel on its debrief page. These
// are an individual's performance ratings: only those who may record them read them (outcome:record,
// or the opening's hiring manager); everyone else sees outcomes only as validity aggregates.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { applications, openings, openingSkillWeights, postHireOutcomeSkillRatings, postHireOutcomes, skills, users } from '@/db/schema';
import { can, type Ctx } from '../context';
import { ForbiddenError, NotFoundError } from '../errors';
import { queryRows } from '../sql';
import { parseInput } from '../validation';
import { checkpointDueSql, checkpointValuesSql, hiredAtSql } from './checkpoints';
import { ApplicationOutcomesInput, type CheckpointStatus, checkpointStatus, type OutcomeCheckpoint } from './schemas';

export interface RecordedOutcome {
  id: string;
  overallRating: number;
  stillEmployed: boolean;
  skillRatings: Record<string, number>;
  revision: number;
  recordedBy: string | null;
  recordedAt: string;
}

export interface CheckpointView {
  checkpoint: OutcomeCheckpoint;
  dueAt: string;
  status: CheckpointStatus;
  outcome: RecordedOutcome | null;
}

export interface ApplicationOutcomes {
  applicationId: string;
  /** Null unless the application is hired now: then there are no checkpoints. */
  hiredAt: string | null;
  /** The skills the opening weighs: what the per-skill outcome ratings are about. */
  skills: { id: string; name: string }[];
  checkpoints: CheckpointView[];
}

/** Loads the application in ctx's organization and checks ctx may record (and so read) its outcomes. */
export async function requireOutcomeAccess(ctx: Ctx, applicationId: string, options: { lock?: boolean } = {}) {
  const query = ctx.db
    .select({ id: applications.id, stage: applications.stage, openingId: applications.openingId, candidateId: applications.candidateId, hiringManagerUserId: openings.hiringManagerUserId })
    .from(applications)
    .innerJoin(openings, eq(openings.id, applications.openingId))
    .where(and(eq(applications.id, applicationId), eq(applications.organizationId, ctx.organizationId)));
  const [application] = options.lock ? await query.for('update', { of: applications }) : await query;
  if (!application) throw new NotFoundError('Application');
  if (!mayRecordOutcomes(ctx, application.hiringManagerUserId)) throw new ForbiddenError('Only hiring managers, admins and the opening’s hiring manager record post-hire outcomes.');
  return application;
}

/** The rule as the UI asks it: outcome:record, or being the opening's hiring manager (like decisions). */
export function mayRecordOutcomes(ctx: Ctx, hiringManagerUserId: string | null): boolean {
  return can(ctx, 'outcome:record') || (hiringManagerUserId !== null && hiringManagerUserId === ctx.userId);
}

/** Each checkpoint's due date for the application (none unless hired), from the one SQL definition. */
export async function checkpointDueDates(ctx: Ctx, applicationId: string): Promise<{ hiredAt: Date | null; due: Map<OutcomeCheckpoint, Date> }> {
  const rows = await queryRows<{ hired_at: Date | string | null; checkpoint: OutcomeCheckpoint; due_at: Date | string | null }>(
    ctx.db,
    sql`select ${hiredAtSql('a')} as hired_at, cp.checkpoint, ${checkpointDueSql(hiredAtSql('a'), sql`cp.checkpoint`)} as due_at
        from applications a cross join ${checkpointValuesSql()}
        where a.id = ${applicationId} and a.organization_id = ${ctx.organizationId}`,
  );
  const hiredAt = rows[0]?.hired_at ? new Date(rows[0].hired_at) : null;
  const due = new Map<OutcomeCheckpoint, Date>();
  for (const r of rows) if (r.due_at) due.set(r.checkpoint, new Date(r.due_at));
  return { hiredAt, due };
}

export async function getApplicationOutcomes(ctx: Ctx, input: unknown, now = new Date()): Promise<ApplicationOutcomes> {
  const { applicationId } = parseInput(ApplicationOutcomesInput, input);
  const application = await requireOutcomeAccess(ctx, applicationId);
  const { hiredAt, due } = await checkpointDueDates(ctx, applicationId);
  const [weighted, recorded, skillRows] = await Promise.all([
    ctx.db
      .select({ id: skills.id, name: skills.name })
      .from(openingSkillWeights)
      .innerJoin(skills, eq(skills.id, openingSkillWeights.skillId))
      .where(and(eq(openingSkillWeights.organizationId, ctx.organizationId), eq(openingSkillWeights.openingId, application.openingId)))
      .orderBy(asc(skills.name)),
    ctx.db
      .select({ o: postHireOutcomes, name: users.name, email: users.email })
      .from(postHireOutcomes)
      .leftJoin(users, eq(users.id, postHireOutcomes.recordedByUserId))
      .where(and(eq(postHireOutcomes.organizationId, ctx.organizationId), eq(postHireOutcomes.applicationId, applicationId))),
    ctx.db
      .select({ outcomeId: postHireOutcomeSkillRatings.outcomeId, skillId: postHireOutcomeSkillRatings.skillId, rating: postHireOutcomeSkillRatings.rating })
      .from(postHireOutcomeSkillRatings)
      .innerJoin(postHireOutcomes, eq(postHireOutcomes.id, postHireOutcomeSkillRatings.outcomeId))
      .where(and(eq(postHireOutcomeSkillRatings.organizationId, ctx.organizationId), eq(postHireOutcomes.applicationId, applicationId))),
  ]);
  const checkpoints: CheckpointView[] = [];
  for (const [checkpoint, dueAt] of due) {
    const row = recorded.find((r) => r.o.checkpoint === checkpoint);
    const outcome: RecordedOutcome | null = row
      ? {
          id: row.o.id,
          overallRating: row.o.overallRating,
          stillEmployed: row.o.stillEmployed,
          skillRatings: Object.fromEntries(skillRows.filter((s) => s.outcomeId === row.o.id).map((s) => [s.skillId, s.rating])),
          revision: row.o.revision,
          recordedBy: row.name ?? row.email ?? null,
          recordedAt: row.o.recordedAt.toISOString(),
        }
      : null;
    checkpoints.push({ checkpoint, dueAt: dueAt.toISOString(), status: checkpointStatus(dueAt, Boolean(outcome), now), outcome });
  }
  return { applicationId, hiredAt: application.stage === 'hired' && hiredAt ? hiredAt.toISOString() : null, skills: weighted, checkpoints };
}

export interface ExportedOutcome {
  applicationId: string;
  checkpoint: OutcomeCheckpoint;
  overallRating: number;
  stillEmployed: boolean;
  skillRatings: { skill: string; rating: number }[];
  recordedAt: string;
  recordedBy: string | null;
}

/**
 * The post-hire outcomes of these applications, for the person's subject-access export (the
 * caller checks candidate:export_personal_data): performance ratings are data about them.
 */
export async function listOutcomesForExport(ctx: Ctx, applicationIds: string[]): Promise<ExportedOutcome[]> {
  if (!applicationIds.length) return [];
  const rows = await ctx.db
    .select({ o: postHireOutcomes, name: users.name, email: users.email })
    .from(postHireOutcomes)
    .leftJoin(users, eq(users.id, postHireOutcomes.recordedByUserId))
    .where(and(eq(postHireOutcomes.organizationId, ctx.organizationId), inArray(postHireOutcomes.applicationId, applicationIds)))
    .orderBy(asc(postHireOutcomes.recordedAt));
  const ratings = rows.length
    ? await ctx.db
        .select({ outcomeId: postHireOutcomeSkillRatings.outcomeId, skill: skills.name, rating: postHireOutcomeSkillRatings.rating })
        .from(postHireOutcomeSkillRatings)
        .innerJoin(skills, eq(skills.id, postHireOutcomeSkillRatings.skillId))
        .where(and(eq(postHireOutcomeSkillRatings.organizationId, ctx.organizationId), inArray(postHireOutcomeSkillRatings.outcomeId, rows.map((r) => r.o.id))))
        .orderBy(asc(skills.name))
    : [];
  return rows.map(({ o, name, email }) => ({
    applicationId: o.applicationId,
    checkpoint: o.checkpoint,
    overallRating: o.overallRating,
    stillEmployed: o.stillEmployed,
    skillRatings: ratings.filter((r) => r.outcomeId === o.id).map(({ skill, rating }) => ({ skill, rating })),
    recordedAt: o.recordedAt.toISOString(),
    recordedBy: name ?? email ?? null,
  }));
}
