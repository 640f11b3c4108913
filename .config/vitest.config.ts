import { defineConfig } from 'vitest/config';

// One command runs every package's tests: each package (and the cross-app `test/`
// suites) is a Vitest project with its own config beside its code.
export default defineConfig({
  test: {
    projects: ['apps/*', 'packages/*', 'test'],
  },
});
