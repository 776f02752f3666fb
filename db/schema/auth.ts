// Users and the Auth.js tables (accounts, sessions, verification tokens), our own server-side
// sessions (auth_sessions: what a JWT's `sid` claim points at, so a session can be revoked), plus
// sign-in attempts kept in Postgres so every app instance shares the brute-force counters.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from './columns';

export const users = pgTable(
  'users',
  {
    id: id(),
    name: text('name'),
    email: text('email').notNull(),
    emailVerified: tstz('email_verified'),
    image: text('image'),
    passwordHash: text('password_hash'),
    /** Bumped by "sign out everywhere": tokens carrying an older value are refused. */
    sessionVersion: integer('session_version').notNull().default(0),
    /** IANA zone (e.g. Europe/Berlin) their invites and pages use; null until the browser reports one. */
    timeZone: text('time_zone'),
    /** Set when the person erased their account: the row stays as "Former member" so their scorecards keep their author. */
    erasedAt: tstz('erased_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

export const accounts = pgTable(
  'accounts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index('accounts_user_id_idx').on(t.userId)],
);

export const sessions = pgTable('sessions', {
  sessionToken: text('session_token').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: tstz('expires').notNull(),
});

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: tstz('expires').notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/**
 * One row per sign-in (credentials or OAuth); the session JWT carries its id. A token is honoured
 * only while its row exists, is not revoked and is before its absolute expiry, so signing out
 * ends the session for every copy of the cookie.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** Touched at most about once a minute, not on every request. */
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    /** Absolute limit: however active the session, it ends here. */
    expiresAt: tstz('expires_at').notNull(),
    revokedAt: tstz('revoked_at'),
    /** "Firefox on Linux"-style summary for the sessions list; never the raw header. */
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('auth_sessions_user_id_idx').on(t.userId), index('auth_sessions_expires_at_idx').on(t.expiresAt)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: id(),
    email: text('email').notNull(),
    /** Null when the client address is unknown (no trusted socket address): no per-IP counting. */
    ip: text('ip'),
    succeeded: boolean('succeeded').notNull(),
    /** Refused because a lock was already on: recorded, but never counted toward a lock. */
    refused: boolean('refused').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('login_attempts_email_created_idx').on(t.email, t.createdAt),
    index('login_attempts_ip_created_idx').on(t.ip, t.createdAt),
    index('login_attempts_created_idx').on(t.createdAt),
  ],
);

export type User = typeof users.$inferSelect;
export type AuthSession = typeof authSessions.$inferSelect;
export type NewUser = typeof users.$inferInsert;
