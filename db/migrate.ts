// Applies the committed migrations in drizzle/ to whichever database the handle points at.
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import path from 'node:path';
import type { DatabaseConnection } from './client';

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

export async function runMigrations(connection: DatabaseConnection): Promise<void> {
  if (connection.driver === 'postgres') {
    await migratePostgres(connection.db as unknown as PostgresJsDatabase, { migrationsFolder });
  } else {
    await migratePglite(connection.db as unknown as PgliteDatabase, { migrationsFolder });
  }
}
