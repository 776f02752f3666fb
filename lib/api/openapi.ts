// The OpenAPI 3.1 description of /api/v1, built from the same zod schemas that validate the
// requests (lib/*/schemas.ts) and from the response shapes in ./resources.ts, with zod's own
// JSON Schema output (OpenAPI 3.1 schemas are JSON Schema 2020-12). One source of truth: a test
// checks that every route file's methods are here and nothing else is (tests/unit/openapi.test.ts),
// and the typed client in ./v1.d.ts is generated from this document (`npm run api:types`).
import { z } from 'zod';
import { ApplyToOpeningInput, CreateCandidateInput, ImportCandidatesInput, ListCandidatesInput, MoveApplicationInput, UpdateCandidateInput } from '../candidates/schemas';
import { RecordDecisionInput } from '../decisions/schemas';
import { CancelInterviewInput, RescheduleInterviewInput, ScheduleInterviewInput } from '../interviews/schemas';
import { INTERVIEW_STATES } from '../interviews/status';
import { CreateOpeningInput, UpdateOpeningInput } from '../openings/schemas';
import { ChangeMemberRoleInput, CreateInvitationInput } from '../orgs/schemas';
import { ReopenScorecardInput, SaveScorecardInput, SubmitScorecardInput } from '../scorecards/schemas';
import { expectedRevision } from '../validation';
import {
  Application,
  Candidate,
  CandidateListItem,
  ErrorResponse,
  InterviewListItem,
  InterviewSchedule,
  JsonObject,
  Kit,
  ListApplicationsQuery,
  ListKitsQuery,
  ListOpeningsQuery,
  ListQuestionsQuery,
  ListScorecardsQuery,
  Opening,
  OpeningDetail,
  pageOf,
  Question,
  Scorecard,
} from './resources';

export const API_VERSION = '1.0.0';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

interface Operation {
  method: Method;
  /** Relative to the server URL /api/v1, with {name} path parameters. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** The permission the caller's role (or API key scope) needs, for the reference page. */
  permission?: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success response: status, description and JSON schema (or another content type). */
  ok: { status: number; description: string; schema?: z.ZodType; contentType?: string };
  /** Single-resource reads that send an ETag (and answer If-None-Match with 304). */
  etag?: boolean;
  /** Writes that take If-Match with the resource's ETag (a stale one is a 409). */
  ifMatch?: boolean;
  /** Answers 409 for other conflicts (stale revision in the body, state that forbids the change). */
  conflict?: boolean;
  public?: boolean;
}

const PATH_PARAM = /\{(\w+)\}/g;

// Bodies: the domain schema without the ids the path carries; PATCH bodies whose revision may
// come as If-Match instead.
const withoutIds = <S extends z.ZodObject>(schema: S, ...keys: string[]) => schema.omit(Object.fromEntries(keys.map((k) => [k, true])) as never);
const revisionOptional = { revision: expectedRevision.optional().meta({ description: 'The revision the edit is based on; or send it as If-Match.' }) };

const TimeZoneField = { timeZone: z.string().max(64).optional().meta({ description: 'An IANA zone: with it, scheduledAt may be a local date-time (2026-03-02T10:00) in that zone.' }) };

export const OPERATIONS: Operation[] = [
  // ——— Openings ———
  {
    method: 'get',
    path: '/openings',
    tag: 'Openings',
    summary: 'List openings',
    permission: 'opening:read',
    query: ListOpeningsQuery,
    ok: { status: 200, description: 'One page of openings, in creation order.', schema: pageOf('openings', Opening) },
  },
  {
    method: 'post',
    path: '/openings',
    tag: 'Openings',
    summary: 'Create an opening with its interview loop',
    permission: 'opening:write',
    body: CreateOpeningInput,
    ok: { status: 201, description: 'The new opening.', schema: z.object({ opening: OpeningDetail }) },
  },
  {
    method: 'get',
    path: '/openings/{openingId}',
    tag: 'Openings',
    summary: 'Get an opening with its loop stages and skill weights',
    permission: 'opening:read',
    etag: true,
    ok: { status: 200, description: 'The opening.', schema: z.object({ opening: OpeningDetail }) },
  },
  {
    method: 'patch',
    path: '/openings/{openingId}',
    tag: 'Openings',
    summary: 'Update an opening',
    description: 'Fields left out keep their value. `stages`, when sent, is the whole loop in its new order (stages with an id are kept, without one added, missing ones removed); `weights`, when sent, replaces every weight.',
    permission: 'opening:write',
    body: withoutIds(UpdateOpeningInput, 'openingId', 'revision').partial().extend(revisionOptional),
    ifMatch: true,
    ok: { status: 200, description: 'The opening as saved.', schema: z.object({ opening: OpeningDetail }) },
  },
  {
    method: 'get',
    path: '/openings/{openingId}/grid',
    tag: 'Dashboard',
    summary: "Get an opening's comparison grid",
    description: "Skill scores per candidate with raters and spread, the weighted composite and its coverage — only from feedback the caller may see under independent scoring. Under blind review (the opening's `blindReview`) candidates appear by code (`blind: true`), and free text naming them is masked, until a hire or reject decision.",
    permission: 'dashboard:read',
    etag: true,
    ok: { status: 200, description: 'The grid.', schema: z.object({ grid: JsonObject }) },
  },
  {
    method: 'get',
    path: '/openings/{openingId}/dashboard',
    tag: 'Dashboard',
    summary: "Export an opening's comparison grid as CSV",
    permission: 'dashboard:read',
    ok: { status: 200, description: 'The grid as CSV (formula-safe).', contentType: 'text/csv' },
  },
  // ——— Candidates ———
  {
    method: 'get',
    path: '/candidates',
    tag: 'Candidates',
    summary: 'List candidates',
    description: "Search and filters apply to the candidate and their applications; `sort=oldest` pages in creation order, which is stable while candidates are added. A candidate in blind review for the caller is listed and found by code, never by name or e-mail.",
    permission: 'candidate:read',
    query: ListCandidatesInput,
    ok: {
      status: 200,
      description: 'One page of candidates, with the total over every page.',
      schema: z.object({ candidates: z.array(CandidateListItem), total: z.int(), nextCursor: z.string().nullable() }),
    },
  },
  {
    method: 'post',
    path: '/candidates',
    tag: 'Candidates',
    summary: 'Create a candidate (and an application when openingId is given)',
    permission: 'candidate:write',
    body: CreateCandidateInput,
    ok: { status: 201, description: 'The new candidate.', schema: z.object({ candidate: Candidate }) },
  },
  {
    method: 'post',
    path: '/candidates/import',
    tag: 'Candidates',
    summary: 'Import candidates from a CSV file',
    description:
      'Columns name, email, phone, location, source, opening (an opening title). All rows or none: a file with problems is a 422 whose fields are `row N: column`. `dryRun: true` answers 200 with the preview instead.',
    permission: 'candidate:write',
    body: ImportCandidatesInput.extend({ dryRun: z.boolean().optional() }),
    ok: { status: 201, description: 'How many candidates were created (or, with dryRun, `{ preview }` with status 200).', schema: z.union([z.object({ created: z.int() }), z.object({ preview: JsonObject })]) },
  },
  {
    method: 'get',
    path: '/candidates/{candidateId}',
    tag: 'Candidates',
    summary: "Get a candidate's details",
    permission: 'candidate:read',
    etag: true,
    ok: { status: 200, description: 'The candidate.', schema: z.object({ candidate: Candidate }) },
  },
  {
    method: 'patch',
    path: '/candidates/{candidateId}',
    tag: 'Candidates',
    summary: "Update a candidate's details",
    description: 'Fields left out keep their value; a blank optional field clears it.',
    permission: 'candidate:write',
    body: withoutIds(UpdateCandidateInput, 'candidateId', 'revision').extend(revisionOptional),
    ifMatch: true,
    ok: { status: 200, description: 'The candidate as saved.', schema: z.object({ candidate: Candidate }) },
  },
  {
    method: 'get',
    path: '/candidates/{candidateId}/feedback',
    tag: 'Scorecards',
    summary: 'Feedback on a candidate',
    description: "The caller's own scorecards and, once the independent-scoring rule allows, everyone else's submitted ones. Under blind review (the opening's `blindReview`) candidates appear by code (`blind: true`), and free text naming them is masked, until a hire or reject decision.",
    ok: { status: 200, description: 'The feedback.', schema: JsonObject },
  },
  {
    method: 'get',
    path: '/candidates/{candidateId}/packet',
    tag: 'Decisions',
    summary: 'The decision packet for a candidate',
    description: "Under blind review (the opening's `blindReview`) candidates appear by code (`blind: true`), and free text naming them is masked, until a hire or reject decision.",
    permission: 'dashboard:read',
    query: z.object({ opening: z.uuid().optional().meta({ description: 'The opening; optional when the candidate has one application.' }) }),
    ok: { status: 200, description: 'The packet: evidence per skill, disagreements, scorecards.', schema: JsonObject },
  },
  {
    method: 'get',
    path: '/candidates/{candidateId}/data-export',
    tag: 'Candidates',
    summary: 'Export everything held about a candidate (subject access)',
    permission: 'candidate:export_personal_data',
    ok: { status: 200, description: 'A JSON download.', schema: JsonObject },
  },
  // ——— Applications ———
  {
    method: 'get',
    path: '/applications',
    tag: 'Applications',
    summary: 'List applications',
    permission: 'candidate:read',
    query: ListApplicationsQuery,
    ok: { status: 200, description: 'One page of applications, in creation order.', schema: pageOf('applications', Application) },
  },
  {
    method: 'post',
    path: '/applications',
    tag: 'Applications',
    summary: 'Apply a candidate to an opening',
    permission: 'candidate:write',
    body: ApplyToOpeningInput,
    ok: { status: 201, description: 'The new application.', schema: z.object({ application: Application }) },
  },
  {
    method: 'get',
    path: '/applications/{applicationId}',
    tag: 'Applications',
    summary: 'Get an application',
    permission: 'candidate:read',
    etag: true,
    ok: { status: 200, description: 'The application.', schema: z.object({ application: Application }) },
  },
  {
    method: 'patch',
    path: '/applications/{applicationId}',
    tag: 'Applications',
    summary: 'Move an application to another stage',
    permission: 'candidate:write',
    body: withoutIds(MoveApplicationInput, 'applicationId'),
    ok: { status: 200, description: 'The application as saved.', schema: z.object({ application: Application }) },
  },
  {
    method: 'get',
    path: '/applications/{applicationId}/debrief',
    tag: 'Decisions',
    summary: "An application's debrief",
    description: "Evidence is null, with the reason, while the independent-scoring rule hides it from the caller. Under blind review (the opening's `blindReview`) candidates appear by code (`blind: true`), and free text naming them is masked, until a hire or reject decision.",
    ok: { status: 200, description: 'The debrief and the decision history.', schema: JsonObject },
  },
  {
    method: 'post',
    path: '/applications/{applicationId}/decision',
    tag: 'Decisions',
    summary: 'Record a hiring decision',
    permission: 'decision:record',
    body: withoutIds(RecordDecisionInput, 'applicationId'),
    conflict: true,
    ok: { status: 201, description: "The decision and the application's new stage.", schema: JsonObject },
  },
  // ——— Interviews ———
  {
    method: 'get',
    path: '/interviews',
    tag: 'Interviews',
    summary: 'List interviews in a time range',
    description: `\`from\`/\`to\` are days (in \`timeZone\`) or instants; \`status\` is the derived one (${INTERVIEW_STATES.join(', ')}). This list pages by time, not creation, and has no updated_since.`,
    permission: 'interview:read_all',
    query: z.object({
      from: z.string().optional(),
      to: z.string().optional(),
      timeZone: z.string().optional(),
      openingId: z.uuid().optional(),
      status: z.enum(INTERVIEW_STATES).optional(),
      interviewerId: z.uuid().optional(),
      overdue: z.enum(['true', 'false']).optional(),
      cursor: z.string().optional(),
      limit: z.int().min(1).max(100).optional(),
    }),
    ok: {
      status: 200,
      description: 'One page of interviews.',
      schema: z.object({ interviews: z.array(InterviewListItem), nextCursor: z.string().nullable(), range: z.object({ from: z.string().nullable(), to: z.string().nullable(), timeZone: z.string() }) }),
    },
  },
  {
    method: 'post',
    path: '/interviews',
    tag: 'Interviews',
    summary: 'Schedule an interview',
    description: "Pins the stage's published kit version and invites the panel.",
    permission: 'interview:schedule',
    body: ScheduleInterviewInput.extend(TimeZoneField),
    ok: { status: 201, description: 'The interview.', schema: z.object({ interview: InterviewSchedule }) },
  },
  {
    method: 'get',
    path: '/interviews/{interviewId}',
    tag: 'Interviews',
    summary: "Get an interview's schedule and panel",
    permission: 'interview:read_all',
    etag: true,
    ok: { status: 200, description: 'The interview.', schema: z.object({ interview: InterviewSchedule }) },
  },
  {
    method: 'patch',
    path: '/interviews/{interviewId}',
    tag: 'Interviews',
    summary: 'Reschedule an interview or change its panel',
    permission: 'interview:schedule',
    body: withoutIds(RescheduleInterviewInput, 'interviewId', 'revision').partial().extend({ ...revisionOptional, ...TimeZoneField }),
    ifMatch: true,
    ok: { status: 200, description: 'The interview as saved.', schema: z.object({ interview: InterviewSchedule }) },
  },
  {
    method: 'post',
    path: '/interviews/{interviewId}/cancel',
    tag: 'Interviews',
    summary: 'Cancel an interview',
    description: 'Refused (409) once any panelist has submitted feedback.',
    permission: 'interview:schedule',
    body: withoutIds(CancelInterviewInput, 'interviewId', 'revision').extend(revisionOptional),
    ifMatch: true,
    ok: { status: 200, description: 'The cancelled interview.', schema: z.object({ interview: InterviewSchedule }) },
  },
  {
    method: 'get',
    path: '/interviews/{interviewId}/scorecard',
    tag: 'Scorecards',
    summary: "The caller's scorecard for an interview they sit on",
    permission: 'scorecard:write_own',
    ok: { status: 200, description: 'The scorecard (id null until the first write), the interview and the pinned kit.', schema: JsonObject },
  },
  {
    method: 'post',
    path: '/interviews/{interviewId}/scorecard',
    tag: 'Scorecards',
    summary: "Create the caller's draft scorecard (idempotent)",
    permission: 'scorecard:write_own',
    ok: { status: 200, description: 'The draft.', schema: JsonObject },
  },
  {
    method: 'post',
    path: '/interviews/{interviewId}/start',
    tag: 'Interviews',
    summary: 'Record that the interview has begun',
    conflict: true,
    ok: { status: 200, description: 'When the live clock counts from.', schema: z.object({ startedAt: z.string() }) },
  },
  // ——— Scorecards ———
  {
    method: 'get',
    path: '/scorecards',
    tag: 'Scorecards',
    summary: 'List submitted scorecards',
    description: "The caller's own, and others' once the independent-scoring rule lets the caller see feedback on that candidate. Drafts never appear.",
    query: ListScorecardsQuery,
    ok: { status: 200, description: 'One page of scorecards, in creation order.', schema: pageOf('scorecards', Scorecard) },
  },
  {
    method: 'get',
    path: '/scorecards/{scorecardId}',
    tag: 'Scorecards',
    summary: 'Get a scorecard',
    description: "The caller's own (draft or submitted), or another panelist's submitted one once the rule allows; otherwise 404.",
    etag: true,
    ok: { status: 200, description: 'The scorecard.', schema: z.object({ scorecard: JsonObject }) },
  },
  {
    method: 'patch',
    path: '/scorecards/{scorecardId}',
    tag: 'Scorecards',
    summary: "Autosave the caller's draft scorecard",
    permission: 'scorecard:write_own',
    body: JsonObject.meta({ description: `${Object.keys(SaveScorecardInput.shape).filter((k) => k !== 'scorecardId').join(', ')}` }),
    conflict: true,
    ok: { status: 200, description: 'The new revision.', schema: z.object({ revision: z.int(), updatedAt: z.string() }) },
  },
  {
    method: 'post',
    path: '/scorecards/{scorecardId}/submit',
    tag: 'Scorecards',
    summary: 'Submit the caller’s scorecard',
    permission: 'scorecard:write_own',
    body: withoutIds(SubmitScorecardInput, 'scorecardId'),
    conflict: true,
    ok: { status: 200, description: 'The submitted scorecard.', schema: JsonObject },
  },
  {
    method: 'post',
    path: '/scorecards/{scorecardId}/reopen',
    tag: 'Scorecards',
    summary: 'Reopen a submitted scorecard (audited)',
    permission: 'scorecard:reopen',
    body: withoutIds(ReopenScorecardInput, 'scorecardId'),
    ok: { status: 200, description: 'The reopened scorecard.', schema: JsonObject },
  },
  // ——— Kits and questions ———
  {
    method: 'get',
    path: '/kits',
    tag: 'Kits and questions',
    summary: 'List interview kits',
    permission: 'kit:read',
    query: ListKitsQuery,
    ok: { status: 200, description: "One page of the organization's kits and the built-in templates.", schema: pageOf('kits', Kit) },
  },
  {
    method: 'get',
    path: '/kits/{kitId}',
    tag: 'Kits and questions',
    summary: 'Get a kit with the content of one version',
    permission: 'kit:read',
    query: z.object({ version: z.int().min(1).optional() }),
    etag: true,
    ok: { status: 200, description: 'The kit, its versions, and sections, items, weights and coverage of the version.', schema: JsonObject },
  },
  {
    method: 'get',
    path: '/kits/{kitId}/export',
    tag: 'Kits and questions',
    summary: 'Export a kit as a portable JSON file',
    permission: 'kit:read',
    query: z.object({ version: z.int().min(1).optional() }),
    ok: { status: 200, description: 'A loopkit.kit JSON download.', schema: JsonObject },
  },
  {
    method: 'get',
    path: '/questions',
    tag: 'Kits and questions',
    summary: 'List questions',
    permission: 'question:read',
    query: ListQuestionsQuery,
    ok: { status: 200, description: "One page of the organization's and the built-in questions, at their current versions.", schema: pageOf('questions', Question) },
  },
  {
    method: 'get',
    path: '/questions/{questionId}',
    tag: 'Kits and questions',
    summary: 'Get a question with its rubric',
    permission: 'question:read',
    etag: true,
    ok: { status: 200, description: 'The question, its current content and skills.', schema: JsonObject },
  },
  {
    method: 'get',
    path: '/questions/export',
    tag: 'Kits and questions',
    summary: 'Export the question bank',
    permission: 'question:read',
    query: z.object({ format: z.enum(['json', 'csv']).optional(), scope: z.enum(['ours', 'all']).optional() }),
    ok: { status: 200, description: 'A loopkit.questions file (JSON or formula-safe CSV).', contentType: 'application/octet-stream' },
  },
  {
    method: 'get',
    path: '/questions/template',
    tag: 'Kits and questions',
    summary: 'A ready-to-fill question import file',
    query: z.object({ format: z.enum(['json', 'csv']).optional() }),
    ok: { status: 200, description: 'One example question in the import format.', contentType: 'application/octet-stream' },
  },
  // ——— Organization ———
  {
    method: 'get',
    path: '/me',
    tag: 'Organization',
    summary: 'Who the caller is',
    ok: { status: 200, description: 'The user, organization and role the request acts as.', schema: z.object({ userId: z.uuid(), organizationId: z.uuid(), role: z.string() }) },
  },
  { method: 'get', path: '/members', tag: 'Organization', summary: 'List members', permission: 'member:read', ok: { status: 200, description: 'The members.', schema: z.object({ members: z.array(JsonObject) }) } },
  {
    method: 'patch',
    path: '/members/{membershipId}',
    tag: 'Organization',
    summary: "Change a member's role",
    permission: 'member:manage',
    body: withoutIds(ChangeMemberRoleInput, 'membershipId'),
    ok: { status: 200, description: 'The member.', schema: z.object({ member: z.object({ id: z.uuid(), role: z.string() }) }) },
  },
  { method: 'delete', path: '/members/{membershipId}', tag: 'Organization', summary: 'Remove a member', permission: 'member:manage', ok: { status: 204, description: 'Removed.' } },
  {
    method: 'get',
    path: '/invitations',
    tag: 'Organization',
    summary: 'List pending invitations',
    permission: 'member:invite',
    ok: { status: 200, description: 'The invitations.', schema: z.object({ invitations: z.array(JsonObject) }) },
  },
  {
    method: 'post',
    path: '/invitations',
    tag: 'Organization',
    summary: 'Invite someone',
    permission: 'member:invite',
    body: CreateInvitationInput,
    ok: { status: 201, description: 'The invitation and its link.', schema: JsonObject },
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'Reference',
    summary: 'This document',
    public: true,
    ok: { status: 200, description: 'The OpenAPI 3.1 description of /api/v1.', schema: JsonObject },
  },
];

// ——— Document assembly ———

type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as an OpenAPI 3.1 schema. `io: 'input'` describes what a client sends (a field
 * with a default is optional); zod describes a preprocessed field by its target schema. Named
 * schemas (`.meta({ id })`) go to components and are referenced.
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  delete json.$schema;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) out[key] = `#/components/schemas/${value.slice('#/$defs/'.length)}`;
      else if (key === 'id' && typeof value === 'string' && typeof (node as JsonSchema).type === 'string') continue;
      else out[key] = rewrite(value);
    }
    return out;
  };
  for (const [name, def] of Object.entries(defs)) components[name] ??= rewrite(def) as JsonSchema;
  // A named root schema is itself a component, referenced from the operation.
  const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
  const root = rewrite(json) as JsonSchema;
  if (id) {
    components[id] ??= root;
    return { $ref: `#/components/schemas/${id}` };
  }
  return root;
}

const errorRef = { $ref: '#/components/responses/Error' };
const ERROR_RESPONSES = {
  Error: { description: 'An error, in the shape every route uses.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

function operationId(op: Operation): string {
  const words = op.path
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/^\{(\w+)\}$/, 'by-$1').replace(/\.json$/, ''))
    .join('-')
    .split(/[-_]/);
  return op.method + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function buildOperation(op: Operation, components: Record<string, JsonSchema>) {
  const parameters: JsonSchema[] = [];
  for (const [, name] of op.path.matchAll(PATH_PARAM)) parameters.push({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });
  if (op.query) {
    const json = toSchema(op.query, 'input', components);
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((json.properties ?? {}) as Record<string, JsonSchema>)) {
      const { description, ...rest } = schema;
      parameters.push({ name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  if (op.ifMatch) parameters.push({ name: 'If-Match', in: 'header', required: false, description: 'The ETag of the version the edit is based on (or send `revision` in the body). A stale one is a 409.', schema: { type: 'string' } });
  if (op.etag) parameters.push({ name: 'If-None-Match', in: 'header', required: false, description: 'An ETag from an earlier read: 304 with no body when it still matches.', schema: { type: 'string' } });
  if (op.method === 'post' && !op.public) {
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'A unique key per intended write: a retry with the same key gets the first answer instead of writing twice.', schema: { type: 'string', maxLength: 255 } });
  }

  const ok: JsonSchema = { description: op.ok.description };
  if (op.ok.schema) ok.content = { [op.ok.contentType ?? 'application/json']: { schema: toSchema(op.ok.schema, 'output', components) } };
  else if (op.ok.contentType) ok.content = { [op.ok.contentType]: { schema: { type: 'string' } } };
  if (op.etag || op.ifMatch || (op.method === 'post' && op.ok.status === 201 && op.ok.schema)) ok.headers = { ETag: { description: 'The version of the resource, for If-Match and If-None-Match.', schema: { type: 'string' } } };

  const responses: Record<string, unknown> = { [String(op.ok.status)]: ok };
  if (op.etag) responses['304'] = { description: 'Not modified: the If-None-Match ETag still matches.' };
  const takesInput = Boolean(op.query || op.body || op.path.includes('{'));
  if (!op.public) {
    responses['401'] = errorRef;
    responses['403'] = errorRef;
  }
  if (op.path.includes('{')) responses['404'] = errorRef;
  if (op.ifMatch || op.conflict) responses['409'] = errorRef;
  if (op.body) responses['413'] = errorRef;
  if (takesInput) responses['422'] = errorRef;
  if (!op.public) responses['429'] = errorRef;

  const description = [op.description, op.permission ? `Needs \`${op.permission}\`.` : undefined].filter(Boolean).join('\n\n');
  return {
    operationId: operationId(op),
    tags: [op.tag],
    summary: op.summary,
    ...(description ? { description } : {}),
    ...(op.permission ? { 'x-permission': op.permission } : {}),
    ...(op.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(op.body, 'input', components) } } } } : {}),
    responses,
  };
}

export const TAGS = [
  { name: 'Openings', description: 'Roles being hired for, with their interview loop (stages and kits) and skill weights.' },
  { name: 'Candidates', description: 'People, their details, and CSV import.' },
  { name: 'Applications', description: "A candidate's application to an opening and its stage." },
  { name: 'Interviews', description: 'Scheduling, rescheduling and cancelling interviews.' },
  { name: 'Scorecards', description: 'Submitted feedback, under the independent-scoring rule.' },
  { name: 'Decisions', description: 'Debriefs, decision packets and hiring decisions.' },
  { name: 'Dashboard', description: 'The comparison grid of an opening.' },
  { name: 'Kits and questions', description: 'Interview kits and the question bank: read and export.' },
  { name: 'Organization', description: 'The caller, members and invitations.' },
  { name: 'Reference', description: 'This description.' },
];

let cached: Record<string, unknown> | undefined;

/** The whole document (built once per process: it depends only on code). */
export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const components: Record<string, JsonSchema> = {};
  toSchema(ErrorResponse, 'output', components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = buildOperation(op, components);
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Loopkit API',
      version: API_VERSION,
      description:
        'The REST API of Loopkit, version 1. Authenticate with an API key (`Authorization: Bearer …`) or a signed-in session. Lists of openings, candidates, applications, scorecards, kits and questions page with `cursor`/`limit` in creation order and filter with `updated_since`; interviews page by time; members, invitations and a candidate’s feedback come whole; single resources send an ETag, and edits take `If-Match`. Errors share one shape: `{ error: { code, message, fields?, current? } }`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerApiKey: [] }, { sessionCookie: [] }],
    tags: TAGS,
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      securitySchemes: {
        bearerApiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'Loopkit API key', description: 'An API key an admin created under Settings → API keys; its scopes are permissions.' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token', description: 'The session of a signed-in member (the app itself). Writes must come from the same site.' },
      },
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      responses: ERROR_RESPONSES,
    },
  };
  return cached;
}
