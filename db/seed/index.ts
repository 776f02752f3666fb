// Seeds built-in content and, when asked (lib/env.ts demoSeeding), the demo organization. Idempotent.
import { randomBytes } from 'node:crypto';
import { and, isNotNull, like } from 'drizzle-orm';
import type { Env } from '@/lib/env';
import type { DatabaseConnection, DbExecutor } from '../client';
import { users } from '../schema';
import { seedBuiltinContent } from './builtin';
import { loadBuiltinContent } from './content';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DEMO_USERS, seedDemoOrganization } from './demo';

export interface SeedResult {
  questions: number;
  kitTemplates: number;
  demoCreated: boolean;
}

/**
 * The demo accounts' password: DEMO_PASSWORD if set; the published one in development and tests;
 * in production a random one, which is printed once when the accounts are created and never again.
 */
export function demoPasswordFor(e: Pick<Env, 'NODE_ENV' | 'DEMO_PASSWORD'>): string {
  if (e.DEMO_PASSWORD) return e.DEMO_PASSWORD;
  return e.NODE_ENV === 'production' ? randomBytes(18).toString('base64url') : DEMO_PASSWORD;
}

export async function seed(connection: DatabaseConnection, options: { demo: boolean; demoPassword?: string }): Promise<SeedResult> {
  const content = loadBuiltinContent();
  const builtin = await seedBuiltinContent(connection.db, content);
  const demoCreated = options.demo ? await seedDemoOrganization(connection.db, content, builtin, options.demoPassword) : false;
  return { questions: builtin.questionVersionIdByKey.size, kitTemplates: builtin.templateVersionIdByKey.size, demoCreated };
}

/** Demo accounts that can sign in with a password — what a production start must warn about. */
export async function demoAccountsWithPassword(db: DbExecutor): Promise<number> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(like(users.email, `%@${DEMO_EMAIL_DOMAIN}`), isNotNull(users.passwordHash)));
  return rows.length;
}

export function demoLoginsText(password: string): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  const lines = DEMO_USERS.map((u) => `  ${u.email.padEnd(width)}  ${u.role}`);
  return [`Demo logins (password for all: ${password}):`, ...lines].join('\n');
}
