import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup:
// unmount every render after each test so trees never leak between tests.
afterEach(() => {
  cleanup();
});

// Pages wait for the real API in-process; on a busy machine an answer can take more than
// the 1 s Testing Library waits by default before `findBy…` gives up.
configure({ asyncUtilTimeout: 4000 });
