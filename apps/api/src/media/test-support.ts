// Helpers shared by the media unit tests (not used by the app).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureFixtures, type Fixtures } from '../../../../test/fixtures/fixtures.mjs';
import { runFfmpeg, runFfprobe } from './ffmpeg';

/** For beforeAll hooks: making the fixtures on a cold checkout takes seconds, more under load. */
export const SETUP_TIMEOUT_MS = 60_000;

/** The synthetic fixtures, generated once into test/fixtures/out (gitignored) and reused. */
export const getFixtures = (): Promise<Fixtures> => ensureFixtures();

/** A fresh temporary folder and a function that removes it. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'elevate-media-'));
  return { dir, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** Width and height of an image or of a video's first video stream, read by ffprobe. */
export async function readDimensions(file: string): Promise<{ width: number; height: number }> {
  const { stdout } = await runFfprobe([
    ...['-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0'],
    file,
  ]);
  const [width = 0, height = 0] = stdout.trim().split(',').map(Number);
  return { width, height };
}

/** The types of an ISO BMFF file's top-level boxes, in order (e.g. ftyp, moov, mdat). */
export async function readTopLevelBoxes(file: string): Promise<string[]> {
  const data = await fs.readFile(file);
  const types: string[] = [];
  for (let at = 0; at + 8 <= data.length; ) {
    let size = data.readUInt32BE(at);
    if (size === 1) size = Number(data.readBigUInt64BE(at + 8));
    types.push(data.toString('latin1', at + 4, at + 8));
    if (size < 8) break;
    at += size;
  }
  return types;
}

/** Runs ffmpeg to make a small extra input for one test (arguments before the output file). */
export async function makeVideo(out: string, args: readonly string[]): Promise<string> {
  await runFfmpeg([...args, out], { timeoutMs: 30_000 });
  return out;
}
