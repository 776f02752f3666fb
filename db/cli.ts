// `npm run db:migrate` and `npm run db:seed`, against DATABASE_URL or the embedded PGlite.
// Never run these beside a dev server on the same PGlite directory: PGlite has no cross-process lock.
import { env } from '../lib/env';
import { getConnection } from './client';
import { runMigrations } from './migrate';
import { demoLoginsText, seed } from './seed';

async function main(command: string | undefined) {
  const connection = getConnection();
  try {
    if (command === 'migrate') {
      await runMigrations(connection);
      console.log(`Migrations applied (${connection.driver}).`);
    } else if (command === 'seed') {
      await runMigrations(connection);
      const result = await seed(connection, { demo: env().SEED_DEMO === 'true' });
      console.log(`Seeded ${result.questions} built-in questions and ${result.kitTemplates} kit templates (${connection.driver}).`);
      if (result.demoCreated) console.log(demoLoginsText());
      else console.log('Demo organization already present (or SEED_DEMO=false).');
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
