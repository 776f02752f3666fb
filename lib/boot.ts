// Start-up work for a server process: validate env, migrate, seed, and tell the developer how to
// sign in. Safe to run on every start and from several instances at once (seeding is idempotent
// and the demo organization is created in one transaction).
import { getConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { demoAccountsWithPassword, demoLoginsText, demoPasswordFor, seed } from '@/db/seed';
import { demoSeeding, env } from './env';
import { startProcessJobQueue, stopProcessJobQueue } from './jobs/runner';
import { warnIfMailIsNotDelivered } from './mail';

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
  warnIfMailIsNotDelivered();
  await startJobs(connection);
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

/**
 * Starts the job queue's workers and cron once per server process (not while `next build`
 * prerenders: its pollers would keep the build alive), and stops them on SIGTERM/SIGINT.
 */
async function startJobs(connection: ReturnType<typeof getConnection>): Promise<void> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  await startProcessJobQueue(connection);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // scripts/server.mjs (and Next's dev server) exit on these signals themselves; a process
      // that has no other handler is exited here once running jobs have had their chance.
      const othersExit = process.listenerCount(signal) > 0;
      void stopProcessJobQueue()
        .catch((error) => console.error('[jobs] stopping the queue failed', error))
        .finally(() => {
          if (!othersExit) process.exit(0);
        });
    });
  }
}
