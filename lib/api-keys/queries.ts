import 'server-only';
// Reading an organization's API keys (never their secrets) and their recent uses.
import { and, desc, eq, sql } from 'drizzle-orm';
import { apiKeys, apiKeyUses, users } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';

export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: ApiKeyStatus;
}

export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export async function listApiKeys(ctx: Ctx): Promise<ApiKeySummary[]> {
  requirePermission(ctx, 'api_key:manage');
  const rows = await ctx.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      createdBy: sql<string | null>`coalesce(${users.name}, ${users.email})`,
      lastUsedAt: apiKeys.lastUsedAt,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(eq(apiKeys.organizationId, ctx.organizationId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  const now = new Date();
  return rows.map((r) => ({ ...r, status: apiKeyStatus(r, now) }));
}

export interface ApiKeyUse {
  method: string;
  route: string;
  status: number;
  createdAt: Date;
}

/** The latest uses of one key, newest first. */
export async function listApiKeyUses(ctx: Ctx, apiKeyId: string, limit = 50): Promise<ApiKeyUse[]> {
  requirePermission(ctx, 'api_key:manage');
  const [key] = await ctx.db.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.id, apiKeyId), eq(apiKeys.organizationId, ctx.organizationId)));
  if (!key) throw new NotFoundError('API key');
  return ctx.db
    .select({ method: apiKeyUses.method, route: apiKeyUses.route, status: apiKeyUses.status, createdAt: apiKeyUses.createdAt })
    .from(apiKeyUses)
    .where(and(eq(apiKeyUses.organizationId, ctx.organizationId), eq(apiKeyUses.apiKeyId, key.id)))
    .orderBy(desc(apiKeyUses.id))
    .limit(Math.min(Math.max(limit, 1), 500));
}
