import 'server-only';
// A member erases their own account (GDPR Art. 17, self-service). The users row stays, renamed
// "Former member" with an address that can never receive mail, because scorecards point at their
// author (interviewer_user_id, ON DELETE RESTRICT) and every grid, packet and calibration figure
// counts those scorecards. What identifies or authenticates the person goes: name, e-mail, image,
// password, OAuth links, sessions, memberships, sign-in attempts, the address on invitations, and
// their notifications, notification settings and time zone.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, invitations, loginAttempts, memberships, notificationPreferences, notifications, organizations, sessions, users } from '@/db/schema';
import { recordAudit } from '../audit';
import type { BaseCtx } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validation';

export const FORMER_MEMBER_NAME = 'Former member';

export const EraseAccountInput = z.object({
  confirmation: z.string({ error: 'Type “erase my account” to confirm' }).trim().max(60),
});

export function erasedUserEmail(userId: string): string {
  return `former-member-${userId}@erased.invalid`;
}

export async function eraseAccount({ db }: BaseCtx, userId: string, input: unknown): Promise<{ memberships: number }> {
  const { confirmation } = parseInput(EraseAccountInput, input);
  if (confirmation.toLowerCase() !== 'erase my account') throw ValidationError.field('confirmation', 'Type “erase my account” to confirm');
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new NotFoundError('Account');
    if (user.erasedAt) throw new ConflictError('This account has already been erased.');
    const own = await tx.select({ id: memberships.id, organizationId: memberships.organizationId, role: memberships.role, orgName: organizations.name }).from(memberships).innerJoin(organizations, eq(organizations.id, memberships.organizationId)).where(eq(memberships.userId, userId));
    // An organization without an admin can no longer be managed, nor can its candidates' data
    // rights be served: the last admin hands over first (the same rule as removing a member).
    for (const m of own.filter((m) => m.role === 'admin')) {
      const [admins] = await tx.select({ n: count() }).from(memberships).where(and(eq(memberships.organizationId, m.organizationId), eq(memberships.role, 'admin')));
      if ((admins?.n ?? 0) <= 1) throw new ConflictError(`You are the only admin of ${m.orgName}. Make another member an admin first.`);
    }
    const now = new Date();
    await tx
      .update(users)
      .set({ name: FORMER_MEMBER_NAME, email: erasedUserEmail(user.id), emailVerified: null, image: null, passwordHash: null, timeZone: null, erasedAt: now, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, user.id));
    await tx.delete(accounts).where(eq(accounts.userId, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    // Their inbox and settings: nobody reads them again.
    await tx.delete(notifications).where(eq(notifications.userId, user.id));
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, user.id));
    await tx.delete(loginAttempts).where(eq(sql`lower(${loginAttempts.email})`, user.email.toLowerCase()));
    await tx.update(invitations).set({ email: erasedUserEmail(user.id) }).where(eq(sql`lower(${invitations.email})`, user.email.toLowerCase()));
    if (own.length) await tx.delete(memberships).where(inArray(memberships.id, own.map((m) => m.id)));
    for (const m of own) {
      await recordAudit(tx, { organizationId: m.organizationId, actorUserId: user.id, action: 'member.erased', entityType: 'membership', entityId: m.id, data: { userId: user.id, role: m.role } });
    }
    await recordAudit(tx, { organizationId: null, actorUserId: user.id, action: 'user.erased', entityType: 'user', entityId: user.id, data: { memberships: own.length } });
    return { memberships: own.length };
  });
}
