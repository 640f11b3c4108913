import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'api',
    environment: 'node',
    // The first test of a file that uses the seeded world builds it (accounts, sign-ins,
    // lessons): a few seconds, more on a busy 2-core machine, and more on PostgreSQL.
    testTimeout: 20_000,
  },
});
