import { defineProject } from 'vitest/config';

// Browser journeys build the apps and start a real server: give them room.
export default defineProject({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['support/build.ts'],
    // One browser and one server at a time suit a 2-core machine.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
