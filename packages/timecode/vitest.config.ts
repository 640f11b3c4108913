import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'timecode', environment: 'node' },
});
