import { configDefaults, defineConfig } from 'vitest/config';

// One command runs every package's tests: each package (and the cross-app `test/`
// suites) is a Vitest project with its own config beside its code.
export default defineConfig({
  test: {
    projects: [
      'apps/*',
      'packages/*',
      'test',
      // The API's integration suite again, on PostgreSQL: every test API gets a database
      // of its own on one throwaway server that the global setup starts and removes.
      {
        extends: 'apps/api/vitest.config.ts',
        root: 'apps/api',
        test: {
          name: 'api-pg',
          env: { ELEVATE_TEST_DATABASE: 'postgres' },
          globalSetup: ['../../test/support/postgres.ts'],
          // Tests that never open a database (media tools, object stores, config
          // parsing, the pure policy) would only repeat themselves.
          exclude: [
            ...configDefaults.exclude,
            'src/media/**',
            'src/storage/**',
            'src/config.test.ts',
            'src/services/policy.test.ts',
            'src/cli/infra-examples.test.ts',
          ],
        },
      },
    ],
  },
});
