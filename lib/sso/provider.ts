import 'server-only';
// The OpenID Connect client side, all of it through openid-client (certified): discovery of each
// organization's issuer, cached per configuration, and the rule for which issuer URLs are allowed.
import * as oidc from 'openid-client';
import { env, type Env } from '../env';
import { absoluteUrl } from '../urls';

/** Where every provider sends people back; register exactly this as the redirect URI. */
export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';
export const SSO_SCOPES = 'openid email profile';

export function ssoRedirectUri(): string {
  return absoluteUrl(SSO_CALLBACK_PATH);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * https always; plain http only for a loopback issuer outside production (tests, a local Keycloak)
 * or anywhere when SSO_ALLOW_HTTP_ISSUERS=true. Returns the reason when refused.
 */
export function issuerRefusal(issuer: string, e: Pick<Env, 'NODE_ENV' | 'SSO_ALLOW_HTTP_ISSUERS'> = env()): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'Enter the issuer URL, e.g. https://login.example.com';
  }
  if (url.username || url.password || url.search || url.hash) return 'The issuer URL has no user, query or fragment';
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'The issuer URL must start with https://';
  if (e.SSO_ALLOW_HTTP_ISSUERS === 'true') return null;
  if (e.NODE_ENV !== 'production' && LOOPBACK.has(url.hostname)) return null;
  return 'The issuer URL must start with https://';
}

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  /** Unset for discovery only ("test connection"). */
  clientSecret?: string;
}

const DISCOVERY_TTL_MS = 10 * 60_000;
const discovered = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

/**
 * Fetches and checks the issuer's discovery document (its `issuer` must equal the configured URL)
 * and returns the client configuration. `cacheKey` names one saved configuration version.
 */
export function discoverProvider(settings: ProviderSettings, cacheKey?: string): Promise<oidc.Configuration> {
  const refusal = issuerRefusal(settings.issuer);
  if (refusal) return Promise.reject(new Error(refusal));
  const now = Date.now();
  const hit = cacheKey ? discovered.get(cacheKey) : undefined;
  if (hit && now - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const url = new URL(settings.issuer);
  const config = oidc.discovery(url, settings.clientId, undefined, settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(), {
    execute: url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
    timeout: 10,
  });
  if (cacheKey) {
    discovered.set(cacheKey, { at: now, config });
    config.catch(() => discovered.delete(cacheKey));
  }
  return config;
}

/** Drops cached discovery for an organization (after its settings change). */
export function forgetProvider(organizationId: string): void {
  for (const key of discovered.keys()) if (key.startsWith(`${organizationId}|`)) discovered.delete(key);
}
