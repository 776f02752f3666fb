// Runs once when a server process starts: applies migrations and seeds built-in content and the
// demo organization inside the app process itself (PGlite allows one process per data directory).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  try {
    const { bootDatabase } = await import('./lib/boot');
    await bootDatabase();
  } catch (error) {
    // Next.js logs a failed hook and then serves every request a 500 while saying it is ready. A
    // production server that cannot boot (invalid configuration, unreachable database) stops
    // instead, with the reason, so the operator or the supervisor sees it at once.
    if (process.env.NODE_ENV !== 'production') throw error;
    console.error(`Loopkit could not start. ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
