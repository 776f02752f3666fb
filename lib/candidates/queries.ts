import 'server-only';
// Reads of candidates and their applications.
import { and, desc, eq } from 'drizzle-orm';
import { applications, candidates, openings } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { parseId } from '../ids';

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
