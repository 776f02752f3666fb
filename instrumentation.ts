// Runs once when a server process starts: applies migrations and seeds built-in content and the
// demo organization inside the app process itself (PGlite allows one process per data directory).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootDatabase } = await import('./lib/boot');
  await bootDatabase();
}
