import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup:
// unmount every render after each test so trees never leak between tests.
afterEach(() => {
  cleanup();
});
