import 'server-only';
// Reads of candidates and their applications.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { applications, auditEvents, type Candidate, candidates, interviewPanelists, interviews, openingStages, openings, scorecards, users } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { canSeeOthersFeedback } from '../scorecards/visibility';
import { parseId } from '../ids';
import { INTERVIEW_STATE_LABELS, interviewStateColumns, interviewStateSql } from '../interviews/status';

export async function listCandidates(ctx: Ctx) {
  requirePermission(ctx, 'candidate:read');
  return ctx.db
    .select({
      id: candidates.id,
      name: candidates.name,
      email: candidates.email,
      opening: openings.title,
      stage: applications.stage,
    })
    .from(candidates)
    .leftJoin(applications, and(eq(applications.candidateId, candidates.id), eq(applications.organizationId, ctx.organizationId)))
    .leftJoin(openings, eq(openings.id, applications.openingId))
    .where(eq(candidates.organizationId, ctx.organizationId))
    .orderBy(desc(candidates.createdAt));
}

/** A candidate's editable details with the revision an edit must be based on (also a 409's `current`). */
export interface CandidateDetails {
  id: string;
  revision: number;
  name: string;
  email: string;
  phone: string | null;
  location: string | null;
  source: string | null;
  notes: string;
  updatedAt: string;
}

export function toCandidateDetails(c: Candidate): CandidateDetails {
  return { id: c.id, revision: c.revision, name: c.name, email: c.email, phone: c.phone, location: c.location, source: c.source, notes: c.notes, updatedAt: c.updatedAt.toISOString() };
}

export async function getCandidateDetails(ctx: Ctx, candidateIdInput: unknown): Promise<CandidateDetails> {
  return toCandidateDetails((await getCandidate(ctx, candidateIdInput)).candidate);
}

export async function getCandidate(ctx: Ctx, candidateIdInput: unknown) {
  requirePermission(ctx, 'candidate:read');
  const candidateId = parseId('candidateId', candidateIdInput);
  const [candidate] = await ctx.db.select().from(candidates).where(and(eq(candidates.id, candidateId), eq(candidates.organizationId, ctx.organizationId)));
  if (!candidate) throw new NotFoundError('Candidate');
  const apps = await ctx.db
    .select()
    .from(applications)
    .where(and(eq(applications.organizationId, ctx.organizationId), eq(applications.candidateId, candidate.id)));
  return { candidate, applications: apps };
}

/** Everything the candidate page shows: applications with their loop, and interviews with panels. */
export async function getCandidateProfile(ctx: Ctx, candidateIdInput: unknown) {
  const { candidate, applications: apps } = await getCandidate(ctx, candidateIdInput);
  const openingIds = apps.map((a) => a.openingId);
  const [openingRows, stageRows, interviewRows] = await Promise.all([
    openingIds.length ? ctx.db.select().from(openings).where(and(eq(openings.organizationId, ctx.organizationId), inArray(openings.id, openingIds))) : [],
    openingIds.length ? ctx.db.select().from(openingStages).where(and(eq(openingStages.organizationId, ctx.organizationId), inArray(openingStages.openingId, openingIds))).orderBy(asc(openingStages.position)) : [],
    apps.length
      ? ctx.db
          .select({
            interview: interviews,
            stageName: openingStages.name,
            // The state people mean (scheduled … complete), derived from time and the panel's cards.
            state: interviewStateSql({ ...interviewStateColumns(), candidateErased: sql`${candidate.erasedAt !== null}` }),
          })
          .from(interviews)
          .leftJoin(openingStages, eq(openingStages.id, interviews.openingStageId))
          .where(and(eq(interviews.organizationId, ctx.organizationId), inArray(interviews.applicationId, apps.map((a) => a.id))))
          .orderBy(asc(interviews.scheduledAt))
      : [],
  ]);
  const panelRows = interviewRows.length
    ? await ctx.db
        .select({ interviewId: interviewPanelists.interviewId, userId: interviewPanelists.userId, name: users.name, email: users.email })
        .from(interviewPanelists)
        .innerJoin(users, eq(users.id, interviewPanelists.userId))
        .where(inArray(interviewPanelists.interviewId, interviewRows.map((r) => r.interview.id)))
    : [];
  return {
    candidate,
    applications: apps.map((a) => ({
      ...a,
      opening: openingRows.find((o) => o.id === a.openingId)!,
      stages: stageRows.filter((s) => s.openingId === a.openingId),
      interviews: interviewRows
        .filter((r) => r.interview.applicationId === a.id)
        .map((r) => {
          const panel = panelRows.filter((p) => p.interviewId === r.interview.id);
          return { ...r.interview, state: r.state, stageName: r.stageName, panel: panel.map((p) => p.name ?? p.email), panelUserIds: panel.map((p) => p.userId) };
        }),
    })),
  };
}

export interface TimelineEvent {
  at: Date;
  kind: 'added' | 'applied' | 'moved' | 'interview' | 'rescheduled' | 'cancelled' | 'feedback';
  text: string;
}

/**
 * The candidate's history, newest first: added, applied, stage moves, reschedules and
 * cancellations (from the audit log), interviews, and submitted feedback — the latter only where the independent-scoring rule lets
 * the viewer see it (their own, or everyone's once visible).
 */
export async function getCandidateTimeline(ctx: Ctx, candidateIdInput: unknown): Promise<TimelineEvent[]> {
  const profile = await getCandidateProfile(ctx, candidateIdInput);
  const othersFeedbackVisible = await canSeeOthersFeedback(ctx, profile.candidate.id);
  const appIds = profile.applications.map((a) => a.id);
  const titleOf = new Map(profile.applications.map((a) => [a.id, a.opening.title]));
  const events: TimelineEvent[] = [{ at: profile.candidate.createdAt, kind: 'added', text: 'Added as a candidate' }];
  for (const a of profile.applications) {
    events.push({ at: a.createdAt, kind: 'applied', text: `Applied to ${a.opening.title}` });
    for (const i of a.interviews) events.push({ at: i.scheduledAt, kind: 'interview', text: `${i.stageName ?? 'Interview'} for ${a.opening.title} with ${i.panel.join(', ')} (${INTERVIEW_STATE_LABELS[i.state].toLowerCase()})` });
  }
  if (appIds.length) {
    const moves = await ctx.db
      .select({ at: auditEvents.createdAt, entityId: auditEvents.entityId, data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, ctx.organizationId), eq(auditEvents.action, 'application.moved'), inArray(auditEvents.entityId, appIds)));
    for (const m of moves) events.push({ at: m.at, kind: 'moved', text: `Moved from ${String(m.data.from)} to ${String(m.data.to)} for ${titleOf.get(m.entityId ?? '') ?? 'an opening'}` });
    const interviewIds = profile.applications.flatMap((a) => a.interviews.map((i) => i.id));
    if (interviewIds.length) {
      const reasonOf = new Map(profile.applications.flatMap((a) => a.interviews.map((i) => [i.id, i.cancellationReason] as const)));
      const labelOf = new Map(profile.applications.flatMap((a) => a.interviews.map((i) => [i.id, `${i.stageName ?? 'Interview'} for ${a.opening.title}`] as const)));
      const changes = await ctx.db
        .select({ at: auditEvents.createdAt, action: auditEvents.action, entityId: auditEvents.entityId, data: auditEvents.data })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.organizationId, ctx.organizationId),
            eq(auditEvents.entityType, 'interview'),
            inArray(auditEvents.action, ['interview.rescheduled', 'interview.cancelled']),
            inArray(auditEvents.entityId, interviewIds),
          ),
        );
      for (const c of changes) {
        const label = labelOf.get(c.entityId ?? '') ?? 'Interview';
        if (c.action === 'interview.cancelled') {
          const reason = reasonOf.get(c.entityId ?? '');
          events.push({ at: c.at, kind: 'cancelled', text: reason ? `${label} cancelled: ${reason}` : `${label} cancelled` });
        } else events.push({ at: c.at, kind: 'rescheduled', text: `${label} rescheduled` });
      }
      const cards = await ctx.db
        .select({ at: scorecards.submittedAt, interviewer: scorecards.interviewerUserId, name: users.name, email: users.email, recommendation: scorecards.recommendation })
        .from(scorecards)
        .innerJoin(users, eq(users.id, scorecards.interviewerUserId))
        .where(and(eq(scorecards.organizationId, ctx.organizationId), eq(scorecards.status, 'submitted'), inArray(scorecards.interviewId, interviewIds)));
      for (const c of cards) {
        if (!c.at || (c.interviewer !== ctx.userId && !othersFeedbackVisible)) continue;
        events.push({ at: c.at, kind: 'feedback', text: `${c.name ?? c.email} submitted feedback (${c.recommendation?.replace('_', ' ')})` });
      }
    }
  }
  return events.sort((a, b) => b.at.getTime() - a.at.getTime());
}
