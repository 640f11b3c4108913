import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ChunkInfo, checkBudget } from './bundle-budget';

const chunk = (fileName: string, over: Partial<ChunkInfo> = {}): ChunkInfo => ({
  fileName,
  code: 'export const x = 1;',
  isEntry: false,
  imports: [],
  moduleIds: [],
  ...over,
});
// Random bytes do not compress: their gzipped size is about their length.
const heavy = (kib: number) => randomBytes(kib * 1024).toString('base64');

describe('the first-page budget', () => {
  it('counts the entry and its static imports, not what loads on demand', () => {
    const report = checkBudget([
      chunk('index.js', { isEntry: true, imports: ['vendor.js'] }),
      chunk('vendor.js', { code: heavy(10) }),
      chunk('player.js', {
        code: heavy(400),
        moduleIds: ['/x/node_modules/video.js/dist/video.es.js'],
      }),
    ]);
    expect(report.files).toEqual(['index.js', 'vendor.js']);
    expect(report.gzipBytes).toBeGreaterThan(10 * 1024);
    expect(report.gzipBytes).toBeLessThan(20 * 1024);
    expect(report.isOk).toBe(true);
  });

  it('fails when the first page is over budget', () => {
    const report = checkBudget([chunk('index.js', { isEntry: true, code: heavy(40) })], 30 * 1024);
    expect(report.isOk).toBe(false);
  });

  it('fails when the player or Uppy is part of the first page', () => {
    const report = checkBudget([
      chunk('index.js', { isEntry: true, imports: ['uppy.js'] }),
      chunk('uppy.js', {
        moduleIds: ['/x/node_modules/.pnpm/@uppy+core@6/node_modules/@uppy/core/lib/Uppy.js'],
      }),
    ]);
    expect(report.eagerLazyModules).toHaveLength(1);
    expect(report.isOk).toBe(false);
  });
});
