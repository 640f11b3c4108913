import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';

/** Thrown for a problem the operator can fix; `exitCode` is what the command exits with. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Exit code of `restore` and `verify` when the instance differs from the backup. */
export const EXIT_DIFFERENCES = 3;

/** The files of a backup folder. `manifest.json` is written last: without it, it is unfinished. */
export const BACKUP_FILES = {
  manifest: 'manifest.json',
  sqlite: 'database.sqlite',
  postgres: 'database.pgdump',
  objects: 'objects.jsonl',
  media: 'media',
  authSecret: 'auth-secret',
} as const;

export const MANIFEST_FORMAT = 'elevate-backup';
export const MANIFEST_VERSION = 1;

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  createdAt: z.string(),
  database: z.object({
    dialect: z.enum(['sqlite', 'postgres']),
    /** The dump's file name in the backup folder. */
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    /** Row count of every table, as of the moment the dump was taken. */
    tables: z.record(z.string(), z.number().int().nonnegative()),
    /** The newest migration the database had: a restore runs on this code or newer. */
    migration: z.string().nullable(),
  }),
  storage: z.object({
    driver: z.enum(['local', 's3']),
    /** The bucket (S3) the object list was read from. */
    bucket: z.string().optional(),
    objects: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    /** True when `media/` holds a copy of every listed object (local-disk store). */
    mediaCopied: z.boolean(),
  }),
  authSecret: z.boolean(),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Reads and checks a backup's manifest; a folder without one is not a finished backup. */
export async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, BACKUP_FILES.manifest);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new CliError(`${dir} holds no ${BACKUP_FILES.manifest}: not a finished Elevate backup.`);
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new CliError(`${file} is not a manifest this version understands: ${parsed.error}`);
  }
  return parsed.data;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  const file = path.join(dir, BACKUP_FILES.manifest);
  await fs.writeFile(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  await fs.rename(`${file}.tmp`, file);
}

/** The hex SHA-256 of a file, read as a stream. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Makes `dir` for a new backup; refuses a folder that already holds anything. */
export async function prepareEmptyDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const entries = await fs.readdir(dir);
  if (entries.length > 0) {
    throw new CliError(`${dir} is not empty: give a new folder for each backup.`);
  }
}
