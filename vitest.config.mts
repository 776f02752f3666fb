import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      '@': root,
      // 'server-only' throws outside React Server Components; domain code is plain Node here.
      'server-only': path.join(root, 'tests/fixtures/server-only.ts'),
    },
  },
};

// next-auth imports `next/server` without an extension, which Node's ESM resolver refuses;
// inlined, Vite resolves it, so route handlers can be imported in-process by the API tests.
const server = { deps: { inline: ['next-auth'] } };

const engines = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    projects: [
      { ...shared, test: { name: 'unit', server, include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' } },
      ...engines.map((engine) => ({
        ...shared,
        test: {
          name: `integration-${engine}`,
          server,
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          env: { TEST_ENGINE: engine },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
    ],
  },
});
