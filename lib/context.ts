// The context every domain function receives: who is acting, in which organization, with which
// role, and the database (or open transaction) to use. Built from the session in app/, or by
// hand in tests — the domain layer never reads cookies or headers itself.
import type { DbExecutor } from '@/db/client';
import { type Permission, type Role, roleHasPermission, serviceHasPermission } from './auth/permissions';
import { ForbiddenError } from './errors';

/** What flows without a signed-in member (sign-up, sign-in, invitations) receive. */
export interface BaseCtx {
  db: DbExecutor;
}

/** An API key's principal: the key, and the scopes it was granted (see lib/api-keys). */
export interface ApiKeyPrincipal {
  id: string;
  scopes: readonly Permission[];
}

/** The role of a request made with an API key: a service member, whose permissions are its scopes. */
export const SERVICE_ROLE = 'service';

export interface Ctx extends BaseCtx {
  /** For an API key, its service user (authors created_by columns; never a member or a panelist). */
  userId: string;
  organizationId: string;
  role: Role | typeof SERVICE_ROLE;
  /** Set exactly when role is 'service'. */
  apiKey?: ApiKeyPrincipal;
}

export type PermissionSubject = Pick<Ctx, 'role' | 'apiKey'>;

/**
 * The one permission check: a member's role, or a key's scopes intersected with what a service
 * may be granted. Nothing else reads ctx.role to decide what is allowed.
 */
export function can(ctx: PermissionSubject, permission: Permission): boolean {
  if (ctx.role === SERVICE_ROLE) return ctx.apiKey ? serviceHasPermission(ctx.apiKey.scopes, permission) : false;
  return roleHasPermission(ctx.role, permission);
}

export function requirePermission(ctx: PermissionSubject, permission: Permission): void {
  if (!can(ctx, permission)) {
    throw new ForbiddenError();
  }
}

/** True for a request made with an API key: off every panel, no feedback of its own. */
export function isService(ctx: PermissionSubject): boolean {
  return ctx.role === SERVICE_ROLE;
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
