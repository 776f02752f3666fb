// `npm run db:migrate` and `npm run db:seed`, against DATABASE_URL or the embedded PGlite.
// Never run these beside a dev server on the same PGlite directory: PGlite has no cross-process lock.
import { demoSeeding, env } from '../lib/env';
import { getConnection } from './client';
import { runMigrations } from './migrate';
import { demoLoginsText, demoPasswordFor, seed } from './seed';

async function main(command: string | undefined) {
  const connection = getConnection();
  try {
    if (command === 'migrate') {
      await runMigrations(connection);
      console.log(`Migrations applied (${connection.driver}).`);
    } else if (command === 'seed') {
      await runMigrations(connection);
      const demoPassword = demoPasswordFor(env());
      const result = await seed(connection, { demo: demoSeeding(env()), demoPassword });
      console.log(`Seeded ${result.questions} built-in questions and ${result.kitTemplates} kit templates (${connection.driver}).`);
      if (result.demoCreated) console.log(demoLoginsText(demoPassword));
      else console.log('Demo organization already present, or not asked for (SEED_DEMO; never by default in production).');
    } else {
      console.error('usage: tsx db/cli.ts migrate|seed');
      process.exitCode = 2;
    }
  } finally {
    await connection.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
