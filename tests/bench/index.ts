// `npm run bench -- <name>`: benchmarks that seed data at a stated scale and print figures.
// Each benchmark's last line of output is one JSON object with its numbers.
import { runApiBench } from './api';
import { runAutosaveBench } from './autosave';
import { runCandidatesBench } from './candidates';
import { runDashboardBench } from './dashboard';
import { runQuestionsBench } from './questions';
import { runSessionBench } from './session';

const benches: Record<string, () => Promise<void>> = {
  api: runApiBench,
  autosave: runAutosaveBench,
  candidates: runCandidatesBench,
  dashboard: runDashboardBench,
  questions: runQuestionsBench,
  session: runSessionBench,
};

async function main() {
  // Benchmarks start and stop their own servers and pools; exit when all have finished.
  const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = requested.length ? requested : Object.keys(benches);
  for (const name of names) {
    const bench = benches[name];
    if (!bench) {
      console.error(`Unknown benchmark "${name}". Available: ${Object.keys(benches).join(', ')}`);
      process.exitCode = 2;
      return;
    }
    await bench();
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
