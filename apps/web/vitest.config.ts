import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    // Page tests run against the real API in-process; on a busy 2-core machine a journey of
    // several pages needs more than Vitest's 5 s default.
    testTimeout: 20_000,
  },
});
