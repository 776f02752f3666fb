// The context every domain function receives: who is acting, in which organization, with which
// role, and the database (or open transaction) to use. Built from the session in app/, or by
// hand in tests — the domain layer never reads cookies or headers itself.
import type { DbExecutor } from '@/db/client';
import { type Permission, type Role, roleHasPermission } from './auth/permissions';
import { ForbiddenError } from './errors';

/** What flows without a signed-in member (sign-up, sign-in, invitations) receive. */
export interface BaseCtx {
  db: DbExecutor;
}

export interface Ctx extends BaseCtx {
  userId: string;
  organizationId: string;
  role: Role;
}

export function can(ctx: Pick<Ctx, 'role'>, permission: Permission): boolean {
  return roleHasPermission(ctx.role, permission);
}

export function requirePermission(ctx: Pick<Ctx, 'role'>, permission: Permission): void {
  if (!roleHasPermission(ctx.role, permission)) {
    throw new ForbiddenError();
  }
}

/** Runs fn in a transaction (a savepoint when ctx.db already is one). */
export function inTransaction<T>(ctx: Ctx, fn: (txCtx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

/** Account-level flows (sessions, password) of a signed-in user, in no particular organization. */
export interface AccountCtx extends BaseCtx {
  userId: string;
  /** The session the request came with (auth_sessions.id), so "this session" can be told apart. */
  sessionId: string;
}
