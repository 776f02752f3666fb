import 'server-only';
// The voluntary self-identification flow. A member who may edit candidates sends (or re-sends) a
// link; the candidate answers without an account; the answers land in `self_identifications`,
// apart from the candidate record. The link is single-use and expires after
// SELF_ID_LINK_TTL_DAYS: the form never shows stored answers back (whoever holds a forwarded link
// would read them), so changing answers takes a new link, whose submission replaces the old ones.
// Audit events carry ids and times only, never an answer.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { candidates, organizations, selfIdentificationLinks, selfIdentifications } from '@/db/schema';
import { recordAudit } from '../audit';
import { hashToken, TOKEN_STATE_MESSAGES, type TokenState } from '../auth/user-tokens';
import { type BaseCtx, type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { sendMail } from '../mail';
import { absoluteUrl } from '../urls';
import { parseInput } from '../validation';
import { SELF_ID_QUESTIONS } from './questions';
import { SendSelfIdentificationLinkInput, SubmitSelfIdentificationInput } from './schemas';

export const SELF_ID_LINK_TTL_DAYS = 14;
export const SELF_ID_PATH = '/self-identification';

export type SelfIdLinkStatus = { state: 'none' } | { state: 'open' | 'answered' | 'expired' | 'replaced'; sentAt: string; expiresAt: string };

function linkState(link: { usedAt: Date | null; answeredAt: Date | null; expiresAt: Date }, now: Date): Exclude<SelfIdLinkStatus['state'], 'none'> {
  if (link.answeredAt) return 'answered';
  if (link.usedAt) return 'replaced';
  return link.expiresAt <= now ? 'expired' : 'open';
}

/** The latest link's state for the candidate page: whether to send one, re-send it, or nothing to do. No answers. */
export async function getSelfIdentificationLinkStatus(ctx: Ctx, candidateId: string, now = new Date()): Promise<SelfIdLinkStatus> {
  requirePermission(ctx, 'candidate:read');
  const [link] = await ctx.db
    .select()
    .from(selfIdentificationLinks)
    .where(and(eq(selfIdentificationLinks.organizationId, ctx.organizationId), eq(selfIdentificationLinks.candidateId, candidateId)))
    .orderBy(desc(selfIdentificationLinks.createdAt))
    .limit(1);
  if (!link) return { state: 'none' };
  return { state: linkState(link, now), sentAt: link.createdAt.toISOString(), expiresAt: link.expiresAt.toISOString() };
}

/**
 * Issues a new link (retiring the candidate's open ones), e-mails it through the mail queue and
 * returns it once so the sender can also copy it. Refused (409) for an erased candidate.
 */
export async function sendSelfIdentificationLink(ctx: Ctx, input: unknown, now = new Date()): Promise<{ url: string; expiresAt: string }> {
  requirePermission(ctx, 'candidate:write');
  const { candidateId } = parseInput(SendSelfIdentificationLinkInput, input);
  return inTransaction(ctx, async (tx) => {
    const [candidate] = await tx.db
      .select({ id: candidates.id, email: candidates.email, erasedAt: candidates.erasedAt, organizationName: organizations.name })
      .from(candidates)
      .innerJoin(organizations, eq(organizations.id, candidates.organizationId))
      .where(and(eq(candidates.id, candidateId), eq(candidates.organizationId, ctx.organizationId)))
      .for('update', { of: candidates });
    if (!candidate) throw new NotFoundError('Candidate');
    if (candidate.erasedAt) throw new ConflictError('This candidate’s personal data has been erased: no self-identification link can be sent.');
    await tx.db
      .update(selfIdentificationLinks)
      .set({ usedAt: now })
      .where(and(eq(selfIdentificationLinks.organizationId, ctx.organizationId), eq(selfIdentificationLinks.candidateId, candidateId), isNull(selfIdentificationLinks.usedAt)));
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SELF_ID_LINK_TTL_DAYS * 86_400_000);
    const [link] = await tx.db
      .insert(selfIdentificationLinks)
      .values({ organizationId: ctx.organizationId, candidateId, tokenHash: hashToken(token), expiresAt, sentByUserId: ctx.userId, createdAt: now })
      .returning({ id: selfIdentificationLinks.id });
    const url = absoluteUrl(`${SELF_ID_PATH}/${token}`);
    await sendMail(tx.db, {
      kind: 'self_identification',
      to: candidate.email,
      subject: `${candidate.organizationName}: an optional, confidential equal-opportunity survey`,
      text: [
        `${candidate.organizationName} asks every candidate the same few voluntary questions (gender, race/ethnicity, veteran status, disability) to check that its hiring process treats all groups fairly.`,
        '',
        'Answering is entirely optional, and "I prefer not to say" is always possible. Your answers are kept apart from your application: interviewers and hiring managers never see them, and they are only ever reported as totals for groups of five people or more.',
        '',
        `Answer here (the link works once, until ${expiresAt.toUTCString()}):`,
        url,
      ].join('\n'),
      organizationId: ctx.organizationId,
    });
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'self_identification.link_sent',
      entityType: 'candidate',
      entityId: candidateId,
      data: { linkId: link!.id, expiresAt: expiresAt.toISOString() },
    });
    return { url, expiresAt: expiresAt.toISOString() };
  });
}

async function findLink(db: DbExecutor, token: string, now: Date, lock: boolean) {
  const query = db.select().from(selfIdentificationLinks).where(eq(selfIdentificationLinks.tokenHash, hashToken(token))).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  const state: TokenState = !row ? 'invalid' : row.usedAt ? 'used' : row.expiresAt <= now ? 'expired' : 'valid';
  return { state, row };
}

/** What the form page needs: whether the link works, and who is asking. A GET: nothing is written. */
export async function previewSelfIdentification({ db }: BaseCtx, token: string, now = new Date()): Promise<{ state: 'valid'; organizationName: string } | { state: Exclude<TokenState, 'valid'> }> {
  if (typeof token !== 'string' || token.length > 200) return { state: 'invalid' };
  const { state, row } = await findLink(db, token, now, false);
  if (state !== 'valid' || !row) return { state: state === 'valid' ? 'invalid' : state };
  const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, row.organizationId));
  return { state: 'valid', organizationName: org?.name ?? '' };
}

/** The candidate's answers through a valid link; uses the link up. Wrong link 404, used or expired 409. */
export async function submitSelfIdentification({ db }: BaseCtx, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(SubmitSelfIdentificationInput, input);
  const answers = Object.fromEntries(SELF_ID_QUESTIONS.map((q) => [q.key, String((data as Record<string, unknown>)[q.key])]));
  await db.transaction(async (tx) => {
    const { state, row } = await findLink(tx, data.token, now, true);
    if (state === 'invalid' || !row) throw new NotFoundError('Self-identification link');
    if (state !== 'valid') throw new ConflictError(`${TOKEN_STATE_MESSAGES[state]} Ask the recruiter for a new one.`);
    const [candidate] = await tx.select({ erasedAt: candidates.erasedAt }).from(candidates).where(eq(candidates.id, row.candidateId));
    if (!candidate || candidate.erasedAt) throw new NotFoundError('Self-identification link');
    await tx
      .insert(selfIdentifications)
      .values({ organizationId: row.organizationId, candidateId: row.candidateId, answers, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: selfIdentifications.candidateId, set: { answers, updatedAt: now } });
    await tx.update(selfIdentificationLinks).set({ usedAt: now, answeredAt: now }).where(eq(selfIdentificationLinks.id, row.id));
    await recordAudit(tx, { organizationId: row.organizationId, actorUserId: null, action: 'self_identification.answered', entityType: 'candidate', entityId: row.candidateId, data: { linkId: row.id } });
  });
}

/** The candidate's own answers, for their subject-access export only (lib/candidates/data-export.ts). */
export async function readOwnSelfIdentification(db: DbExecutor, organizationId: string, candidateId: string) {
  const [row] = await db
    .select({ answers: selfIdentifications.answers, updatedAt: selfIdentifications.updatedAt })
    .from(selfIdentifications)
    .where(and(eq(selfIdentifications.organizationId, organizationId), eq(selfIdentifications.candidateId, candidateId)));
  return row ? { answers: row.answers, answeredAt: row.updatedAt.toISOString() } : null;
}

/** Erasure: the answers and every link go (lib/candidates/erasure.ts). Returns whether answers existed. */
export async function deleteSelfIdentification(db: DbExecutor, organizationId: string, candidateId: string): Promise<boolean> {
  const deleted = await db
    .delete(selfIdentifications)
    .where(and(eq(selfIdentifications.organizationId, organizationId), eq(selfIdentifications.candidateId, candidateId)))
    .returning({ id: selfIdentifications.candidateId });
  await db.delete(selfIdentificationLinks).where(and(eq(selfIdentificationLinks.organizationId, organizationId), eq(selfIdentificationLinks.candidateId, candidateId)));
  return deleted.length > 0;
}
