#!/usr/bin/env node
// The district seeder and query explainer of apps/api/src/scale, bundled on the fly with
// esbuild (as infra/scripts/backup.mjs bundles apps/api/src/cli) into apps/api/dist/scale.js,
// so its imports resolve from apps/api. As a script:
//
//   DATA_DIR=/tmp/district node test/bench/lib/district-seed.mjs seed --teachers 1000
//   DATABASE_URL=postgres://... node test/bench/lib/district-seed.mjs plans
//   node test/bench/lib/district-seed.mjs --help
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const api = path.join(root, 'apps/api');
const bundle = path.join(api, 'dist/scale.js');
const entry = path.join(api, 'src/scale/main.ts');

function newestSource() {
  let newest = 0;
  for (const dir of [path.join(api, 'src'), path.join(root, 'packages')]) {
    for (const item of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!item.isFile()) continue;
      const file = path.join(item.parentPath ?? item.path, item.name);
      if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
      newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  }
  return newest;
}

/** Bundles src/scale/main.ts with the options of apps/api/build.mjs when it is missing or stale. */
async function buildBundle() {
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= newestSource()) return;
  const require = createRequire(path.join(api, 'package.json'));
  const esbuild = require('esbuild');
  const pkg = JSON.parse(fs.readFileSync(path.join(api, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@elevate/'));
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    external: [...external, ...external.map((name) => `${name}/*`)],
    logLevel: 'warning',
    write: false,
  });
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  for (const output of result.outputFiles) {
    const temporary = `${output.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, output.contents);
    fs.renameSync(temporary, output.path);
  }
}

/** The bundled module: runScale(argv, env, out), SEED_VERSION, DEFAULT_DISTRICT. */
export async function loadScale() {
  await buildBundle();
  return import(pathToFileURL(bundle).href);
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
