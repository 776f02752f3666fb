import 'server-only';
// Settings → Single sign-on: an admin (org:manage) reads and saves the organization's OIDC
// provider, its e-mail domains, what happens to new people and whether passwords still work.
// The client secret is stored sealed (./crypto.ts) and never leaves the server again: reads say
// only whether one is set. Every save is audited without the secret.
import { and, eq, inArray, ne } from 'drizzle-orm';
import { ssoConfigs, ssoDomains } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ValidationError } from '../errors';
import { parseInput } from '../validation';
import { seal, unseal } from './crypto';
import { discoverProvider, forgetProvider, issuerRefusal, ssoRedirectUri } from './provider';
import { type Provisioning, SaveSsoConfigInput } from './schemas';

export interface SsoSettings {
  configured: boolean;
  enabled: boolean;
  issuer: string;
  clientId: string;
  /** Whether a client secret is stored; the secret itself is never returned. */
  clientSecretSet: boolean;
  domains: string[];
  provisioning: Provisioning;
  passwordSignInDisabled: boolean;
  /** What to register at the provider. */
  redirectUri: string;
  updatedAt: Date | null;
}

async function readSettings(ctx: Ctx): Promise<SsoSettings> {
  const [row] = await ctx.db.select().from(ssoConfigs).where(eq(ssoConfigs.organizationId, ctx.organizationId));
  const domains = await ctx.db.select({ domain: ssoDomains.domain }).from(ssoDomains).where(eq(ssoDomains.organizationId, ctx.organizationId)).orderBy(ssoDomains.domain);
  return {
    configured: Boolean(row),
    enabled: row?.enabled ?? false,
    issuer: row?.issuer ?? '',
    clientId: row?.clientId ?? '',
    clientSecretSet: Boolean(row?.clientSecretEncrypted),
    domains: domains.map((d) => d.domain),
    provisioning: row ? (row.provisionRole ?? 'refuse') : 'refuse',
    passwordSignInDisabled: row?.passwordSignInDisabled ?? false,
    redirectUri: ssoRedirectUri(),
    updatedAt: row?.updatedAt ?? null,
  };
}

/** The organization's SSO settings (admins only). */
export async function getSsoSettings(ctx: Ctx): Promise<SsoSettings> {
  requirePermission(ctx, 'org:manage');
  return readSettings(ctx);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Creates or replaces the organization's SSO settings; an empty client secret keeps the stored one. */
export async function saveSsoSettings(ctx: Ctx, input: unknown): Promise<SsoSettings> {
  requirePermission(ctx, 'org:manage');
  const data = parseInput(SaveSsoConfigInput, input);
  const refusal = issuerRefusal(data.issuer);
  if (refusal) throw ValidationError.field('issuer', refusal);
  if (data.passwordSignInDisabled && !data.enabled) {
    throw ValidationError.field('passwordSignInDisabled', 'Turn single sign-on on before turning password sign-in off');
  }
  try {
    const saved = await inTransaction(ctx, async (tx) => {
      const [existing] = await tx.db.select().from(ssoConfigs).where(eq(ssoConfigs.organizationId, ctx.organizationId)).for('update');
      if (!data.clientSecret && !existing) throw ValidationError.field('clientSecret', 'Enter the client secret');
      const claimed = await tx.db
        .select({ domain: ssoDomains.domain })
        .from(ssoDomains)
        .where(and(inArray(ssoDomains.domain, data.domains), ne(ssoDomains.organizationId, ctx.organizationId)));
      if (claimed.length) throw domainsTaken(claimed.map((c) => c.domain));
      const values = {
        enabled: data.enabled,
        issuer: data.issuer,
        clientId: data.clientId,
        clientSecretEncrypted: data.clientSecret ? seal(data.clientSecret, 'client-secret', ctx.organizationId) : existing!.clientSecretEncrypted,
        provisionRole: data.provisioning === 'refuse' ? null : data.provisioning,
        passwordSignInDisabled: data.passwordSignInDisabled,
        updatedAt: new Date(),
      };
      await tx.db
        .insert(ssoConfigs)
        .values({ organizationId: ctx.organizationId, ...values })
        .onConflictDoUpdate({ target: ssoConfigs.organizationId, set: values });
      await tx.db.delete(ssoDomains).where(eq(ssoDomains.organizationId, ctx.organizationId));
      await tx.db.insert(ssoDomains).values(data.domains.map((domain) => ({ organizationId: ctx.organizationId, domain })));
      await recordAudit(tx.db, {
        organizationId: ctx.organizationId,
        actorUserId: ctx.userId,
        action: existing ? 'sso.settings_updated' : 'sso.settings_created',
        entityType: 'sso_config',
        entityId: ctx.organizationId,
        // Never the secret: only whether it changed.
        data: {
          enabled: data.enabled,
          issuer: data.issuer,
          clientId: data.clientId,
          clientSecretChanged: Boolean(data.clientSecret),
          domains: data.domains,
          provisioning: data.provisioning,
          passwordSignInDisabled: data.passwordSignInDisabled,
        },
      });
      return readSettings(tx);
    });
    forgetProvider(ctx.organizationId);
    return saved;
  } catch (error) {
    // Two organizations claiming one domain at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw domainsTaken([]);
    throw error;
  }
}

function domainsTaken(domains: string[]): ValidationError {
  const which = domains.length ? `${domains.join(', ')} ${domains.length === 1 ? 'is' : 'are'}` : 'A domain is';
  return ValidationError.field('domains', `${which} already used for single sign-on by another organization`);
}

/**
 * "Test connection": fetches the issuer's discovery document with the typed values (the secret is
 * not needed for discovery) and says what it found, or why it failed, as a field error.
 */
export async function testSsoConnection(ctx: Ctx, input: unknown): Promise<{ issuer: string; authorizationEndpoint: string }> {
  requirePermission(ctx, 'org:manage');
  const data = parseInput(SaveSsoConfigInput.pick({ issuer: true, clientId: true }), input);
  const refusal = issuerRefusal(data.issuer);
  if (refusal) throw ValidationError.field('issuer', refusal);
  try {
    const config = await discoverProvider({ issuer: data.issuer, clientId: data.clientId });
    const metadata = config.serverMetadata();
    return { issuer: metadata.issuer, authorizationEndpoint: metadata.authorization_endpoint ?? '' };
  } catch (error) {
    throw ValidationError.field('issuer', `Discovery failed: ${(error as Error).message}`.slice(0, 300));
  }
}

/** The stored secret, decrypted, for the sign-in flow (server only). */
export function openClientSecret(organizationId: string, sealed: string): string {
  const secret = unseal(sealed, 'client-secret', organizationId);
  if (secret === null) throw new Error('The SSO client secret cannot be decrypted (was AUTH_SECRET or SSO_ENCRYPTION_KEY changed?)');
  return secret;
}
