// Single sign-on (OpenID Connect): one provider configuration per organization, the e-mail
// domains it owns (unique across organizations, so a work address names exactly one provider),
// and one-time tickets that carry a finished SSO sign-in into an Auth.js session.
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, tstz, updatedAt } from './columns';
import { memberRole } from './enums';
import { organizations, tenantId } from './orgs';

export const ssoConfigs = pgTable(
  'sso_configs',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull().default(true),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** AES-256-GCM ciphertext (lib/sso/crypto.ts), never the secret itself; never sent to a browser. */
    clientSecretEncrypted: text('client_secret_encrypted').notNull(),
    /** Role given to a person the provider vouches for who is not a member yet; null refuses them. */
    provisionRole: memberRole('provision_role'),
    /** When true, people whose address is in one of the organization's domains cannot use a password. */
    passwordSignInDisabled: boolean('password_sign_in_disabled').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('sso_configs_issuer_url', sql`${t.issuer} ~ '^https?://'`)],
);

export const ssoDomains = pgTable(
  'sso_domains',
  {
    id: id(),
    organizationId: tenantId(),
    /** Lower-case host part of an e-mail address, e.g. example.com. */
    domain: text('domain').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sso_domains_domain_key').on(t.domain), index('sso_domains_org_idx').on(t.organizationId), check('sso_domains_lower', sql`${t.domain} = lower(${t.domain})`)],
);

/** A finished SSO sign-in, redeemed once (within a minute) by the Auth.js "sso" provider. */
export const ssoTickets = pgTable('sso_tickets', {
  id: id(),
  /** SHA-256 of the ticket; the ticket itself only travels inside the server. */
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  expiresAt: tstz('expires_at').notNull(),
  usedAt: tstz('used_at'),
  createdAt: createdAt(),
});

export type SsoConfig = typeof ssoConfigs.$inferSelect;
