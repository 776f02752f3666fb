import 'server-only';
// Candidates and their applications. Every move between stages is audited; a CSV import is
// validated row by row and written all-or-nothing, like the question bank import.
import { and, eq, inArray, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { z } from 'zod';
import { applications, type Candidate, candidates, openings } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { RowError } from '../questions/file-format';
import { inSlices, isUniqueViolation } from '../sql';
import { parseInput } from '../validation';
import { emitWebhookEvent, emitWebhookEvents } from '../webhooks/emit';
import { loadCandidateBlindCode } from './blind';
import { assertNotErased } from './erasure';
import { type CandidateDetails, toCandidateDetails } from './queries';
import { ApplyToOpeningInput, CandidateFields, CreateCandidateInput, ImportCandidatesInput, MoveApplicationInput, UpdateCandidateInput } from './schemas';
import { plural } from '../text';

async function findCandidateByEmail(ctx: Ctx, email: string) {
  const [row] = await ctx.db
    .select({ id: candidates.id })
    .from(candidates)
    .where(and(eq(candidates.organizationId, ctx.organizationId), eq(sql`lower(${candidates.email})`, email.toLowerCase())));
  return row;
}

/** An opening of this organization that takes applications: open, not on hold or closed. */
async function openOpeningInOrg(ctx: Ctx, openingId: string, field = 'openingId') {
  const [row] = await ctx.db
    .select({ id: openings.id, title: openings.title, status: openings.status })
    .from(openings)
    .where(and(eq(openings.id, openingId), eq(openings.organizationId, ctx.organizationId)));
  if (!row) throw ValidationError.field(field, 'Choose an opening from the list');
  if (row.status !== 'open') throw ValidationError.field(field, `${row.title} is ${row.status === 'closed' ? 'closed' : 'on hold'} and takes no applications`);
  return row;
}

export async function createCandidate(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'candidate:write');
  const { openingId, ...data } = parseInput(CreateCandidateInput, input);
  return inTransaction(ctx, async (tx) => {
    if (await findCandidateByEmail(tx, data.email)) throw ValidationError.field('email', 'A candidate with this email already exists');
    if (openingId) await openOpeningInOrg(tx, openingId);
    const [candidate] = await tx.db.insert(candidates).values({ organizationId: ctx.organizationId, ...data }).returning();
    const [application] = openingId ? await tx.db.insert(applications).values({ organizationId: ctx.organizationId, candidateId: candidate!.id, openingId }).returning({ id: applications.id }) : [];
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'candidate.created', entityType: 'candidate', entityId: candidate!.id, data: { openingId: openingId ?? null } });
    await emitWebhookEvent(tx.db, ctx.organizationId, 'candidate.created', { candidateId: candidate!.id, openingId: openingId ?? null, applicationId: application?.id ?? null });
    return { candidateId: candidate!.id };
  });
}

const EDITABLE_FIELDS = ['name', 'email', 'phone', 'location', 'source', 'notes'] as const;

/**
 * Edits a candidate's details. The edit names the revision it was based on; if someone saved in
 * between, nothing is written and the ConflictError carries the current details to merge with.
 * Audited with the names of the changed fields only: the values are personal data, and an
 * append-only log is the wrong place to keep old copies of them.
 */
export async function updateCandidate(ctx: Ctx, input: unknown): Promise<CandidateDetails> {
  requirePermission(ctx, 'candidate:write');
  const { candidateId, revision, ...edit } = parseInput(UpdateCandidateInput, input);
  return inTransaction(ctx, async (tx) => {
    const [candidate] = await tx.db
      .select()
      .from(candidates)
      .where(and(eq(candidates.id, candidateId), eq(candidates.organizationId, ctx.organizationId)))
      .for('update');
    if (!candidate) throw new NotFoundError('Candidate');
    assertNotErased(candidate);
    // Someone kept blind could read the person back from a 409's `current` or from what they overwrite.
    if (await loadCandidateBlindCode(tx, 'candidate', candidate.id)) throw new ForbiddenError('This candidate is in blind review: a recruiter edits their details until a hire or reject decision is recorded.');
    if (candidate.revision !== revision) {
      throw new ConflictError(
        `Someone else saved this candidate (now revision ${candidate.revision}) while you were editing revision ${revision}. Your changes were not saved.`,
        toCandidateDetails(candidate),
      );
    }
    const changes: Partial<Pick<Candidate, (typeof EDITABLE_FIELDS)[number]>> = {};
    for (const field of EDITABLE_FIELDS) {
      const value = edit[field];
      if (value !== undefined && value !== candidate[field]) Object.assign(changes, { [field]: value });
    }
    if (!Object.keys(changes).length) return toCandidateDetails(candidate);
    const emailTaken = 'A candidate with this email already exists';
    if (changes.email) {
      const other = await findCandidateByEmail(tx, changes.email);
      if (other && other.id !== candidate.id) throw ValidationError.field('email', emailTaken);
    }
    let saved;
    try {
      [saved] = await tx.db
        .update(candidates)
        .set({ ...changes, revision: candidate.revision + 1, updatedAt: new Date() })
        .where(eq(candidates.id, candidate.id))
        .returning();
    } catch (error) {
      // Another transaction took the address between our check and this write.
      if (isUniqueViolation(error, 'candidates_org_email_key')) throw ValidationError.field('email', emailTaken);
      throw error;
    }
    if (!saved) throw new NotFoundError('Candidate'); // the row is locked above; this only narrows the type
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'candidate.updated',
      entityType: 'candidate',
      entityId: candidate.id,
      data: { revision: saved.revision, fields: Object.keys(changes) },
    });
    return toCandidateDetails(saved);
  });
}

/** Moves an application between active, hired, rejected and withdrawn. Audited. */
/** An existing candidate applies to another open opening. Audited. */
export async function applyToOpening(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'candidate:write');
  const data = parseInput(ApplyToOpeningInput, input);
  return inTransaction(ctx, async (tx) => {
    const [candidate] = await tx.db
      .select({ id: candidates.id, erasedAt: candidates.erasedAt })
      .from(candidates)
      .where(and(eq(candidates.id, data.candidateId), eq(candidates.organizationId, ctx.organizationId)));
    if (!candidate) throw new NotFoundError('Candidate');
    assertNotErased(candidate);
    const opening = await openOpeningInOrg(tx, data.openingId);
    const alreadyApplied = `This candidate has already applied to ${opening.title}`;
    const [existing] = await tx.db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.candidateId, candidate.id), eq(applications.openingId, opening.id)));
    if (existing) throw ValidationError.field('openingId', alreadyApplied);
    let application;
    try {
      [application] = await tx.db.insert(applications).values({ organizationId: ctx.organizationId, candidateId: candidate.id, openingId: opening.id }).returning({ id: applications.id });
    } catch (error) {
      // A second request for the same application won the race.
      if (isUniqueViolation(error, 'applications_org_candidate_opening_key')) throw ValidationError.field('openingId', alreadyApplied);
      throw error;
    }
    if (!application) throw new Error('The application insert returned no row');
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'application.created', entityType: 'application', entityId: application.id, data: { candidateId: candidate.id, openingId: opening.id } });
    return { applicationId: application.id };
  });
}

export async function moveApplication(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'candidate:write');
  const data = parseInput(MoveApplicationInput, input);
  return inTransaction(ctx, async ({ db }) => {
    const [application] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.id, data.applicationId), eq(applications.organizationId, ctx.organizationId)))
      .for('update');
    if (!application) throw new NotFoundError('Application');
    const [candidate] = await db.select({ erasedAt: candidates.erasedAt }).from(candidates).where(eq(candidates.id, application.candidateId));
    assertNotErased(candidate!);
    if (application.stage === data.stage) return application;
    const now = new Date();
    // closedAt is when the application last left the active stage: the retention period counts from it.
    const closedAt = data.stage === 'active' ? null : now;
    const [updated] = await db.update(applications).set({ stage: data.stage, closedAt, updatedAt: now }).where(eq(applications.id, application.id)).returning();
    await recordAudit(db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'application.moved',
      entityType: 'application',
      entityId: application.id,
      data: { from: application.stage, to: data.stage },
    });
    await emitWebhookEvent(db, ctx.organizationId, 'application.stage_changed', {
      applicationId: application.id,
      candidateId: application.candidateId,
      openingId: application.openingId,
      from: application.stage,
      to: data.stage,
    });
    return updated!;
  });
}

const LOOKUP_SLICE = 10_000;
const INSERT_SLICE = 1_000;

const CsvCandidate = z.object({ ...CandidateFields, opening: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional()) });

export type CandidateImportPreview = { ok: true; create: number; applications: number; rows: { row: number; name: string; email: string; opening: string | null }[] } | { ok: false; errors: RowError[] };

async function planCandidateImport(ctx: Ctx, input: unknown) {
  const { content, openingId: defaultOpeningId } = parseInput(ImportCandidatesInput, input);
  const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
  const missing = ['name', 'email'].filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) return { ok: false as const, errors: [{ row: 0, field: 'header', message: `Missing columns: ${missing.join(', ')}` }] };
  const openingRows = await ctx.db.select({ id: openings.id, title: openings.title, status: openings.status }).from(openings).where(eq(openings.organizationId, ctx.organizationId));
  const openingByTitle = new Map(openingRows.map((o) => [o.title.toLowerCase(), o]));
  const defaultOpening = defaultOpeningId ? openingRows.find((o) => o.id === defaultOpeningId) : undefined;
  if (defaultOpeningId && !defaultOpening) throw ValidationError.field('openingId', 'Choose an opening from the list');
  if (defaultOpening && defaultOpening.status !== 'open') throw ValidationError.field('openingId', `${defaultOpening.title} takes no applications`);
  const errors: RowError[] = [];
  const rows: { row: number; data: z.output<typeof CsvCandidate>; openingId: string | null; openingTitle: string | null }[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((raw, index) => {
    const row = index + 1;
    const result = CsvCandidate.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) errors.push({ row, field: issue.path.join('.') || 'row', message: issue.message });
      return;
    }
    if (seen.has(result.data.email)) errors.push({ row, field: 'email', message: 'This email appears twice in the file' });
    seen.add(result.data.email);
    const opening = result.data.opening ? openingByTitle.get(result.data.opening.toLowerCase()) : defaultOpening;
    if (result.data.opening && !opening) errors.push({ row, field: 'opening', message: `No opening is titled "${result.data.opening}"` });
    if (opening && opening.status !== 'open') errors.push({ row, field: 'opening', message: `${opening.title} is ${opening.status === 'closed' ? 'closed' : 'on hold'} and takes no applications` });
    const openingId = opening?.id;
    rows.push({ row, data: result.data, openingId: openingId ?? null, openingTitle: opening?.title ?? null });
  });
  if (rows.length) {
    const taken = new Set<string>();
    for (const emails of inSlices(rows.map((r) => r.data.email), LOOKUP_SLICE)) {
      const existing = await ctx.db
        .select({ email: candidates.email })
        .from(candidates)
        .where(and(eq(candidates.organizationId, ctx.organizationId), inArray(sql`lower(${candidates.email})`, emails)));
      for (const e of existing) taken.add(e.email.toLowerCase());
    }
    for (const r of rows) if (taken.has(r.data.email)) errors.push({ row: r.row, field: 'email', message: 'A candidate with this email already exists' });
  }
  if (!rows.length && !errors.length) errors.push({ row: 0, field: 'file', message: 'The file has no candidates' });
  return errors.length ? { ok: false as const, errors } : { ok: true as const, rows };
}

export async function previewCandidateImport(ctx: Ctx, input: unknown): Promise<CandidateImportPreview> {
  requirePermission(ctx, 'candidate:write');
  const plan = await planCandidateImport(ctx, input);
  if (!plan.ok) return plan;
  return {
    ok: true,
    create: plan.rows.length,
    applications: plan.rows.filter((r) => r.openingId).length,
    rows: plan.rows.map((r) => ({ row: r.row, name: r.data.name, email: r.data.email, opening: r.openingTitle })),
  };
}

export async function importCandidates(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'candidate:write');
  return inTransaction(ctx, async (tx) => {
    const plan = await planCandidateImport(tx, input);
    if (!plan.ok) {
      const fieldErrors: Record<string, string[]> = {};
      for (const e of plan.errors) (fieldErrors[`row ${e.row}: ${e.field}`] ??= []).push(e.message);
      throw new ValidationError(fieldErrors, `The file has ${plural(plan.errors.length, 'error')}; nothing was imported.`);
    }
    // In slices, not a statement per row: a 65,000-row file is one transaction of ~130 statements,
    // each well under PostgreSQL's 65,535 bound parameters.
    for (const slice of inSlices(plan.rows, INSERT_SLICE)) {
      const created = await tx.db
        .insert(candidates)
        .values(slice.map(({ data: { opening: _opening, ...fields } }) => ({ organizationId: ctx.organizationId, ...fields })))
        .returning({ id: candidates.id, email: candidates.email });
      // Emails are unique within the file, so they pair each new row with its opening.
      const idByEmail = new Map(created.map((c) => [c.email.toLowerCase(), c.id]));
      const newApplications = slice
        .filter((r) => r.openingId)
        .map((r) => ({ organizationId: ctx.organizationId, candidateId: idByEmail.get(r.data.email.toLowerCase())!, openingId: r.openingId! }));
      const createdApplications = newApplications.length ? await tx.db.insert(applications).values(newApplications).returning({ id: applications.id, candidateId: applications.candidateId, openingId: applications.openingId }) : [];
      const applicationOf = new Map(createdApplications.map((a) => [a.candidateId, a]));
      await emitWebhookEvents(
        tx.db,
        ctx.organizationId,
        created.map((c) => ({ type: 'candidate.created', data: { candidateId: c.id, openingId: applicationOf.get(c.id)?.openingId ?? null, applicationId: applicationOf.get(c.id)?.id ?? null } })),
      );
    }
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'candidates.imported', entityType: 'candidate', data: { count: plan.rows.length } });
    return { created: plan.rows.length };
  });
}
