#!/usr/bin/env node
// Backs up and restores Elevate (infra/README.md, "Backups and restore"):
//
//   node infra/scripts/backup.mjs backup  /var/backups/elevate/2026-11-22T0300Z
//   node infra/scripts/backup.mjs restore /var/backups/elevate/2026-11-22T0300Z
//   node infra/scripts/backup.mjs verify  /var/backups/elevate/2026-11-22T0300Z
//   node infra/scripts/backup.mjs --help
//
// with the server's environment (DATA_DIR, DATABASE_URL, STORAGE_DRIVER, S3_*). It runs the
// API's bundled command, apps/api/dist/cli.js. When that file is missing or older than the
// sources, the API build (apps/api/build.mjs) runs first; `node infra/scripts/backup.mjs
// build` does only that.
import { pathToFileURL } from 'node:url';
import { builtEntry } from '../../apps/api/build.mjs';

try {
  const bundle = await builtEntry('cli');
  if (process.argv[2] === 'build') process.exit(0);
  const { runCli } = await import(pathToFileURL(bundle).href);
  process.exitCode = await runCli(process.argv.slice(2));
} catch (error) {
  console.error(`[elevate] ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
