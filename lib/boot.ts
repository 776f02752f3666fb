// Start-up work for a server process: validate env, migrate, seed, and tell the developer how to
// sign in. Safe to run on every start and from several instances at once (seeding is idempotent
// and the demo organization is created in one transaction).
import { getConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { demoAccountsWithPassword, demoLoginsText, demoPasswordFor, seed } from '@/db/seed';
import { demoSeeding, env } from './env';

export async function bootDatabase(): Promise<void> {
  const config = env();
  const started = Date.now();
  const connection = getConnection();
  await runMigrations(connection);
  const demo = demoSeeding(config);
  const demoPassword = demoPasswordFor(config);
  const result = await seed(connection, { demo, demoPassword });
  const where = connection.driver === 'pglite' ? `embedded PGlite (${process.env.PGLITE_DIR || '.data/pglite'})` : 'PostgreSQL (DATABASE_URL)';
  console.log(
    `\n▲ Loopkit database ready on ${where} in ${Date.now() - started} ms: ${result.questions} built-in questions, ${result.kitTemplates} kit templates.`,
  );
  const production = config.NODE_ENV === 'production';
  // In development the published logins are printed on every start; a production password is
  // shown once, when the accounts are created, and never again.
  if (demo && (!production || result.demoCreated)) console.log(`${demoLoginsText(demoPassword)}\n`);
  if (production) await warnAboutDemoAccounts(connection.db);
}

async function warnAboutDemoAccounts(db: ReturnType<typeof getConnection>['db']): Promise<void> {
  const count = await demoAccountsWithPassword(db);
  if (count === 0) return;
  const bar = '!'.repeat(78);
  console.warn(
    [
      bar,
      `!! WARNING: ${count} demo account(s) (@demo.loopkit.dev) can sign in on this PRODUCTION server.`,
      '!! Anyone who knows or guesses their password gets in. Delete the demo organization and its',
      '!! users, or start from an empty database without SEED_DEMO=true.',
      bar,
    ].join('\n'),
  );
}
