// Seeds built-in content and (unless SEED_DEMO=false) the demo organization. Idempotent.
import type { DatabaseConnection } from '../client';
import { seedBuiltinContent } from './builtin';
import { loadBuiltinContent } from './content';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoOrganization } from './demo';

export interface SeedResult {
  questions: number;
  kitTemplates: number;
  demoCreated: boolean;
}

export async function seed(connection: DatabaseConnection, options: { demo: boolean }): Promise<SeedResult> {
  const content = loadBuiltinContent();
  const builtin = await seedBuiltinContent(connection.db, content);
  const demoCreated = options.demo ? await seedDemoOrganization(connection.db, content, builtin) : false;
  return { questions: builtin.questionVersionIdByKey.size, kitTemplates: builtin.templateVersionIdByKey.size, demoCreated };
}

export function demoLoginsText(): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  const lines = DEMO_USERS.map((u) => `  ${u.email.padEnd(width)}  ${u.role}`);
  return [`Demo logins (password for all: ${DEMO_PASSWORD}):`, ...lines].join('\n');
}
