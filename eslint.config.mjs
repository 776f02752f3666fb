import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

const dbOnlyFromLib = {
  patterns: [{ group: ['@/db', '@/db/*', '../db/*', '../../db/*'], message: 'app/ may not import db/: call a lib/ function (app → lib → db).' }],
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // An update or delete without where() rewrites every tenant's rows. The names are this
    // codebase's handles: `db` (also `ctx.db`, `tx.db`, `t.db` in tests) and `tx`.
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    // Type-aware checks for the application code: promises that are neither awaited nor handled
    // (a failed save would vanish), async functions where a void callback is expected, awaiting
    // non-promises, assertions the types already guarantee, and switches that miss a union member.
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.ts', 'db/**/*.ts', '*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  { files: ['app/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', dbOnlyFromLib] } },
  // A cycle in the domain layer means two modules each half-own a rule (sign-up once copied
  // createOrganization that way); import/ comes with eslint-config-next.
  {
    files: ['lib/**/*.ts', 'db/**/*.ts'],
    // Never parse packages: only our own modules can form the cycles this rule is about.
    settings: { 'import/ignore': ['node_modules'] },
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/lib/*', '../lib/*', '../../lib/*', '!../lib/env', '!../../lib/env', '!@/lib/env'], message: 'db/ imports only drizzle and lib/env.' }] },
      ],
    },
  },
];
export default config;
