import 'server-only';
// The REST API's list and detail reads of the main resources: keyset pages (./pagination.ts) with
// `updated_since`, under the same permissions, tenant scope and independent-scoring rule as the
// pages. Each row carries only what an integration needs (no notes, no audit data, no e-mail of
// members) and its `revision`, which single-resource GETs send as the ETag.
import { type SQL, sql } from 'drizzle-orm';
import { loadBlindViews, textFor } from '../candidates/blind';
import { type Ctx, can, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { parseId } from '../ids';
import { othersFeedbackVisibleSql, viewerFeedbackScope } from '../scorecards/visibility';
import { countedScorecardSql } from '../scorecards/counted';
import { queryRows } from '../sql';
import { parseInput } from '../validation';
import { type InterviewSchedule, loadInterviewSchedule } from '../interviews/queries';
import { keyset, pageKeySql } from './pagination';
import { ListApplicationsQuery, ListKitsQuery, ListOpeningsQuery, ListQuestionsQuery, ListScorecardsQuery } from './resources';

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const cols = (alias: string) => ({ id: sql.raw(`${alias}.id`), createdAt: sql.raw(`${alias}.created_at`), updatedAt: sql.raw(`${alias}.updated_at`) });

type Paged<T> = { rows: T[]; nextCursor: string | null };
function strip<T extends { page_key: string }>(page: { rows: T[]; nextCursor: string | null }): Paged<Omit<T, 'page_key'>> {
  return { rows: page.rows.map(({ page_key: _, ...rest }) => rest), nextCursor: page.nextCursor };
}

const OPENING_COLUMNS = (alias: string) => sql`${sql.raw(alias)}.id, ${sql.raw(alias)}.title, ${sql.raw(alias)}.level, ${sql.raw(alias)}.status, ${sql.raw(alias)}.description,
  ${sql.raw(alias)}.hiring_manager_user_id as "hiringManagerUserId", ${sql.raw(alias)}.blind_review as "blindReview", ${sql.raw(alias)}.revision,
  ${iso(sql.raw(`${alias}.created_at`))} as "createdAt", ${iso(sql.raw(`${alias}.updated_at`))} as "updatedAt"`;

export interface OpeningResource {
  id: string;
  title: string;
  level: string;
  status: string;
  description: string;
  hiringManagerUserId: string | null;
  blindReview: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export async function listOpeningsPage(ctx: Ctx, input: unknown): Promise<Paged<OpeningResource>> {
  requirePermission(ctx, 'opening:read');
  const q = parseInput(ListOpeningsQuery, input);
  const ks = keyset('openings', q, cols('o'));
  const rows = await queryRows<OpeningResource & { page_key: string }>(
    ctx.db,
    sql`select ${OPENING_COLUMNS('o')}, ${pageKeySql(sql`o.created_at`)} as page_key
        from openings o
        where o.organization_id = ${ctx.organizationId}::uuid and ${q.status ? sql`o.status = ${q.status}` : sql`true`} and ${ks.where}
        order by ${ks.order} limit ${ks.limit}`,
  );
  return strip(ks.page(rows));
}

export interface OpeningDetail extends OpeningResource {
  stages: { id: string; name: string; position: number; kitId: string | null; durationMinutes: number }[];
  weights: { skillId: string; skillName: string; weight: number }[];
}

/** An opening with its loop (stages in order, each with its kit) and its skill weights. */
export async function getOpeningResource(ctx: Ctx, openingIdInput: unknown): Promise<OpeningDetail> {
  requirePermission(ctx, 'opening:read');
  const openingId = parseId('openingId', openingIdInput);
  const [opening] = await queryRows<OpeningDetail>(
    ctx.db,
    sql`select ${OPENING_COLUMNS('o')},
          coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name, 'position', s.position, 'kitId', s.kit_id, 'durationMinutes', s.duration_minutes) order by s.position)
             from opening_stages s where s.organization_id = o.organization_id and s.opening_id = o.id), '[]') as stages,
          coalesce((select json_agg(json_build_object('skillId', w.skill_id, 'skillName', k.name, 'weight', w.weight) order by w.weight desc, k.name)
             from opening_skill_weights w join skills k on k.id = w.skill_id where w.organization_id = o.organization_id and w.opening_id = o.id), '[]') as weights
        from openings o where o.id = ${openingId}::uuid and o.organization_id = ${ctx.organizationId}::uuid`,
  );
  if (!opening) throw new NotFoundError('Opening');
  return opening;
}

export interface ApplicationResource {
  id: string;
  candidateId: string;
  openingId: string;
  stage: string;
  currentStageId: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const APPLICATION_COLUMNS = sql`a.id, a.candidate_id as "candidateId", a.opening_id as "openingId", a.stage, a.current_stage_id as "currentStageId",
  ${iso(sql`a.closed_at`)} as "closedAt", ${iso(sql`a.created_at`)} as "createdAt", ${iso(sql`a.updated_at`)} as "updatedAt"`;

export async function listApplicationsPage(ctx: Ctx, input: unknown): Promise<Paged<ApplicationResource>> {
  requirePermission(ctx, 'candidate:read');
  const q = parseInput(ListApplicationsQuery, input);
  const ks = keyset('applications', q, cols('a'));
  const rows = await queryRows<ApplicationResource & { page_key: string }>(
    ctx.db,
    sql`select ${APPLICATION_COLUMNS}, ${pageKeySql(sql`a.created_at`)} as page_key
        from applications a
        where a.organization_id = ${ctx.organizationId}::uuid
          and ${q.openingId ? sql`a.opening_id = ${q.openingId}::uuid` : sql`true`}
          and ${q.candidateId ? sql`a.candidate_id = ${q.candidateId}::uuid` : sql`true`}
          and ${q.stage ? sql`a.stage = ${q.stage}` : sql`true`}
          and ${ks.where}
        order by ${ks.order} limit ${ks.limit}`,
  );
  return strip(ks.page(rows));
}

export async function getApplicationResource(ctx: Ctx, applicationIdInput: unknown): Promise<ApplicationResource> {
  requirePermission(ctx, 'candidate:read');
  const applicationId = parseId('applicationId', applicationIdInput);
  const [row] = await queryRows<ApplicationResource>(
    ctx.db,
    sql`select ${APPLICATION_COLUMNS} from applications a where a.id = ${applicationId}::uuid and a.organization_id = ${ctx.organizationId}::uuid`,
  );
  if (!row) throw new NotFoundError('Application');
  return row;
}

export interface ScorecardResource {
  id: string;
  interviewId: string;
  applicationId: string;
  candidateId: string;
  openingId: string;
  interviewerUserId: string;
  interviewerName: string;
  recommendation: string;
  summary: string;
  ratings: { skillId: string; rating: number | null; noEvidence: boolean }[];
  /** False for a shadow's card: returned for the record, never part of any aggregate. */
  counted: boolean;
  submittedAt: string;
  updatedAt: string;
}

/**
 * Submitted scorecards the caller may read: their own, and others' once the independent-scoring
 * rule (lib/scorecards/visibility.ts) lets them see feedback on that candidate. Drafts never.
 */
export async function listSubmittedScorecards(ctx: Ctx, input: unknown): Promise<Paged<ScorecardResource>> {
  const q = parseInput(ListScorecardsQuery, input);
  const scope = await viewerFeedbackScope(ctx);
  const ks = keyset('scorecards', q, cols('s'));
  const rows = await queryRows<ScorecardResource & { page_key: string }>(
    ctx.db,
    sql`select s.id, s.interview_id as "interviewId", a.id as "applicationId", a.candidate_id as "candidateId", a.opening_id as "openingId",
          s.interviewer_user_id as "interviewerUserId", coalesce(u.name, 'Interviewer') as "interviewerName",
          s.recommendation, s.summary, ${countedScorecardSql('s')} as counted, ${iso(sql`s.submitted_at`)} as "submittedAt", ${iso(sql`s.updated_at`)} as "updatedAt",
          coalesce((select json_agg(json_build_object('skillId', r.skill_id, 'rating', r.rating, 'noEvidence', r.no_evidence) order by r.skill_id)
             from scorecard_ratings r where r.scorecard_id = s.id), '[]') as ratings,
          ${pageKeySql(sql`s.created_at`)} as page_key
        from scorecards s
        join interviews i on i.id = s.interview_id
        join applications a on a.id = i.application_id
        join users u on u.id = s.interviewer_user_id
        where s.organization_id = ${ctx.organizationId}::uuid and s.status = 'submitted'
          and (s.interviewer_user_id = ${ctx.userId}::uuid or ${othersFeedbackVisibleSql(ctx, sql`a.candidate_id`, scope)})
          and ${q.candidateId ? sql`a.candidate_id = ${q.candidateId}::uuid` : sql`true`}
          and ${q.openingId ? sql`a.opening_id = ${q.openingId}::uuid` : sql`true`}
          and ${q.interviewId ? sql`s.interview_id = ${q.interviewId}::uuid` : sql`true`}
          and ${q.interviewerUserId ? sql`s.interviewer_user_id = ${q.interviewerUserId}::uuid` : sql`true`}
          and ${ks.where}
        order by ${ks.order} limit ${ks.limit}`,
  );
  // Summaries of others are masked where the application is blind to the caller (own cards stay as written).
  const page = strip(ks.page(rows));
  const views = await loadBlindViews(ctx, can(ctx, 'dashboard:read') ? 'dashboard' : 'panel', page.rows.map((r) => r.applicationId));
  return { ...page, rows: page.rows.map((r) => (r.interviewerUserId === ctx.userId ? r : { ...r, summary: textFor(views.get(r.applicationId), r.summary) })) };
}

export interface KitResource {
  id: string;
  name: string;
  builtin: boolean;
  isTemplate: boolean;
  publishedVersion: number | null;
  latestVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** The organization's kits and the built-in templates; drafts-only kits for members who write kits. */
export async function listKitsPage(ctx: Ctx, input: unknown): Promise<Paged<KitResource>> {
  requirePermission(ctx, 'kit:read');
  const q = parseInput(ListKitsQuery, input);
  const ks = keyset('kits', q, cols('k'));
  const rows = await queryRows<KitResource & { page_key: string }>(
    ctx.db,
    sql`select k.id, k.name, k.organization_id is null as builtin, k.is_template as "isTemplate",
          max(v.version) filter (where v.status = 'published') as "publishedVersion", max(v.version) as "latestVersion",
          ${iso(sql`k.created_at`)} as "createdAt", ${iso(sql`k.updated_at`)} as "updatedAt", ${pageKeySql(sql`k.created_at`)} as page_key
        from kits k join kit_versions v on v.kit_id = k.id
        where (k.organization_id = ${ctx.organizationId}::uuid or k.organization_id is null) and k.archived_at is null and ${ks.where}
        group by k.id
        ${can(ctx, 'kit:write') ? sql`` : sql`having bool_or(v.status = 'published')`}
        order by ${ks.order} limit ${ks.limit}`,
  );
  return strip(ks.page(rows));
}

export interface QuestionResource {
  id: string;
  builtin: boolean;
  status: string;
  version: number;
  title: string;
  kind: string;
  level: string;
  expectedMinutes: number;
  primarySkillId: string;
  createdAt: string;
  updatedAt: string;
}

/** The question bank (the organization's questions and the built-in ones) at their current versions. */
export async function listQuestionsPage(ctx: Ctx, input: unknown): Promise<Paged<QuestionResource>> {
  requirePermission(ctx, 'question:read');
  const q = parseInput(ListQuestionsQuery, input);
  const ks = keyset('questions', q, cols('q'));
  const rows = await queryRows<QuestionResource & { page_key: string }>(
    ctx.db,
    sql`select q.id, q.organization_id is null as builtin, q.status, v.version, v.title, v.kind, v.level, v.expected_minutes as "expectedMinutes",
          v.primary_skill_id as "primarySkillId", ${iso(sql`q.created_at`)} as "createdAt", ${iso(sql`q.updated_at`)} as "updatedAt",
          ${pageKeySql(sql`q.created_at`)} as page_key
        from questions q join question_versions v on v.id = q.current_version_id
        where (q.organization_id = ${ctx.organizationId}::uuid or q.organization_id is null)
          and ${q.status === 'all' ? sql`true` : sql`q.status = ${q.status}`}
          and ${q.skillId ? sql`v.primary_skill_id = ${q.skillId}::uuid` : sql`true`}
          and ${ks.where}
        order by ${ks.order} limit ${ks.limit}`,
  );
  return strip(ks.page(rows));
}

/** An interview's schedule (time, length, panel, status) with its revision, for members who see every interview. */
export async function getInterviewResource(ctx: Ctx, interviewIdInput: unknown): Promise<InterviewSchedule> {
  requirePermission(ctx, 'interview:read_all');
  return loadInterviewSchedule(ctx, parseId('interviewId', interviewIdInput));
}
