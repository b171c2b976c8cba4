import { defineConfig } from 'vitest/config';

/*
 * The scan history needs node:sqlite (Node.js ≥ 22.13). On an older Node its test files
 * (*.sqlite.test.ts) are left out rather than counted as passing; test/history/node-version.test.ts
 * checks there that the history commands refuse in one line.
 */
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const nodeHasSqlite = major > 23 || (major === 23 && minor >= 4) || (major === 22 && minor >= 13);
const withoutSqlite = nodeHasSqlite ? [] : ['**/*.sqlite.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/integration/**', 'test/browser/**', ...withoutSqlite],
          environment: 'node',
          setupFiles: ['test/setup/advice-equality.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/moto-global-setup.ts'],
          setupFiles: ['test/setup/advice-equality.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          exclude: withoutSqlite,
          setupFiles: ['test/setup/advice-equality.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
