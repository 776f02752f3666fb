import 'server-only';
// Reads of candidates and their applications.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { applications, auditEvents, type Candidate, candidates, interviewPanelists, interviews, kitVersions, openingStages, openings, scorecards, users } from '@/db/schema';
import { type BlindView, candidateBlindCodeSql, hidingModes, loadBlindViews, loadCandidateBlindCode, textFor } from './blind';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { and as sqlAnd, queryRows } from '../sql';
import { parseInput } from '../validation';
import { type APPLICATION_STAGES, type CandidateSort, ListCandidatesInput } from './schemas';
import { canSeeOthersFeedback } from '../scorecards/visibility';
import { parseId } from '../ids';
import { INTERVIEW_STATE_LABELS, interviewStateColumns, interviewStateSql } from '../interviews/status';
import { PANEL_ROLE_LABELS, panelQualificationWarning } from '../interviews/schemas';
import { qualifiedUserIdsByKit } from '../kits/qualifications';

type ApplicationStage = (typeof APPLICATION_STAGES)[number];

/** One application as the candidates list shows it beside the person. */
export interface CandidateListApplication {
  id: string;
  openingId: string;
  openingTitle: string;
  stage: ApplicationStage;
  loopStage: string | null;
}

export interface CandidateListRow {
  id: string;
  /** Under blind review (lib/candidates/blind.ts) the code of an application, and no e-mail. */
  name: string;
  email: string | null;
  blind: boolean;
  erased: boolean;
  createdAt: string;
  applications: CandidateListApplication[];
}

export interface CandidateListPage {
  rows: CandidateListRow[];
  /** Candidates matching the search and filters, on every page together. */
  total: number;
  /** Pass back as `cursor` for the page after this one; null on the last page. */
  nextCursor: string | null;
}

/**
 * What the trigram index candidates_search_trgm_idx holds (db/schema/candidates.ts); the search
 * must use this very expression or the planner falls back to reading every candidate.
 */
const CANDIDATE_SEARCH_TEXT = sql`lower(c.name || ' ' || c.email)`;

/** A term as a LIKE pattern matching it anywhere, with its own % and _ taken literally. */
const containing = (term: string) => `%${term.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

// Keyset pagination: each sort's key, in the order of an index that serves it. A page costs the
// same however deep it is, and a candidate added while someone pages is neither skipped nor shown
// twice — which OFFSET cannot promise. The key is read as text in SQL (created_at to the
// microsecond; a JavaScript Date would drop the last three digits and repeat rows).
// `nameKey` is lower(c.name), or for a viewer kept blind the shown label, so a blind list is not
// ordered by the names it hides.
const sortKeys = (nameKey: SQL): Record<CandidateSort, { key: SQL; order: SQL; after: (key: string, id: string) => SQL }> => ({
  newest: {
    key: sql`to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    order: sql`c.created_at desc, c.id desc`,
    after: (key, id) => sql`(c.created_at, c.id) < (${key}::timestamptz, ${id}::uuid)`,
  },
  oldest: {
    key: sql`to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    order: sql`c.created_at asc, c.id asc`,
    after: (key, id) => sql`(c.created_at, c.id) > (${key}::timestamptz, ${id}::uuid)`,
  },
  name: {
    key: nameKey,
    order: sql`${nameKey} asc, c.id asc`,
    after: (key, id) => sql`(${nameKey}, c.id) > (${key}, ${id}::uuid)`,
  },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function encodeCursor(sort: CandidateSort, key: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

/** The cursor's key and id, or a 422 on `cursor` when it is not one this sort gave out. */
function decodeCursor(sort: CandidateSort, cursor: string): { key: string; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === sort && typeof parsed[1] === 'string' && typeof parsed[2] === 'string' && UUID.test(parsed[2])) {
    const [, key, id] = parsed as [string, string, string];
    if (sort === 'name' || INSTANT.test(key)) return { key, id };
  }
  throw ValidationError.field('cursor', 'is not a cursor this list gave out for this sort; start again from the first page');
}

/**
 * One page of the organization's candidates: a case-insensitive search of name and e-mail, and
 * filters on their applications (opening, application stage, current interview stage — all on
 * the same application). Erased candidates are listed under their pseudonym, so their old name
 * and e-mail find nothing.
 */
export async function listCandidates(ctx: Ctx, input: unknown = {}): Promise<CandidateListPage> {
  requirePermission(ctx, 'candidate:read');
  const f = parseInput(ListCandidatesInput, input);
  const blindCode = candidateBlindCodeSql('candidate', ctx, 'c');
  const blindPossible = hidingModes('candidate', ctx).length > 0;
  const sort = sortKeys(blindPossible ? sql`lower(coalesce(${blindCode}, c.name))` : sql`lower(c.name)`)[f.sort];
  const after = f.cursor ? decodeCursor(f.sort, f.cursor) : null;
  const applicationFilters = [
    f.openingId ? sql`a.opening_id = ${f.openingId}::uuid` : undefined,
    f.stage ? sql`a.stage = ${f.stage}` : undefined,
    f.loopStageId ? sql`a.current_stage_id = ${f.loopStageId}::uuid` : undefined,
  ];
  // A viewer kept blind finds a blind candidate by code, never by the name or e-mail it hides.
  const search = (pattern: string) =>
    blindPossible
      ? sql`((${CANDIDATE_SEARCH_TEXT} like ${pattern} and ${blindCode} is null) or lower(coalesce(${blindCode}, '')) like ${pattern})`
      : sql`${CANDIDATE_SEARCH_TEXT} like ${pattern}`;
  const matching = sqlAnd([
    sql`c.organization_id = ${ctx.organizationId}::uuid`,
    f.q ? search(containing(f.q)) : undefined,
    f.updated_since ? sql`c.updated_at >= ${f.updated_since}::timestamptz` : undefined,
    applicationFilters.some(Boolean) &&
      sql`exists (select 1 from applications a where a.candidate_id = c.id and a.organization_id = ${ctx.organizationId}::uuid and ${sqlAnd(applicationFilters)})`,
  ]);
  // One statement, one round trip: the matches are found once and serve both the page (in keyset
  // order) and the total, and the page's applications come along as JSON. Counting needs every
  // match anyway, so the page is cut from them rather than from a second index scan.
  const rows = await queryRows<{ id: string | null; name: string; email: string; blind_code: string | null; erased: boolean; created_at: string; sort_key: string; total: number; applications: CandidateListApplication[] | null }>(
    ctx.db,
    sql`with matched as materialized (
          select c.id, c.name, c.email, c.erased_at, c.created_at from candidates c where ${matching}
        ),
        page as (
          select c.*, ${sort.key} as sort_key from matched c
          where ${after ? sort.after(after.key, after.id) : sql`true`}
          order by ${sort.order}
          limit ${f.limit + 1}
        )
        select c.id, c.name, c.email, ${blindCode} as blind_code, c.erased_at is not null as erased, c.sort_key,
               to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
               t.total,
               (select json_agg(json_build_object('id', a.id, 'openingId', a.opening_id, 'openingTitle', o.title, 'stage', a.stage, 'loopStage', s.name) order by a.created_at, a.id)
                  from applications a
                  join openings o on o.id = a.opening_id
                  left join opening_stages s on s.id = a.current_stage_id
                 where a.candidate_id = c.id and a.organization_id = ${ctx.organizationId}::uuid) as applications
        from (select count(*)::int as total from matched) t
        left join page c on true
        order by ${sort.order}`,
  );
  // With no match on this page the statement still returns one row, carrying only the total.
  const pageRows = rows.filter((r): r is typeof r & { id: string } => r.id !== null);
  const page = pageRows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({ id: r.id, name: r.blind_code ?? r.name, email: r.blind_code ? null : r.email, blind: r.blind_code !== null, erased: r.erased, createdAt: r.created_at, applications: r.applications ?? [] })),
    total: Number(rows[0]?.total ?? 0),
    nextCursor: pageRows.length > f.limit && last ? encodeCursor(f.sort, last.sort_key, last.id) : null,
  };
}

/** What the list's filters offer: the organization's openings, and each one's interview stages in loop order. */
export async function listCandidateFilterOptions(ctx: Ctx) {
  requirePermission(ctx, 'candidate:read');
  const [openingRows, stageRows] = await Promise.all([
    ctx.db.select({ id: openings.id, title: openings.title, status: openings.status }).from(openings).where(eq(openings.organizationId, ctx.organizationId)).orderBy(asc(openings.title)),
    ctx.db
      .select({ id: openingStages.id, openingId: openingStages.openingId, name: openingStages.name })
      .from(openingStages)
      .where(eq(openingStages.organizationId, ctx.organizationId))
      .orderBy(asc(openingStages.position)),
  ]);
  return openingRows.map((o) => ({ ...o, stages: stageRows.filter((s) => s.openingId === o.id).map(({ id, name }) => ({ id, name })) }));
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
  /** Blind review hides the person from the viewer: `name` is a code, contact fields and notes are blank. */
  blind: boolean;
}

export function toCandidateDetails(c: Candidate): CandidateDetails {
  return { id: c.id, revision: c.revision, name: c.name, email: c.email, phone: c.phone, location: c.location, source: c.source, notes: c.notes, updatedAt: c.updatedAt.toISOString(), blind: false };
}

export async function getCandidateDetails(ctx: Ctx, candidateIdInput: unknown): Promise<CandidateDetails> {
  const { candidate, blind } = await getCandidate(ctx, candidateIdInput);
  return { ...toCandidateDetails(candidate), blind };
}

export async function getCandidate(ctx: Ctx, candidateIdInput: unknown) {
  requirePermission(ctx, 'candidate:read');
  const candidateId = parseId('candidateId', candidateIdInput);
  const [candidate] = await ctx.db.select().from(candidates).where(and(eq(candidates.id, candidateId), eq(candidates.organizationId, ctx.organizationId)));
  if (!candidate) throw new NotFoundError('Candidate');
  const [apps, blindCode] = await Promise.all([
    ctx.db
      .select()
      .from(applications)
      .where(and(eq(applications.organizationId, ctx.organizationId), eq(applications.candidateId, candidate.id))),
    loadCandidateBlindCode(ctx, 'candidate', candidate.id),
  ]);
  return { candidate: blindCode ? withoutIdentity(candidate, blindCode) : candidate, applications: apps, blind: blindCode !== null };
}

/** The candidate row as a blind viewer reads it: the code for a name, nothing that identifies or contacts them. */
function withoutIdentity(candidate: Candidate, code: string): Candidate {
  return { ...candidate, name: code, email: '', phone: null, location: null, source: null, notes: '' };
}

/** Everything the candidate page shows: applications with their loop, and interviews with panels. */
export async function getCandidateProfile(ctx: Ctx, candidateIdInput: unknown) {
  const { candidate, applications: apps, blind } = await getCandidate(ctx, candidateIdInput);
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
        .select({ interviewId: interviewPanelists.interviewId, userId: interviewPanelists.userId, role: interviewPanelists.role, name: users.name, email: users.email })
        .from(interviewPanelists)
        .innerJoin(users, eq(users.id, interviewPanelists.userId))
        .where(inArray(interviewPanelists.interviewId, interviewRows.map((r) => r.interview.id)))
    : [];
  const versionIds = [...new Set(interviewRows.map((r) => r.interview.kitVersionId))];
  const versionRows = versionIds.length ? await ctx.db.select({ id: kitVersions.id, kitId: kitVersions.kitId }).from(kitVersions).where(inArray(kitVersions.id, versionIds)) : [];
  const kitOfVersion = new Map(versionRows.map((v) => [v.id, v.kitId]));
  const qualifiedByKit = await qualifiedUserIdsByKit(ctx, [...versionRows.map((v) => v.kitId), ...stageRows.flatMap((s) => (s.kitId ? [s.kitId] : []))]);
  return {
    candidate,
    blind,
    qualifiedByKit,
    applications: apps.map((a) => ({
      ...a,
      opening: openingRows.find((o) => o.id === a.openingId)!,
      stages: stageRows.filter((s) => s.openingId === a.openingId),
      interviews: interviewRows
        .filter((r) => r.interview.applicationId === a.id)
        .map((r) => {
          const panel = panelRows.filter((p) => p.interviewId === r.interview.id);
          const panelRoles = Object.fromEntries(panel.map((p) => [p.userId, p.role]));
          const kitId = kitOfVersion.get(r.interview.kitVersionId)!;
          const warning = r.interview.status === 'cancelled' ? null : panelQualificationWarning(panel.map((p) => p.userId), panelRoles, qualifiedByKit[kitId] ?? []);
          return {
            ...r.interview,
            state: r.state,
            stageName: r.stageName,
            panel: panel.map((p) => (p.role === 'interviewer' ? (p.name ?? p.email) : `${p.name ?? p.email} (${PANEL_ROLE_LABELS[p.role].toLowerCase()})`)),
            panelUserIds: panel.map((p) => p.userId),
            panelRoles,
            kitId,
            warnings: warning ? [warning] : [],
          };
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
      // Cancellation reasons are free text about the candidate: masked where the application is blind.
      const views = profile.blind ? await loadBlindViews(ctx, 'candidate', appIds) : new Map<string, BlindView>();
      const reasonOf = new Map(profile.applications.flatMap((a) => a.interviews.map((i) => [i.id, i.cancellationReason === null ? null : textFor(views.get(a.id), i.cancellationReason)] as const)));
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
