import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ObjectStorage } from './storage';

/** Lesson media in a folder of the data directory. */
export class FsStorage implements ObjectStorage {
  readonly driver = 'local' as const;

  constructor(private readonly root: string) {}

  async init(): Promise<this> {
    await fs.mkdir(path.join(this.root, '.probe'), { recursive: true });
    return this;
  }

  async check(): Promise<void> {
    const probe = path.join(this.root, '.probe', randomUUID());
    await fs.writeFile(probe, 'ok');
    try {
      if ((await fs.readFile(probe, 'utf8')) !== 'ok') throw new Error('storage read mismatch');
    } finally {
      await fs.rm(probe, { force: true });
    }
  }
}
