import 'server-only';
// Signing secrets: Standard Webhooks' `whsec_<base64 of 24 random bytes>`, stored encrypted with
// AES-256-GCM because signing needs the secret back (a hash would not do). The key comes from
// WEBHOOK_ENCRYPTION_KEY, else AUTH_SECRET, through HKDF-SHA256; the row's organization and
// endpoint ids are the associated data, so a ciphertext copied onto another row does not decrypt.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '../env';

// Development and tests without AUTH_SECRET (production requires one: lib/env.ts).
const DEVELOPMENT_KEY_MATERIAL = 'loopkit-development-only-webhook-key-material';

function key(): Buffer {
  const e = env();
  const material = e.WEBHOOK_ENCRYPTION_KEY ?? e.AUTH_SECRET ?? (e.NODE_ENV === 'production' ? undefined : DEVELOPMENT_KEY_MATERIAL);
  if (!material) throw new Error('Set WEBHOOK_ENCRYPTION_KEY or AUTH_SECRET to encrypt webhook secrets');
  return Buffer.from(hkdfSync('sha256', material, 'loopkit', 'webhook-signing-secrets v1', 32));
}

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

const aad = (organizationId: string, endpointId: string) => Buffer.from(`${organizationId}:${endpointId}`);

export function encryptWebhookSecret(secret: string, ids: { organizationId: string; endpointId: string }): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(aad(ids.organizationId, ids.endpointId));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join('.');
}

export function decryptWebhookSecret(stored: string, ids: { organizationId: string; endpointId: string }): string {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !ciphertext) throw new Error('Unreadable webhook secret');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64'));
  decipher.setAAD(aad(ids.organizationId, ids.endpointId));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
}
