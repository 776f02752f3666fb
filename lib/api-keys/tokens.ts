// API key tokens: `lk_` + 43 base64url characters (256 random bits). Only the SHA-256 is stored and
// looked up by equality on a unique index; with that much entropy a salt or slow hash adds nothing,
// and the lookup never compares secrets byte by byte in JavaScript.
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_TOKEN_PREFIX = 'lk_';
const PREFIX_LENGTH = API_KEY_TOKEN_PREFIX.length + 8;

export function generateApiKeyToken(): { token: string; prefix: string; secretHash: string } {
  const token = API_KEY_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, prefix: token.slice(0, PREFIX_LENGTH), secretHash: hashApiKeyToken(token) };
}

export function hashApiKeyToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a bearer token has the shape of one of ours (cheap refusal before any query). */
export function looksLikeApiKeyToken(token: string): boolean {
  return token.startsWith(API_KEY_TOKEN_PREFIX) && token.length >= 40 && token.length <= 100;
}

/**
 * Each key acts through its own users row, addressed in a reserved domain (RFC 2606 `.invalid`,
 * never deliverable) so it can never receive a password-reset link or an invitation e-mail.
 */
export const SERVICE_USER_EMAIL_DOMAIN = 'service.loopkit.invalid';

export function serviceUserEmail(): string {
  return `api-key-${randomBytes(8).toString('hex')}@${SERVICE_USER_EMAIL_DOMAIN}`;
}

export function isServiceUserEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${SERVICE_USER_EMAIL_DOMAIN}`);
}
