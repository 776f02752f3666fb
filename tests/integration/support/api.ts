// Driving the REST API in-process with an API key: make a key for an organization (direct insert,
// like the user factories — createApiKey itself is tested in api-keys.test.ts) and call a route
// handler (app/api/v1/**/route.ts) with a Request carrying `Authorization: Bearer …`.
//
// Route handlers read the process-wide database handle (getDb), so a file that calls them must
// `setConnection(t.connection)` in beforeAll and use isolation 'file' (the handler's queries run on
// the connection, not inside a test's transaction).
import { eq } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { apiKeys, users } from '@/db/schema';
import { generateApiKeyToken, serviceUserEmail } from '@/lib/api-keys/tokens';
import { READ_ONLY_SCOPES } from '@/lib/auth/permissions';

export interface TestApiKey {
  token: string;
  apiKeyId: string;
  serviceUserId: string;
}

export interface MakeApiKeyOptions {
  organizationId: string;
  /** Permission names; default the read-only preset. Not filtered: a test may store an ungrantable one to prove it grants nothing. */
  scopes?: readonly string[];
  name?: string;
  expiresAt?: Date | null;
  revokedAt?: Date | null;
}

/** A key with the given scopes; returns its token (Authorization: Bearer <token>). */
export async function makeApiKey(db: DbExecutor, options: MakeApiKeyOptions): Promise<string> {
  return (await makeApiKeyRecord(db, options)).token;
}

export async function makeApiKeyRecord(db: DbExecutor, options: MakeApiKeyOptions): Promise<TestApiKey> {
  const { token, prefix, secretHash } = generateApiKeyToken();
  const name = options.name ?? 'Test key';
  const [serviceUser] = await db.insert(users).values({ name: `API key: ${name}`, email: serviceUserEmail() }).returning({ id: users.id });
  const [key] = await db
    .insert(apiKeys)
    .values({
      organizationId: options.organizationId,
      name,
      prefix,
      secretHash,
      scopes: [...(options.scopes ?? READ_ONLY_SCOPES)],
      serviceUserId: serviceUser!.id,
      expiresAt: options.expiresAt ?? null,
      revokedAt: options.revokedAt ?? null,
    })
    .returning({ id: apiKeys.id });
  return { token, apiKeyId: key!.id, serviceUserId: serviceUser!.id };
}

export async function revokeTestApiKey(db: DbExecutor, apiKeyId: string): Promise<void> {
  await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, apiKeyId));
}

type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export interface ApiCall<P> {
  /** Path and query, e.g. `/api/v1/candidates?limit=5`. */
  path: string;
  token?: string;
  method?: string;
  /** Sent as JSON (Content-Type: application/json). */
  body?: unknown;
  params?: P;
  headers?: Record<string, string>;
}

/** Calls a route handler export (e.g. `GET` from app/api/v1/candidates/route.ts) in-process. */
export function callApi<P = Record<string, never>>(handler: RouteHandler<P>, call: ApiCall<P>): Promise<Response> {
  const headers = new Headers(call.headers);
  if (call.token !== undefined) headers.set('authorization', `Bearer ${call.token}`);
  if (call.body !== undefined) headers.set('content-type', 'application/json');
  const request = new Request(new URL(call.path, 'http://localhost:3000'), {
    method: call.method ?? (call.body === undefined ? 'GET' : 'POST'),
    headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  return handler(request, { params: Promise.resolve((call.params ?? {}) as P) });
}
