// Bundles the API's entry points into one file each in dist/: the server, the worker that
// runs apart from it (`elevate worker`), the backup command (infra/scripts/backup.mjs) and
// the district seeder of the benchmarks (test/bench/lib/district-seed.mjs). Workspace
// packages (@elevate/*) are TypeScript sources and are bundled in; every other dependency
// stays an ordinary import. `node build.mjs` builds; the scripts above call builtEntry().
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const api = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(api, '../..');
const ENTRIES = {
  server: 'src/server.ts',
  worker: 'src/worker.ts',
  cli: 'src/cli/main.ts',
  scale: 'src/scale/main.ts',
};

/** Bundles every entry. Each file is written beside and renamed, never read half-written. */
export async function buildApi() {
  let esbuild;
  try {
    esbuild = createRequire(import.meta.url)('esbuild');
  } catch {
    throw new Error('esbuild is not installed to build the API: run `pnpm install` first.');
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(api, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@elevate/'));
  const result = await esbuild.build({
    absWorkingDir: api,
    entryPoints: ENTRIES,
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    external: [...external, ...external.map((name) => `${name}/*`)],
    logLevel: 'warning',
    write: false,
  });
  fs.mkdirSync(path.join(api, 'dist'), { recursive: true });
  for (const output of result.outputFiles) {
    const temporary = `${output.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, output.contents);
    fs.renameSync(temporary, output.path);
  }
}

/** The newest modification time of the files the bundles are made of (0 without sources). */
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

/**
 * The path of dist/<name>.js, built first when it is missing or older than the sources (a
 * checkout where the API was not built since a change). An installation without sources (a
 * container image) runs the bundle it was given.
 */
export async function builtEntry(name) {
  const bundle = path.join(api, 'dist', `${name}.js`);
  const hasSources = fs.existsSync(path.join(api, ENTRIES[name]));
  if (!fs.existsSync(bundle) || (hasSources && fs.statSync(bundle).mtimeMs < newestSource())) {
    await buildApi();
  }
  return bundle;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildApi();
}
