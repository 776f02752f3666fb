import 'server-only';
// Signing in through an organization's OpenID provider: the work e-mail's domain names the
// organization; the browser goes to its provider (authorization code flow with PKCE, state and
// nonce kept sealed in a short-lived httpOnly cookie); the callback exchanges the code through
// openid-client, which checks state, issuer, audience, signature, expiry, nonce and PKCE; the
// verified e-mail then names a member (or provisions one), and a one-time ticket, redeemed by the
// Auth.js "sso" provider, turns that into the same session a password sign-in creates.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { DbExecutor } from '@/db/client';
import { memberships, ssoConfigs, ssoDomains, ssoTickets, users } from '@/db/schema';
import type { AccountSummary } from '../auth/accounts';
import { recordAudit } from '../audit';
import type { BaseCtx } from '../context';
import { ValidationError } from '../errors';
import { safeCallbackUrl } from '../urls';
import { parseInput } from '../validation';
import { seal, unseal } from './crypto';
import { discoverProvider, SSO_SCOPES, ssoRedirectUri } from './provider';
import { emailDomain, StartSsoInput } from './schemas';
import { openClientSecret } from './settings';

export const SSO_FLOW_COOKIE = 'loopkit_sso';
export const SSO_FLOW_MAX_AGE_SECONDS = 10 * 60;
const TICKET_TTL_MS = 60_000;

export type SsoFailure = 'expired' | 'provider' | 'email' | 'domain' | 'refused' | 'unavailable';

export const SSO_FAILURE_MESSAGES: Record<SsoFailure, string> = {
  expired: 'The single sign-on attempt expired or was started in another browser. Try again.',
  provider: 'Your identity provider’s answer could not be verified. Try again, or ask your admin to check the single sign-on settings.',
  email: 'Your identity provider did not vouch for a verified e-mail address, so we cannot tell who you are.',
  domain: 'Your identity provider vouched for an e-mail address outside your organization’s domains.',
  refused: 'Your organization only lets existing members sign in with single sign-on. Ask an admin to invite you.',
  unavailable: 'Single sign-on is not set up for your organization any more. Ask your admin.',
};

/** A refused SSO sign-in; `reason` picks the message the sign-in page shows. */
export class SsoSignInError extends Error {
  constructor(
    readonly reason: SsoFailure,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

interface FlowState {
  o: string; // organization
  s: string; // state
  n: string; // nonce
  v: string; // PKCE code verifier
  c: string; // where to go afterwards
  x: number; // expiry, ms
}

const FLOW_AAD = 'sso-flow';

export function sealFlowState(state: FlowState): string {
  return seal(JSON.stringify(state), 'flow-state', FLOW_AAD);
}

export function unsealFlowState(value: string | undefined, now = Date.now()): FlowState | null {
  if (!value) return null;
  const json = unseal(value, 'flow-state', FLOW_AAD);
  if (!json) return null;
  try {
    const state = JSON.parse(json) as FlowState;
    return typeof state.x === 'number' && state.x > now ? state : null;
  } catch {
    return null;
  }
}

/** The enabled SSO configuration that owns an e-mail's domain, if any. */
export async function ssoConfigForEmail(db: DbExecutor, email: string) {
  const [row] = await db
    .select({ config: ssoConfigs })
    .from(ssoDomains)
    .innerJoin(ssoConfigs, eq(ssoConfigs.organizationId, ssoDomains.organizationId))
    .where(and(eq(ssoDomains.domain, emailDomain(email)), eq(ssoConfigs.enabled, true)));
  return row?.config;
}

/** Whether password sign-in (and reset) is off for this address: its domain's organization turned it off. */
export async function passwordSignInDisabledFor(db: DbExecutor, email: string): Promise<boolean> {
  const config = await ssoConfigForEmail(db, email);
  return Boolean(config?.passwordSignInDisabled);
}

async function providerFor(config: typeof ssoConfigs.$inferSelect): Promise<oidc.Configuration> {
  return discoverProvider(
    { issuer: config.issuer, clientId: config.clientId, clientSecret: openClientSecret(config.organizationId, config.clientSecretEncrypted) },
    `${config.organizationId}|${config.updatedAt.getTime()}`,
  );
}

/**
 * Step 1: from a work e-mail to the provider's authorization URL and the sealed flow cookie.
 * A domain no organization claims for SSO is a 422 on `email`.
 */
export async function startSsoSignIn({ db }: BaseCtx, input: { email: unknown; callbackUrl?: unknown }, now = Date.now()): Promise<{ authorizationUrl: string; flowCookie: string }> {
  const { email } = parseInput(StartSsoInput, { email: input.email });
  const config = await ssoConfigForEmail(db, email);
  if (!config) throw ValidationError.field('email', 'Single sign-on is not set up for this e-mail domain. Sign in with your password.');
  let provider: oidc.Configuration;
  try {
    provider = await providerFor(config);
  } catch (error) {
    console.error('SSO discovery failed for organization', config.organizationId, (error as Error).message);
    throw ValidationError.field('email', 'Your organization’s identity provider cannot be reached right now. Try again later.');
  }
  const flow: FlowState = {
    o: config.organizationId,
    s: oidc.randomState(),
    n: oidc.randomNonce(),
    v: oidc.randomPKCECodeVerifier(),
    c: safeCallbackUrl(input.callbackUrl),
    x: now + SSO_FLOW_MAX_AGE_SECONDS * 1000,
  };
  const authorizationUrl = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: ssoRedirectUri(),
    scope: SSO_SCOPES,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.v),
    code_challenge_method: 'S256',
    state: flow.s,
    nonce: flow.n,
    login_hint: email,
  });
  return { authorizationUrl: authorizationUrl.href, flowCookie: sealFlowState(flow) };
}

/** The messages along an error's cause chain, e.g. 'unexpected JWT claim value encountered ← unexpected JWT "aud" (audience) claim value'. */
function describeFailure(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error && parts.length < 4; e = e.cause) parts.push(e.message);
  return parts.join(' ← ').slice(0, 500);
}

function hashTicket(ticket: string): string {
  return createHash('sha256').update(ticket).digest('hex');
}

/**
 * Step 2, the callback: `query` is the callback's query string, `flowCookie` the sealed state from
 * step 1. Returns a one-time ticket for the Auth.js "sso" provider and where to go afterwards.
 * Every refusal is an SsoSignInError.
 */
export async function completeSsoSignIn(
  { db }: BaseCtx,
  input: { query: string | URLSearchParams; flowCookie: string | undefined },
): Promise<{ ticket: string; callbackUrl: string; userId: string; provisioned: boolean }> {
  const flow = unsealFlowState(input.flowCookie);
  if (!flow) throw new SsoSignInError('expired');
  const [config] = await db.select().from(ssoConfigs).where(eq(ssoConfigs.organizationId, flow.o));
  if (!config?.enabled) throw new SsoSignInError('unavailable');

  const currentUrl = new URL(ssoRedirectUri());
  currentUrl.search = new URLSearchParams(input.query).toString();
  let claims: Record<string, unknown>;
  try {
    const provider = await providerFor(config);
    const tokens = await oidc.authorizationCodeGrant(provider, currentUrl, {
      pkceCodeVerifier: flow.v,
      expectedState: flow.s,
      expectedNonce: flow.n,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // Providers that keep e-mail out of the ID token give it at userinfo (its `sub` must match).
    claims = typeof idToken.email === 'string' ? idToken : { ...(await oidc.fetchUserInfo(provider, tokens.access_token, idToken.sub)), sub: idToken.sub };
  } catch (error) {
    // The library's messages say which check failed (state, nonce, iss, aud, …): useful, not personal.
    throw new SsoSignInError('provider', describeFailure(error));
  }

  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  // Microsoft Entra states a verified address with its optional claim xms_edov instead.
  if (!email || (claims.email_verified !== true && claims.xms_edov !== true)) throw new SsoSignInError('email');
  const owned = await db
    .select({ id: ssoDomains.id })
    .from(ssoDomains)
    .where(and(eq(ssoDomains.organizationId, config.organizationId), eq(ssoDomains.domain, emailDomain(email))));
  // An organization's provider speaks only for the organization's own domains.
  if (!owned.length) throw new SsoSignInError('domain');

  return db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
    if (user?.erasedAt) throw new SsoSignInError('refused');
    const [membership] = user
      ? await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.organizationId, config.organizationId), eq(memberships.userId, user.id)))
      : [];
    let provisioned = false;
    if (!membership) {
      if (!config.provisionRole) throw new SsoSignInError('refused');
      if (!user) {
        const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : null;
        [user] = await tx.insert(users).values({ email, name, emailVerified: new Date() }).returning();
        if (!user) throw new Error('insert returned no user');
      }
      await tx.insert(memberships).values({ organizationId: config.organizationId, userId: user.id, role: config.provisionRole });
      provisioned = true;
      await recordAudit(tx, {
        organizationId: config.organizationId,
        actorUserId: null,
        action: 'sso.member_provisioned',
        entityType: 'user',
        entityId: user.id,
        data: { role: config.provisionRole },
      });
    }
    const ticket = randomBytes(32).toString('base64url');
    await tx.insert(ssoTickets).values({
      tokenHash: hashTicket(ticket),
      userId: user!.id,
      organizationId: config.organizationId,
      expiresAt: new Date(Date.now() + TICKET_TTL_MS),
    });
    return { ticket, callbackUrl: flow.c, userId: user!.id, provisioned };
  });
}

/**
 * Step 3, inside Auth.js: a ticket from step 2, once and within a minute, names the account to
 * sign in. Anything else is null (Auth.js then refuses the sign-in).
 */
export async function redeemSsoTicket(db: DbExecutor, ticket: unknown, now = new Date()): Promise<(AccountSummary & { organizationId: string }) | null> {
  if (typeof ticket !== 'string' || ticket.length < 20 || ticket.length > 100) return null;
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(ssoTickets)
      .set({ usedAt: now })
      .where(and(eq(ssoTickets.tokenHash, hashTicket(ticket)), isNull(ssoTickets.usedAt), gt(ssoTickets.expiresAt, now)))
      .returning({ userId: ssoTickets.userId, organizationId: ssoTickets.organizationId });
    if (!used) return null;
    const [user] = await tx.select().from(users).where(eq(users.id, used.userId));
    if (!user || user.erasedAt) return null;
    await recordAudit(tx, { organizationId: used.organizationId, actorUserId: user.id, action: 'user.signed_in_sso', entityType: 'user', entityId: user.id });
    return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, organizationId: used.organizationId };
  });
}

/** Deletes tickets past their minute (used or not); returns how many. For the nightly prune job. */
export async function pruneSsoTickets(db: DbExecutor, now: Date): Promise<number> {
  const deleted = await db.delete(ssoTickets).where(lt(ssoTickets.expiresAt, now)).returning({ id: ssoTickets.id });
  return deleted.length;
}
