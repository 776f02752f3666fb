// Single sign-on with OpenID Connect (issue 12) against a real provider (oidc-provider) on a
// loopback port: discovery, the code flow with PKCE for a member, for a new person (provisioned
// or refused), every refusal openid-client must make (state, nonce, issuer, audience), domains,
// password sign-in turned off, who may read and change the settings, and the secret at rest.
process.env.AUTH_SECRET ??= 'sso-test-secret-0123456789abcdefghijklmnop';
process.env.AUTH_URL ??= 'http://localhost:3999';

import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, memberships, ssoConfigs, users } from '@/db/schema';
import { authenticateWithPassword } from '@/lib/auth/accounts';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import type { Ctx } from '@/lib/context';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { unseal } from '@/lib/sso/crypto';
import { completeSsoSignIn, pruneSsoTickets, redeemSsoTicket, sealFlowState, SsoSignInError, startSsoSignIn, unsealFlowState } from '@/lib/sso/flow';
import { issuerRefusal, ssoRedirectUri } from '@/lib/sso/provider';
import { getSsoSettings, saveSsoSettings, testSsoConnection } from '@/lib/sso/settings';
import { driveProviderLogin, startOidcProvider, type TestProvider } from '../fixtures/oidc-provider';
import { setupTestDatabase } from './support/database';
import { makeMember, makeOrganization, PASSWORD, type TestOrganization } from './support/factories';

const t = setupTestDatabase({ isolation: 'transaction' });
const CLIENT = { clientId: 'loopkit', clientSecret: `s3cret-${randomBytes(8).toString('hex')}` };
const OTHER_CLIENT = { clientId: 'another-app', clientSecret: 'another-secret-value' };
let idp: TestProvider;
let acme: TestOrganization; // provisions new people as interviewers
let globex: TestOrganization; // refuses new people
const tag = randomBytes(3).toString('hex');
const ACME = `acme-${tag}.test`;
const GLOBEX = `globex-${tag}.test`;

function settingsInput(overrides: Record<string, unknown> = {}) {
  return { enabled: 'on', issuer: idp.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, domains: ACME, provisioning: 'interviewer', passwordSignInDisabled: '', ...overrides };
}

/** Registers a person at the provider and returns their login id. */
function person(email: string, extra: { email_verified?: boolean; name?: string } = {}): string {
  idp.people.set(email, { email, email_verified: true, name: 'Pat Person', ...extra });
  return email;
}

/** The whole round trip as a browser makes it: start, the provider's login, the callback. */
async function ssoRoundTrip(email: string, login = email, callbackUrl: unknown = '/dashboard') {
  const start = await startSsoSignIn({ db: t.db }, { email, callbackUrl });
  const back = await driveProviderLogin(start.authorizationUrl, login, ssoRedirectUri());
  return completeSsoSignIn({ db: t.db }, { query: back.searchParams, flowCookie: start.flowCookie });
}

async function refusal(promise: Promise<unknown>): Promise<SsoSignInError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SsoSignInError);
  return error as SsoSignInError;
}

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: [ssoRedirectUri()], clients: [CLIENT, OTHER_CLIENT] });
  acme = await makeOrganization(t.db, { name: 'Acme SSO' });
  globex = await makeOrganization(t.db, { name: 'Globex SSO' });
  await saveSsoSettings(acme.admin.ctx, settingsInput());
  await saveSsoSettings(globex.admin.ctx, settingsInput({ domains: GLOBEX, provisioning: 'refuse' }));
});

afterAll(async () => {
  await idp?.close();
});

describe('settings', () => {
  it('discovers the provider ("test connection")', async () => {
    const found = await testSsoConnection(acme.admin.ctx, { issuer: idp.issuer, clientId: CLIENT.clientId });
    expect(found.issuer).toBe(idp.issuer);
    expect(found.authorizationEndpoint).toBe(`${idp.issuer}/auth`);
  });

  it('refuses an issuer whose discovery document names another issuer', async () => {
    // Same server, other name: the document says 127.0.0.1, the admin typed localhost.
    const wrong = idp.issuer.replace('127.0.0.1', 'localhost');
    await expect(testSsoConnection(acme.admin.ctx, { issuer: wrong, clientId: CLIENT.clientId })).rejects.toMatchObject({ fieldErrors: { issuer: [expect.stringMatching(/Discovery failed/)] } });
  });

  it('allows plain http only for loopback outside production (or by SSO_ALLOW_HTTP_ISSUERS)', () => {
    const dev = { NODE_ENV: 'development', SSO_ALLOW_HTTP_ISSUERS: 'false' } as const;
    expect(issuerRefusal('https://login.example.com', dev)).toBeNull();
    expect(issuerRefusal('http://127.0.0.1:8080', dev)).toBeNull();
    expect(issuerRefusal('http://login.example.com', dev)).toMatch(/https/);
    expect(issuerRefusal('http://127.0.0.1:8080', { NODE_ENV: 'production', SSO_ALLOW_HTTP_ISSUERS: 'false' })).toMatch(/https/);
    expect(issuerRefusal('http://keycloak.internal', { NODE_ENV: 'production', SSO_ALLOW_HTTP_ISSUERS: 'true' })).toBeNull();
  });

  it('stores the client secret encrypted, bound to its organization, and never returns it', async () => {
    const [row] = await t.db.select().from(ssoConfigs).where(eq(ssoConfigs.organizationId, acme.organizationId));
    expect(row!.clientSecretEncrypted).not.toContain(CLIENT.clientSecret);
    expect(row!.clientSecretEncrypted).toMatch(/^v1\./);
    expect(unseal(row!.clientSecretEncrypted, 'client-secret', acme.organizationId)).toBe(CLIENT.clientSecret);
    // Copied into another organization's row it does not decrypt.
    expect(unseal(row!.clientSecretEncrypted, 'client-secret', globex.organizationId)).toBeNull();
    const settings = await getSsoSettings(acme.admin.ctx);
    expect(settings).toMatchObject({ clientSecretSet: true, domains: [ACME], provisioning: 'interviewer', issuer: idp.issuer });
    expect(JSON.stringify(settings)).not.toContain(CLIENT.clientSecret);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.organizationId, acme.organizationId));
    expect(audits.some((a) => a.action === 'sso.settings_created')).toBe(true);
    expect(JSON.stringify(audits)).not.toContain(CLIENT.clientSecret);
  });

  it('keeps the stored secret when the field is left empty, and audits the change without it', async () => {
    await saveSsoSettings(acme.admin.ctx, settingsInput({ clientSecret: '', provisioning: 'recruiter' }));
    const [row] = await t.db.select().from(ssoConfigs).where(eq(ssoConfigs.organizationId, acme.organizationId));
    expect(unseal(row!.clientSecretEncrypted, 'client-secret', acme.organizationId)).toBe(CLIENT.clientSecret);
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, acme.organizationId), eq(auditEvents.action, 'sso.settings_updated')));
    expect(audit!.data).toMatchObject({ clientSecretChanged: false, provisioning: 'recruiter' });
  });

  it('403 for a member without org:manage, reading or saving', async () => {
    await expect(getSsoSettings(acme.recruiter.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveSsoSettings(acme.hiringManager.ctx, settingsInput({ provisioning: 'admin' }))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getSsoSettings(acme.admin.ctx)).provisioning).toBe('interviewer');
  });

  it("another organization's admin sees only their own settings and cannot take over a domain", async () => {
    const other = await makeOrganization(t.db);
    const theirs = await getSsoSettings(other.admin.ctx);
    expect(theirs).toMatchObject({ configured: false, issuer: '', domains: [] });
    // An organizationId in the input is not an input: the ctx decides whose settings these are.
    const attempt = saveSsoSettings(other.admin.ctx, settingsInput({ organizationId: acme.organizationId, domains: `${ACME}, other-${tag}.test` }));
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { domains: [expect.stringContaining(ACME)] } });
    expect((await getSsoSettings(acme.admin.ctx)).domains).toEqual([ACME]);
  });

  it('422 for bad input, naming the field, changing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ issuer: 'not a url' }, 'issuer'],
      [{ issuer: 'http://idp.example.com' }, 'issuer'],
      [{ clientId: '' }, 'clientId'],
      [{ domains: 'not_a_domain' }, 'domains'],
      [{ domains: '' }, 'domains'],
      [{ provisioning: 'owner' }, 'provisioning'],
      [{ enabled: '', passwordSignInDisabled: 'on' }, 'passwordSignInDisabled'],
    ];
    for (const [overrides, field] of cases) {
      const error = await saveSsoSettings(acme.admin.ctx, settingsInput(overrides)).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field);
    }
    const other = await makeOrganization(t.db);
    await expect(saveSsoSettings(other.admin.ctx, settingsInput({ clientSecret: '', domains: `new-${tag}.test` }))).rejects.toMatchObject({ fieldErrors: { clientSecret: expect.any(Array) } });
    expect(await getSsoSettings(acme.admin.ctx)).toMatchObject({ issuer: idp.issuer, domains: [ACME], provisioning: 'interviewer', passwordSignInDisabled: false });
  });
});

describe('sign-in through the provider', () => {
  it('signs an existing member in (code flow with PKCE), once per ticket', async () => {
    const member = await makeMember(t.db, acme.organizationId, 'hiring_manager', { email: `hana@${ACME}` });
    person(member.email);
    const start = await startSsoSignIn({ db: t.db }, { email: member.email.toUpperCase(), callbackUrl: '/dashboard' });
    const url = new URL(start.authorizationUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('client_id')).toBe(CLIENT.clientId);
    expect(start.flowCookie).not.toContain(url.searchParams.get('state')!); // sealed, not readable
    const back = await driveProviderLogin(start.authorizationUrl, member.email, ssoRedirectUri());
    const done = await completeSsoSignIn({ db: t.db }, { query: back.searchParams, flowCookie: start.flowCookie });
    expect(done).toMatchObject({ userId: member.user.id, callbackUrl: '/dashboard', provisioned: false });
    const account = await redeemSsoTicket(t.db, done.ticket);
    expect(account).toMatchObject({ id: member.user.id, email: member.email, organizationId: acme.organizationId });
    expect(await redeemSsoTicket(t.db, done.ticket)).toBeNull(); // single use
    expect(await redeemSsoTicket(t.db, 'x'.repeat(43))).toBeNull(); // made up
    const [role] = await t.db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, member.user.id));
    expect(role!.role).toBe('hiring_manager'); // unchanged by SSO
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.signed_in_sso'), eq(auditEvents.entityId, member.user.id)));
    expect(audit).toBeDefined();
    expect(JSON.stringify(audit!.data)).not.toContain(member.email);
  });

  it('the same code cannot be used twice (replayed callback)', async () => {
    const member = await makeMember(t.db, acme.organizationId, 'recruiter', { email: `rita@${ACME}` });
    person(member.email);
    const start = await startSsoSignIn({ db: t.db }, { email: member.email });
    const back = await driveProviderLogin(start.authorizationUrl, member.email, ssoRedirectUri());
    await completeSsoSignIn({ db: t.db }, { query: back.searchParams, flowCookie: start.flowCookie });
    expect((await refusal(completeSsoSignIn({ db: t.db }, { query: back.searchParams, flowCookie: start.flowCookie }))).reason).toBe('provider');
  });

  it('a ticket expires after a minute and is pruned', async () => {
    const member = await makeMember(t.db, acme.organizationId, 'interviewer', { email: `tick@${ACME}` });
    person(member.email);
    const done = await ssoRoundTrip(member.email);
    const later = new Date(Date.now() + 61_000);
    expect(await redeemSsoTicket(t.db, done.ticket, later)).toBeNull();
    expect(await pruneSsoTickets(t.db, later)).toBeGreaterThanOrEqual(1);
  });

  it('provisions a new person with the default role, from the verified e-mail', async () => {
    const email = person(`newbie-${tag}@${ACME}`, { name: 'Nina New' });
    const done = await ssoRoundTrip(email);
    expect(done.provisioned).toBe(true);
    const [user] = await t.db.select().from(users).where(eq(users.id, done.userId));
    expect(user).toMatchObject({ email, name: 'Nina New', passwordHash: null });
    expect(user!.emailVerified).not.toBeNull();
    const [membership] = await t.db.select().from(memberships).where(eq(memberships.userId, done.userId));
    expect(membership).toMatchObject({ organizationId: acme.organizationId, role: 'interviewer' });
    expect(await redeemSsoTicket(t.db, done.ticket)).toMatchObject({ id: done.userId });
  });

  it('refuses a new person when the organization does not provision, creating nothing', async () => {
    const email = person(`stranger-${tag}@${GLOBEX}`);
    expect((await refusal(ssoRoundTrip(email))).reason).toBe('refused');
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('refuses a state mismatch (a callback meant for another attempt)', async () => {
    const member = await makeMember(t.db, acme.organizationId, 'interviewer', { email: `ivo@${ACME}` });
    person(member.email);
    const mine = await startSsoSignIn({ db: t.db }, { email: member.email });
    const other = await startSsoSignIn({ db: t.db }, { email: member.email });
    const back = await driveProviderLogin(mine.authorizationUrl, member.email, ssoRedirectUri());
    const error = await refusal(completeSsoSignIn({ db: t.db }, { query: back.searchParams, flowCookie: other.flowCookie }));
    expect(error.reason).toBe('provider');
    expect(error.message).toMatch(/state/i);
  });

  it('refuses a nonce mismatch', async () => {
    const member = await makeMember(t.db, acme.organizationId, 'interviewer', { email: `nico@${ACME}` });
    person(member.email);
    const start = await startSsoSignIn({ db: t.db }, { email: member.email });
    const back = await driveProviderLogin(start.authorizationUrl, member.email, ssoRedirectUri());
    const flow = unsealFlowState(start.flowCookie)!;
    const forged = sealFlowState({ ...flow, n: 'a-different-nonce-value' });
    const error = await refusal(completeSsoSignIn({ db: t.db }, { query: back.searchParams, flowCookie: forged }));
    expect(error.message).toMatch(/nonce/i);
  });

  it('refuses an ID token for another client (wrong audience)', async () => {
    const member = await makeMember(t.db, acme.organizationId, 'interviewer', { email: `aud@${ACME}` });
    person(member.email);
    idp.tamper.idToken = { aud: OTHER_CLIENT.clientId };
    try {
      const error = await refusal(ssoRoundTrip(member.email));
      expect(error.message).toMatch(/aud/i);
    } finally {
      delete idp.tamper.idToken;
    }
  });

  it('refuses an ID token from another issuer', async () => {
    const member = await makeMember(t.db, acme.organizationId, 'interviewer', { email: `iss@${ACME}` });
    person(member.email);
    idp.tamper.idToken = { iss: 'https://evil.example' };
    try {
      const error = await refusal(ssoRoundTrip(member.email));
      expect(error.message).toMatch(/iss/i);
    } finally {
      delete idp.tamper.idToken;
    }
  });

  it('refuses a missing, altered or expired flow cookie', async () => {
    const member = await makeMember(t.db, acme.organizationId, 'interviewer', { email: `late@${ACME}` });
    person(member.email);
    const start = await startSsoSignIn({ db: t.db }, { email: member.email });
    const back = await driveProviderLogin(start.authorizationUrl, member.email, ssoRedirectUri());
    expect((await refusal(completeSsoSignIn({ db: t.db }, { query: back.searchParams, flowCookie: undefined }))).reason).toBe('expired');
    const altered = `${start.flowCookie.slice(0, -4)}AAAA`;
    expect((await refusal(completeSsoSignIn({ db: t.db }, { query: back.searchParams, flowCookie: altered }))).reason).toBe('expired');
    const expired = sealFlowState({ ...unsealFlowState(start.flowCookie)!, x: Date.now() - 1 });
    expect((await refusal(completeSsoSignIn({ db: t.db }, { query: back.searchParams, flowCookie: expired }))).reason).toBe('expired');
  });

  it('refuses an unverified e-mail, and an e-mail outside the organization’s domains', async () => {
    const unverified = person(`unverified-${tag}@${ACME}`, { email_verified: false });
    expect((await refusal(ssoRoundTrip(unverified))).reason).toBe('email');
    // Acme's provider vouching for someone at another company: not Acme's to vouch for.
    const member = await makeMember(t.db, acme.organizationId, 'interviewer', { email: `alias@${ACME}` });
    idp.people.set(member.email, { email: `ceo@${GLOBEX}`, email_verified: true });
    expect((await refusal(ssoRoundTrip(member.email))).reason).toBe('domain');
  });

  it('offers no SSO for a domain no organization owns (422 on email)', async () => {
    await expect(startSsoSignIn({ db: t.db }, { email: `someone@unowned-${tag}.test` })).rejects.toMatchObject({ fieldErrors: { email: [expect.stringMatching(/not set up/)] } });
    await expect(startSsoSignIn({ db: t.db }, { email: 'not-an-email' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('keeps the post-sign-in destination on this site', async () => {
    const member = await makeMember(t.db, acme.organizationId, 'interviewer', { email: `dest@${ACME}` });
    person(member.email);
    expect((await ssoRoundTrip(member.email, member.email, 'https://evil.example/x')).callbackUrl).toBe('/');
  });

  it('a turned-off configuration starts nothing', async () => {
    await saveSsoSettings(acme.admin.ctx, settingsInput({ enabled: '' }));
    await expect(startSsoSignIn({ db: t.db }, { email: `x@${ACME}` })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('password sign-in turned off', () => {
  let member: Awaited<ReturnType<typeof makeMember>>;
  let admin: Ctx;
  beforeAll(async () => {
    member = await makeMember(t.db, acme.organizationId, 'recruiter', { email: `pw-${tag}@${ACME}` });
    admin = acme.admin.ctx;
  });

  it('refuses password sign-in and reset for the domain, and only for it', async () => {
    // Before: the password works.
    await expect(authenticateWithPassword({ db: t.db }, { email: member.email, password: PASSWORD, ip: null })).resolves.toMatchObject({ id: member.user.id });
    await saveSsoSettings(admin, settingsInput({ passwordSignInDisabled: 'on' }));
    await expect(authenticateWithPassword({ db: t.db }, { email: member.email, password: PASSWORD, ip: null })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(authenticateWithPassword({ db: t.db }, { email: member.email.toUpperCase(), password: 'wrong password', ip: null })).rejects.toThrow(/single sign-on/);
    await expect(requestPasswordReset({ db: t.db }, { email: member.email, ip: null })).rejects.toMatchObject({ fieldErrors: { email: [expect.stringMatching(/single sign-on/)] } });
    // The admin's own address is on another domain: passwords still work there.
    await expect(authenticateWithPassword({ db: t.db }, { email: acme.admin.email, password: PASSWORD, ip: null })).resolves.toMatchObject({ id: acme.admin.user.id });
    // SSO itself still signs the member in.
    person(member.email);
    expect((await ssoRoundTrip(member.email)).userId).toBe(member.user.id);
  });
});
