import 'server-only';
// Creating and revoking API keys. The token is returned once, from createApiKey, and never again:
// only its SHA-256 and a visible prefix are stored.
import { and, eq, isNull } from 'drizzle-orm';
import { apiKeys, users } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { parseInput } from '../validation';
import { CreateApiKeyInput, RevokeApiKeyInput } from './schemas';
import { generateApiKeyToken, serviceUserEmail } from './tokens';

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  /** The whole token: shown once, never stored. */
  token: string;
}

export async function createApiKey(ctx: Ctx, input: unknown): Promise<CreatedApiKey> {
  requirePermission(ctx, 'api_key:manage');
  const data = parseInput(CreateApiKeyInput, input);
  const { token, prefix, secretHash } = generateApiKeyToken();
  const expiresAt = data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86_400_000) : null;
  return inTransaction(ctx, async ({ db }) => {
    // The key's service user: no password, no membership, an undeliverable address. Its name is
    // what created_by columns show ("API key: ATS sync").
    const [serviceUser] = await db
      .insert(users)
      .values({ name: `API key: ${data.name}`, email: serviceUserEmail() })
      .returning({ id: users.id });
    if (!serviceUser) throw new Error('insert returned no user');
    const [key] = await db
      .insert(apiKeys)
      .values({ organizationId: ctx.organizationId, name: data.name, prefix, secretHash, scopes: data.scopes, serviceUserId: serviceUser.id, createdByUserId: ctx.userId, expiresAt })
      .returning({ id: apiKeys.id });
    if (!key) throw new Error('insert returned no api key');
    await recordAudit(db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: key.id,
      data: { prefix, scopes: data.scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: key.id, name: data.name, prefix, scopes: data.scopes, expiresAt, token };
  });
}

/** Revokes a key at once: its next request gets 401. Revoking a revoked key changes nothing. */
export async function revokeApiKey(ctx: Ctx, input: unknown): Promise<{ id: string; revokedAt: Date }> {
  requirePermission(ctx, 'api_key:manage');
  const { apiKeyId } = parseInput(RevokeApiKeyInput, input);
  return inTransaction(ctx, async ({ db }) => {
    const [key] = await db
      .select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt, prefix: apiKeys.prefix })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, apiKeyId), eq(apiKeys.organizationId, ctx.organizationId)))
      .for('update');
    if (!key) throw new NotFoundError('API key');
    if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt };
    const revokedAt = new Date();
    await db
      .update(apiKeys)
      .set({ revokedAt })
      .where(and(eq(apiKeys.id, key.id), eq(apiKeys.organizationId, ctx.organizationId), isNull(apiKeys.revokedAt)));
    await recordAudit(db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'api_key.revoked', entityType: 'api_key', entityId: key.id, data: { prefix: key.prefix } });
    return { id: key.id, revokedAt };
  });
}
