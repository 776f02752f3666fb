// Invitation links carry a random token; only its SHA-256 is stored.
import { createHash } from 'node:crypto';

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
