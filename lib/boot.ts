// Start-up work for a server process: validate env, migrate, seed, and tell the developer how to
// sign in. Safe to run on every start and from several instances at once (seeding is idempotent
// and the demo organization is created in one transaction).
import { getConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { demoLoginsText, seed } from '@/db/seed';
import { env } from './env';

export async function bootDatabase(): Promise<void> {
  const config = env();
  const started = Date.now();
  const connection = getConnection();
  await runMigrations(connection);
  const result = await seed(connection, { demo: config.SEED_DEMO === 'true' });
  const where = connection.driver === 'pglite' ? `embedded PGlite (${process.env.PGLITE_DIR || '.data/pglite'})` : 'PostgreSQL (DATABASE_URL)';
  console.log(
    `\n▲ Loopkit database ready on ${where} in ${Date.now() - started} ms: ${result.questions} built-in questions, ${result.kitTemplates} kit templates.`,
  );
  if (config.SEED_DEMO === 'true') console.log(`${demoLoginsText()}\n`);
}
