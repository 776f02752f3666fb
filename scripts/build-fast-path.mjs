// Compiles the autosave fast path (app/api/v1/scorecards/autosave-fast-path.ts and the lib/ code
// it uses) into one ES module for scripts/server.mjs. npm packages stay external and load from
// node_modules; `server-only` is satisfied here, as it is in Next.js's server build.
import { build } from 'esbuild';

await build({
  entryPoints: ['app/api/v1/scorecards/autosave-fast-path.ts'],
  outfile: '.next/loopkit/autosave-fast-path.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
  plugins: [
    {
      name: 'server-only',
      setup(b) {
        b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
        // lib/http.ts imports unstable_rethrow (for server actions, never called here). Node's ESM
        // resolver needs the file name: next has no "exports" map, so 'next/navigation' alone fails.
        b.onResolve({ filter: /^next\/navigation$/ }, () => ({ path: 'next/navigation.js', external: true }));
        b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '' }));
      },
    },
  ],
});
