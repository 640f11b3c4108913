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
// sources (a checkout where only the server was built), it bundles it first, exactly as the
// API build bundles the server; `node infra/scripts/backup.mjs build` does only that.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const api = path.join(root, 'apps/api');
const bundle = path.join(api, 'dist/cli.js');
const entry = path.join(api, 'src/cli/main.ts');

/** The newest modification time of the files the bundle is made of (0 without sources). */
function newestSource() {
  let newest = 0;
  for (const dir of [path.join(api, 'src'), path.join(root, 'packages')]) {
    if (!fs.existsSync(dir)) continue;
    for (const item of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!item.isFile()) continue;
      const file = path.join(item.parentPath, item.name);
      if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
      newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  }
  return newest;
}

function isUpToDate() {
  if (!fs.existsSync(bundle)) return false;
  // An installation without sources (a container image) runs the bundle it was given.
  return !fs.existsSync(entry) || fs.statSync(bundle).mtimeMs >= newestSource();
}

/** Bundles src/cli/main.ts into dist/cli.js with the options of apps/api/build.mjs. */
async function buildBundle() {
  const require = createRequire(path.join(api, 'package.json'));
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    throw new Error(
      'apps/api/dist/cli.js is missing or stale and esbuild is not installed to build it: run `pnpm install` and `pnpm -C apps/api run build` first.',
    );
  }
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
  // Write beside and rename: a second run at the same moment never reads half a file.
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  for (const output of result.outputFiles) {
    const temporary = `${output.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, output.contents);
    fs.renameSync(temporary, output.path);
  }
}

try {
  if (!isUpToDate()) await buildBundle();
  if (process.argv[2] === 'build') process.exit(0);
  const { runCli } = await import(pathToFileURL(bundle).href);
  process.exitCode = await runCli(process.argv.slice(2));
} catch (error) {
  console.error(`[elevate] ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
