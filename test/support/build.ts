import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Vitest global setup: build the web app and the API bundle once for every journey. */
export default function buildApps(): void {
  const result = spawnSync(
    'pnpm',
    ['--filter', '@elevate/web', '--filter', '@elevate/api', 'run', 'build'],
    // Vitest sets NODE_ENV=test, which would give a development React build: journeys
    // test (and `npm start` may later serve) the production build.
    { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) throw new Error('building the apps for the e2e suite failed');
}
