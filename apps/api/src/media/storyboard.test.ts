import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fixtures } from '../../../../test/fixtures/fixtures.mjs';
import { makeStoryboard, planStoryboard } from './storyboard';
import { getFixtures, makeTempDir, readDimensions, SETUP_TIMEOUT_MS } from './test-support';

describe('planStoryboard', () => {
  it('spaces tiles a whole number of seconds apart, at most maxTiles of them', () => {
    expect(planStoryboard(12_000)).toEqual({ intervalMs: 1000, count: 12, columns: 10, rows: 2 });
    expect(planStoryboard(12_500)).toMatchObject({ intervalMs: 1000, count: 13 });
    expect(planStoryboard(60 * 60_000)).toEqual({
      intervalMs: 36_000,
      count: 100,
      columns: 10,
      rows: 10,
    });
    expect(planStoryboard(10 * 60_000 + 116)).toMatchObject({ intervalMs: 6_000, count: 100 });
    expect(planStoryboard(47 * 60_000 + 1_000)).toMatchObject({ intervalMs: 29_000, count: 98 });
  });

  it('narrows the sheet when there are fewer tiles than columns', () => {
    expect(planStoryboard(3_000)).toEqual({ intervalMs: 1000, count: 3, columns: 3, rows: 1 });
    expect(planStoryboard(400)).toEqual({ intervalMs: 1000, count: 1, columns: 1, rows: 1 });
  });
});

describe('makeStoryboard', { timeout: 60_000 }, () => {
  let fixtures: Fixtures;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    [fixtures, temp] = await Promise.all([getFixtures(), makeTempDir()]);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => temp.cleanup());

  it('writes one JPEG sprite and returns the layout the timeline needs', async () => {
    const out = path.join(temp.dir, 'storyboard.jpg');
    const board = await makeStoryboard(fixtures.shortH264, out, { durationMs: 12_000 });
    expect(board).toEqual({
      intervalMs: 1000,
      tileWidth: 160,
      tileHeight: 90,
      columns: 10,
      rows: 2,
      count: 12,
    });
    expect([...(await fs.readFile(out)).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(await readDimensions(out)).toEqual({ width: 160 * 10, height: 90 * 2 });
  });

  it('honours tile width, columns and maxTiles', async () => {
    const out = path.join(temp.dir, 'small.jpg');
    const board = await makeStoryboard(fixtures.hevcMov, out, {
      durationMs: 6_000,
      tileWidth: 96,
      columns: 4,
      maxTiles: 3,
    });
    expect(board).toEqual({
      intervalMs: 2000,
      tileWidth: 96,
      tileHeight: 54,
      columns: 3,
      rows: 1,
      count: 3,
    });
    expect(await readDimensions(out)).toEqual({ width: 288, height: 54 });
  });
});
