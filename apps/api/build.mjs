// Bundles the server, the worker that runs apart from it (`elevate worker`) and the backup
// command (infra/scripts/backup.mjs) into one file each. Workspace packages (@elevate/*)
// are TypeScript sources and are bundled in; every other dependency stays an ordinary import.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@elevate/'));

await build({
  entryPoints: { server: 'src/server.ts', worker: 'src/worker.ts', cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`)],
  logLevel: 'warning',
});
