// Input schemas for candidates and applications; safe to import in the browser.
import { z } from 'zod';
import { expectedRevision } from '../validation';

const optionalText = (max: number) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max, `Use at most ${max} characters`).optional());

export const CandidateFields = {
  name: z.string({ error: 'Enter a name' }).trim().min(2, 'Enter the candidate’s name').max(120, 'Use at most 120 characters'),
  email: z.string({ error: 'Enter an email address' }).trim().toLowerCase().max(254).pipe(z.email('Enter a valid email address')),
  phone: optionalText(40),
  location: optionalText(120),
  source: optionalText(80),
};

export const CreateCandidateInput = z.object({
  ...CandidateFields,
  openingId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid({ error: 'Choose an opening' }).optional()),
});
export type CreateCandidateInput = z.input<typeof CreateCandidateInput>;

/** For edits: blank clears an optional field (null); leaving the key out keeps its value. */
const clearableText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max, `Use at most ${max} characters`).nullable().optional());

/** An edit of a candidate's details. Fields left out keep their value (PATCH semantics). */
export const UpdateCandidateInput = z.object({
  candidateId: z.uuid({ error: 'Candidate is not a valid id' }),
  revision: expectedRevision,
  name: CandidateFields.name.optional(),
  email: CandidateFields.email.optional(),
  phone: clearableText(40),
  location: clearableText(120),
  source: clearableText(80),
  notes: z.string({ error: 'Notes must be text' }).trim().max(5000, 'Use at most 5000 characters').optional(),
});
export type UpdateCandidateInput = z.input<typeof UpdateCandidateInput>;

export const APPLICATION_STAGES = ['active', 'hired', 'rejected', 'withdrawn'] as const;
export const MoveApplicationInput = z.object({
  applicationId: z.uuid({ error: 'Application is not a valid id' }),
  stage: z.enum(APPLICATION_STAGES, { error: 'Choose active, hired, rejected or withdrawn' }),
});

export const ApplyToOpeningInput = z.object({
  candidateId: z.uuid({ error: 'Candidate is not a valid id' }),
  openingId: z.uuid({ error: 'Choose an opening' }),
});

export const ImportCandidatesInput = z.object({
  content: z.string({ error: 'Choose a file' }).min(1, 'The file is empty').max(5_000_000, 'The file is larger than 5 MB'),
  /** Importing from an opening's page: rows with no opening of their own apply to this one. */
  openingId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: 'Choose an opening' }).optional()),
});

/** Erasure needs a typed confirmation: the word "erase" or the pseudonym the candidate will get. */
export const EraseCandidateInput = z.object({
  candidateId: z.uuid({ error: 'Candidate is not a valid id' }),
  confirmation: z.string({ error: 'Type “erase” to confirm' }).trim().min(1, 'Type “erase” to confirm').max(60, 'Type “erase” to confirm'),
});
export type EraseCandidateInput = z.input<typeof EraseCandidateInput>;

/** How the candidates list can be ordered; each has its own index and keyset (see listCandidates). */
export const CANDIDATE_SORTS = ['newest', 'oldest', 'name'] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];
export const CANDIDATE_SORT_LABELS: Record<CandidateSort, string> = { newest: 'Newest first', oldest: 'Oldest first', name: 'Name A–Z' };

/** A blank query parameter or form field is the filter left unset. */
const unsetIfBlank = (v: unknown) => (v === '' || v === null ? undefined : v);

/**
 * The candidates list's search, filters and page, as GET parameters (the page's URL and the
 * API's query string), so a filtered page can be shared and reloaded.
 */
export const ListCandidatesInput = z.object({
  q: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string({ error: 'Search must be text' }).trim().max(100, 'Use at most 100 characters').optional()),
  openingId: z.preprocess(unsetIfBlank, z.uuid({ error: 'Opening is not a valid id' }).optional()),
  stage: z.preprocess(unsetIfBlank, z.enum(APPLICATION_STAGES, { error: 'Choose active, hired, rejected or withdrawn' }).optional()),
  loopStageId: z.preprocess(unsetIfBlank, z.uuid({ error: 'Interview stage is not a valid id' }).optional()),
  sort: z.preprocess(unsetIfBlank, z.enum(CANDIDATE_SORTS, { error: 'Sort by newest, oldest or name' }).default('newest')),
  cursor: z.preprocess(unsetIfBlank, z.string({ error: 'cursor must be text' }).max(300, 'cursor is not one this list gave out').optional()),
  limit: z.preprocess(unsetIfBlank, z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be at least 1').max(100, 'limit must be at most 100').default(25)),
  /** The REST API's change feed: only candidates edited at or after this instant. */
  updated_since: z.preprocess(unsetIfBlank, z.iso.datetime({ offset: true, error: 'updated_since must be an ISO 8601 instant, such as 2026-01-31T09:00:00Z' }).optional()),
});
export type ListCandidatesInput = z.input<typeof ListCandidatesInput>;
