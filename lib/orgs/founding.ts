import 'server-only';
// Founding an organization: the one insert that both sign-up and "create another organization"
// run, so the founder's admin membership and the audit event cannot drift apart between them.
import type { DbExecutor } from '@/db/client';
import { memberships, organizations } from '@/db/schema';
import { recordAudit } from '../audit';
import { uniqueOrganizationSlug } from './slug';

/** Inserts an organization with `adminUserId` as its admin; call it inside the caller's transaction. */
export async function insertOrganizationWithAdmin(db: DbExecutor, input: { name: string; adminUserId: string }) {
  const [org] = await db.insert(organizations).values({ name: input.name, slug: await uniqueOrganizationSlug(db, input.name) }).returning();
  if (!org) throw new Error('insert returned no organization');
  await db.insert(memberships).values({ organizationId: org.id, userId: input.adminUserId, role: 'admin' });
  await recordAudit(db, {
    organizationId: org.id,
    actorUserId: input.adminUserId,
    action: 'organization.created',
    entityType: 'organization',
    entityId: org.id,
    data: { name: org.name },
  });
  return org;
}
