import 'server-only';
// Joining an organization from an invitation: shared by acceptance while signed in and by the
// e-mail verification that completes an acceptance started by signing up.
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { invitations, memberships } from '@/db/schema';
import { recordAudit } from '../audit';
import { ConflictError, NotFoundError } from '../errors';
import { hashInvitationToken } from './invitation-token';

export type Invitation = typeof invitations.$inferSelect;

/** Locks the invitation row so two tabs cannot both accept one link. */
export async function loadUsableInvitation(db: DbExecutor, where: { token: string } | { id: string }): Promise<Invitation> {
  const [invitation] = await db
    .select()
    .from(invitations)
    .where('token' in where ? eq(invitations.tokenHash, hashInvitationToken(where.token)) : eq(invitations.id, where.id))
    .for('update')
    .limit(1);
  if (!invitation || invitation.revokedAt) throw new NotFoundError('Invitation');
  if (invitation.acceptedAt) throw new ConflictError('This invitation has already been used');
  if (invitation.expiresAt.getTime() < Date.now()) throw new ConflictError('This invitation has expired — ask for a new one');
  return invitation;
}

export async function joinFromInvitation(db: DbExecutor, invitation: Invitation, userId: string) {
  const [existing] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, invitation.organizationId), eq(memberships.userId, userId)));
  if (existing) throw new ConflictError('You are already a member of this organization');
  await db.insert(memberships).values({ organizationId: invitation.organizationId, userId, role: invitation.role });
  await db.update(invitations).set({ acceptedAt: new Date(), acceptedByUserId: userId }).where(eq(invitations.id, invitation.id));
  await recordAudit(db, {
    organizationId: invitation.organizationId,
    actorUserId: userId,
    action: 'invitation.accepted',
    entityType: 'invitation',
    entityId: invitation.id,
    data: { role: invitation.role },
  });
  return { organizationId: invitation.organizationId, role: invitation.role };
}
