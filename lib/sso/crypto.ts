import 'server-only';
// Authenticated encryption for SSO secrets at rest and the short-lived sign-in state cookie:
// AES-256-GCM with a key derived by HKDF-SHA256 from SSO_ENCRYPTION_KEY (or AUTH_SECRET), one key
// per purpose. The associated data binds a ciphertext to its place (e.g. its organization), so a
// value copied into another row does not decrypt.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '../env';

export type SealPurpose = 'client-secret' | 'flow-state';

const keys = new Map<string, Buffer>();

function keyFor(purpose: SealPurpose): Buffer {
  const e = env();
  const material = e.SSO_ENCRYPTION_KEY ?? e.AUTH_SECRET;
  if (!material) throw new Error('Single sign-on needs AUTH_SECRET (or SSO_ENCRYPTION_KEY) to encrypt its secrets');
  const cacheKey = `${purpose}\u0000${material}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', material, 'loopkit/sso/v1', purpose, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function seal(plaintext: string, purpose: SealPurpose, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The plaintext, or null when the value was altered, sealed for another purpose/place, or with another key. */
export function unseal(sealed: string, purpose: SealPurpose, associatedData: string): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(purpose), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
