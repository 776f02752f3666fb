import 'server-only';
// Reads of openings and their interview loops.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { applications, candidates, interviews, kits, openingSkillWeights, openingStages, openings, skills, users } from '@/db/schema';
import { candidateLabelSql } from '../candidates/blind';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { parseId } from '../ids';
import type { Level } from '../questions/schemas';
import type { BlindReviewMode, OpeningStatus } from './schemas';

export async function listOpenings(ctx: Ctx) {
  requirePermission(ctx, 'opening:read');
  return ctx.db
    .select({ id: openings.id, title: openings.title, level: openings.level, status: openings.status, applications: count(applications.id) })
    .from(openings)
    .leftJoin(applications, and(eq(applications.openingId, openings.id), eq(applications.organizationId, ctx.organizationId)))
    .where(eq(openings.organizationId, ctx.organizationId))
    .groupBy(openings.id)
    .orderBy(desc(openings.createdAt));
}

export async function getOpening(ctx: Ctx, openingIdInput: unknown) {
  requirePermission(ctx, 'opening:read');
  const openingId = parseId('openingId', openingIdInput);
  const [opening] = await ctx.db.select().from(openings).where(and(eq(openings.id, openingId), eq(openings.organizationId, ctx.organizationId)));
  if (!opening) throw new NotFoundError('Opening');
  const stages = await ctx.db
    .select()
    .from(openingStages)
    .where(and(eq(openingStages.organizationId, ctx.organizationId), eq(openingStages.openingId, opening.id)))
    .orderBy(asc(openingStages.position));
  return { opening, stages };
}

/**
 * The opening page: loop with kit names, skill weights, the hiring manager, and the candidates
 * with their stage and their next scheduled interview.
 */
export async function getOpeningOverview(ctx: Ctx, openingIdInput: unknown) {
  const { opening, stages } = await getOpening(ctx, openingIdInput);
  const [kitRows, weights, apps, manager] = await Promise.all([
    ctx.db.select({ id: kits.id, name: kits.name }).from(kits).innerJoin(openingStages, eq(openingStages.kitId, kits.id)).where(eq(openingStages.openingId, opening.id)),
    ctx.db
      .select({ skillId: openingSkillWeights.skillId, weight: openingSkillWeights.weight, name: skills.name })
      .from(openingSkillWeights)
      .innerJoin(skills, eq(skills.id, openingSkillWeights.skillId))
      .where(and(eq(openingSkillWeights.organizationId, ctx.organizationId), eq(openingSkillWeights.openingId, opening.id)))
      .orderBy(desc(openingSkillWeights.weight), asc(skills.name)),
    ctx.db
      .select({
        id: applications.id,
        candidateId: candidates.id,
        candidateName: candidateLabelSql('candidate', ctx),
        stage: applications.stage,
        currentStageId: applications.currentStageId,
        currentStage: openingStages.name,
        appliedAt: applications.createdAt,
        nextInterviewAt: sql<string | null>`(select to_char(min(i.scheduled_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from interviews i
          where i.application_id = ${applications.id} and i.status = 'scheduled' and i.scheduled_at >= now())`,
      })
      .from(applications)
      .innerJoin(candidates, eq(candidates.id, applications.candidateId))
      .innerJoin(openings, eq(openings.id, applications.openingId))
      .leftJoin(openingStages, eq(openingStages.id, applications.currentStageId))
      .where(and(eq(applications.organizationId, ctx.organizationId), eq(applications.openingId, opening.id)))
      // By the label shown, so a blind list is not ordered by the names it hides.
      .orderBy(asc(candidateLabelSql('candidate', ctx))),
    opening.hiringManagerUserId
      ? ctx.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, opening.hiringManagerUserId)).then((rows) => rows[0] ?? null)
      : null,
  ]);
  const kitName = new Map(kitRows.map((k) => [k.id, k.name]));
  return { opening, stages: stages.map((s) => ({ ...s, kitName: s.kitId ? kitName.get(s.kitId) ?? null : null })), weights, applications: apps, hiringManager: manager ? (manager.name ?? manager.email) : null };
}

/** What the edit form starts from, and what a 409 returns as `current`: the opening as it is now. */
export interface OpeningEditState {
  id: string;
  revision: number;
  title: string;
  level: Level;
  status: OpeningStatus;
  description: string;
  hiringManagerUserId: string | null;
  blindReview: BlindReviewMode;
  /** In loop order; `interviews` counts every interview of the stage, cancelled ones included. */
  stages: { id: string; name: string; kitId: string | null; durationMinutes: number; interviews: number }[];
  weights: { skillId: string; name: string; weight: number }[];
}

export async function getOpeningForEdit(ctx: Ctx, openingIdInput: unknown): Promise<OpeningEditState> {
  const { opening, stages } = await getOpening(ctx, openingIdInput);
  const [counts, weights] = await Promise.all([
    ctx.db
      .select({ stageId: interviews.openingStageId, n: count() })
      .from(interviews)
      .innerJoin(openingStages, eq(openingStages.id, interviews.openingStageId))
      .where(and(eq(interviews.organizationId, ctx.organizationId), eq(openingStages.openingId, opening.id)))
      .groupBy(interviews.openingStageId),
    ctx.db
      .select({ skillId: openingSkillWeights.skillId, name: skills.name, weight: openingSkillWeights.weight })
      .from(openingSkillWeights)
      .innerJoin(skills, eq(skills.id, openingSkillWeights.skillId))
      .where(and(eq(openingSkillWeights.organizationId, ctx.organizationId), eq(openingSkillWeights.openingId, opening.id)))
      .orderBy(desc(openingSkillWeights.weight), asc(skills.name)),
  ]);
  const interviewsOf = new Map(counts.map((c) => [c.stageId, Number(c.n)]));
  return {
    id: opening.id,
    revision: opening.revision,
    title: opening.title,
    level: opening.level,
    status: opening.status,
    description: opening.description,
    hiringManagerUserId: opening.hiringManagerUserId,
    blindReview: opening.blindReview,
    stages: stages.map((s) => ({ id: s.id, name: s.name, kitId: s.kitId, durationMinutes: s.durationMinutes, interviews: interviewsOf.get(s.id) ?? 0 })),
    weights,
  };
}
