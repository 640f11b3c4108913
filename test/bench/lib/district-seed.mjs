#!/usr/bin/env node
// The district seeder and query explainer of apps/api/src/scale, bundled by the API build into
// apps/api/dist/scale.js (rebuilt first when stale), so its imports resolve from apps/api.
// As a script:
//
//   DATA_DIR=/tmp/district node test/bench/lib/district-seed.mjs seed --teachers 1000
//   DATABASE_URL=postgres://... node test/bench/lib/district-seed.mjs plans
//   node test/bench/lib/district-seed.mjs --help
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtEntry } from '../../../apps/api/build.mjs';

/** The bundled module: runScale(argv, env, out), SEED_VERSION, DEFAULT_DISTRICT. */
export async function loadScale() {
  return import(pathToFileURL(await builtEntry('scale')).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { runScale } = await loadScale();
    process.exitCode = await runScale(process.argv.slice(2));
  } catch (error) {
    console.error(`[district] ${error instanceof Error ? error.stack : error}`);
    process.exitCode = 1;
  }
}
