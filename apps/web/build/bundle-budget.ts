import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** What the first page may weigh: its JavaScript, gzipped (issue budget). */
export const FIRST_PAGE_BUDGET_BYTES = 250 * 1024;
/** Modules that must only load where they are needed, never with the first page. */
export const LAZY_ONLY = [/node_modules\/.*video\.js\//, /node_modules\/.*@uppy\//];

/** The parts of a Rollup output chunk the check reads. */
export interface ChunkInfo {
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  moduleIds: string[];
}

export interface BudgetReport {
  files: string[];
  gzipBytes: number;
  budgetBytes: number;
  /** Lazy-only modules found in the first page's chunks. */
  eagerLazyModules: string[];
  isOk: boolean;
}

/**
 * The first page's JavaScript is the entry chunk and every chunk it imports statically
 * (the browser fetches them before anything renders); dynamic imports load later.
 */
export function checkBudget(
  chunks: readonly ChunkInfo[],
  budgetBytes = FIRST_PAGE_BUDGET_BYTES,
): BudgetReport {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of byName.get(name)?.imports ?? []) visit(dep);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  const files = [...seen].filter((name) => byName.has(name)).sort();
  const gzipBytes = files.reduce(
    (sum, name) => sum + gzipSync(byName.get(name)?.code ?? '', { level: 9 }).length,
    0,
  );
  const eagerLazyModules = files.flatMap((name) =>
    (byName.get(name)?.moduleIds ?? []).filter((id) => LAZY_ONLY.some((re) => re.test(id))),
  );
  return {
    files,
    gzipBytes,
    budgetBytes,
    eagerLazyModules,
    isOk: gzipBytes <= budgetBytes && eagerLazyModules.length === 0,
  };
}

/** Fails `vite build` when the first page is over budget or pulls in the player or Uppy. */
export function bundleBudget(budgetBytes = FIRST_PAGE_BUDGET_BYTES): Plugin {
  return {
    name: 'elevate-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: ChunkInfo[] = Object.values(bundle).flatMap((out) =>
        out.type === 'chunk'
          ? [
              {
                fileName: out.fileName,
                code: out.code,
                isEntry: out.isEntry,
                imports: out.imports,
                moduleIds: out.moduleIds,
              },
            ]
          : [],
      );
      const report = checkBudget(chunks, budgetBytes);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      this.info(
        `first page JavaScript: ${kb(report.gzipBytes)} gzipped (budget ${kb(budgetBytes)}) in ${report.files.length} file(s)`,
      );
      if (report.eagerLazyModules.length) {
        this.error(
          `the first page loads modules that must load on demand: ${report.eagerLazyModules.slice(0, 5).join(', ')}`,
        );
      }
      if (report.gzipBytes > budgetBytes) {
        this.error(
          `the first page's JavaScript is ${kb(report.gzipBytes)} gzipped, over the ${kb(budgetBytes)} budget`,
        );
      }
    },
  };
}
