// The REST API's list filters and response shapes, as zod: the routes parse their query strings
// with the former, and the OpenAPI document (./openapi.ts) describes both from this one source.
// Safe to import in the browser.
import { z } from 'zod';
import { APPLICATION_STAGES } from '../candidates/schemas';
import { PANEL_ROLES } from '../interviews/schemas';
import { INTERVIEW_STATES } from '../interviews/status';
import { BLIND_REVIEW_MODES, OPENING_STATUSES } from '../openings/schemas';
import { LEVELS, QUESTION_KINDS } from '../questions/schemas';
import { RECOMMENDATIONS } from '../scorecards/schemas';
import { PageQuery } from './schemas';

const unsetIfBlank = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalId = (field: string) => z.preprocess(unsetIfBlank, z.uuid({ error: `${field} is not a valid id` }).optional());

export const ListOpeningsQuery = PageQuery.extend({
  status: z.preprocess(unsetIfBlank, z.enum(OPENING_STATUSES, { error: 'status must be open, on_hold or closed' }).optional()),
});
export const ListApplicationsQuery = PageQuery.extend({
  openingId: optionalId('openingId'),
  candidateId: optionalId('candidateId'),
  stage: z.preprocess(unsetIfBlank, z.enum(APPLICATION_STAGES, { error: 'stage must be active, hired, rejected or withdrawn' }).optional()),
});
export const ListScorecardsQuery = PageQuery.extend({
  candidateId: optionalId('candidateId'),
  openingId: optionalId('openingId'),
  interviewId: optionalId('interviewId'),
  interviewerUserId: optionalId('interviewerUserId'),
});
export const ListKitsQuery = PageQuery;
export const ListQuestionsQuery = PageQuery.extend({
  status: z.preprocess(unsetIfBlank, z.enum(['active', 'archived', 'all'], { error: 'status must be active, archived or all' }).default('active')),
  skillId: optionalId('skillId'),
});

// ——— Responses ———

const Id = z.uuid();
const Instant = z.iso.datetime({ offset: true });

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'not_found, forbidden, conflict, validation, unauthenticated, rate_limited, payload_too_large, bad_request, internal' }),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: 'On 422: the messages for each field, keyed by its name (dotted for nested fields).' }),
      current: z.unknown().optional().meta({ description: 'On 409 for a stale revision: the resource as it is now, with its revision.' }),
    }),
  })
  .meta({ id: 'Error' });

export const Opening = z
  .object({
    id: Id,
    title: z.string(),
    level: z.enum(LEVELS),
    status: z.enum(OPENING_STATUSES),
    description: z.string(),
    hiringManagerUserId: Id.nullable(),
    blindReview: z.enum(BLIND_REVIEW_MODES).meta({ description: 'Who sees candidate codes instead of names until a hire or reject decision: off, interviewers, or interviewers_and_dashboard.' }),
    revision: z.int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Opening' });

export const OpeningDetail = Opening.extend({
  stages: z.array(z.object({ id: Id, name: z.string(), position: z.int(), kitId: Id.nullable(), durationMinutes: z.int() })),
  weights: z.array(z.object({ skillId: Id, skillName: z.string(), weight: z.int() })),
}).meta({ id: 'OpeningDetail' });

export const CandidateListItem = z
  .object({
    id: Id,
    name: z.string().meta({ description: 'Under blind review (`blind`), the code of one of the candidate’s applications.' }),
    email: z.string().nullable().meta({ description: 'Null under blind review.' }),
    blind: z.boolean(),
    erased: z.boolean(),
    createdAt: Instant,
    applications: z.array(z.object({ id: Id, openingId: Id, openingTitle: z.string(), stage: z.enum(APPLICATION_STAGES), loopStage: z.string().nullable() })),
  })
  .meta({ id: 'CandidateListItem' });

export const Candidate = z
  .object({
    id: Id,
    revision: z.int(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    location: z.string().nullable(),
    source: z.string().nullable(),
    notes: z.string(),
    updatedAt: Instant,
    blind: z.boolean().meta({ description: 'Blind review hides the person from the caller: `name` is a code; e-mail, phone, location, source and notes are blank.' }),
  })
  .meta({ id: 'Candidate' });

export const Application = z
  .object({
    id: Id,
    candidateId: Id,
    openingId: Id,
    stage: z.enum(APPLICATION_STAGES),
    currentStageId: Id.nullable(),
    closedAt: Instant.nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Application' });

export const InterviewSchedule = z
  .object({
    id: Id,
    revision: z.int(),
    status: z.enum(['scheduled', 'cancelled']),
    scheduledAt: Instant,
    durationMinutes: z.int(),
    panelUserIds: z.array(Id),
    panelRoles: z.record(Id, z.enum(PANEL_ROLES)).meta({ description: 'Each panelist’s role: interviewer, shadow or reverse_shadow. Shadows’ scorecards never count in any aggregate.' }),
    warnings: z.array(z.string()).meta({ description: 'Advice that did not stop the change, e.g. that no interviewer on the panel is qualified for the kit.' }),
  })
  .meta({ id: 'InterviewSchedule' });

export const InterviewListItem = z
  .object({
    id: Id,
    scheduledAt: Instant,
    endsAt: Instant,
    durationMinutes: z.int(),
    status: z.enum(INTERVIEW_STATES),
    candidate: z.object({ id: Id, name: z.string(), erased: z.boolean() }),
    opening: z.object({ id: Id, title: z.string() }),
    stage: z.string().nullable(),
    panel: z.array(z.object({ userId: Id, name: z.string(), card: z.string(), role: z.enum(PANEL_ROLES), owes: z.boolean() })),
    owedSince: Instant.nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'InterviewListItem' });

export const Scorecard = z
  .object({
    id: Id,
    interviewId: Id,
    applicationId: Id,
    candidateId: Id,
    openingId: Id,
    interviewerUserId: Id,
    interviewerName: z.string(),
    recommendation: z.enum(RECOMMENDATIONS),
    summary: z.string(),
    ratings: z.array(z.object({ skillId: Id, rating: z.int().min(1).max(4).nullable(), noEvidence: z.boolean() })),
    counted: z.boolean().meta({ description: 'False for a shadow’s or reverse shadow’s card: kept for the record, never part of any aggregate.' }),
    submittedAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Scorecard' });

export const Kit = z
  .object({ id: Id, name: z.string(), builtin: z.boolean(), isTemplate: z.boolean(), publishedVersion: z.int().nullable(), latestVersion: z.int(), createdAt: Instant, updatedAt: Instant })
  .meta({ id: 'Kit' });

export const Question = z
  .object({
    id: Id,
    builtin: z.boolean(),
    status: z.enum(['active', 'archived']),
    version: z.int(),
    title: z.string(),
    kind: z.enum(QUESTION_KINDS),
    level: z.enum(LEVELS),
    expectedMinutes: z.int(),
    primarySkillId: Id,
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Question' });

/** A response whose shape the page that owns it documents; described loosely here. */
export const JsonObject = z.record(z.string(), z.unknown());

/** `{ <key>: T[], nextCursor }`: one page of a list. */
export function pageOf<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.object({
    [key]: z.array(item),
    nextCursor: z.string().nullable().meta({ description: 'Pass back as `cursor` (with the same filters) for the next page; null on the last page.' }),
  } as { [P in K]: z.ZodArray<T> } & { nextCursor: z.ZodNullable<z.ZodString> });
}
