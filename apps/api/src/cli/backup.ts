import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';
import { createDatabase } from '../db/database';
import {
  BACKUP_FILES,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type Manifest,
  prepareEmptyDir,
  sha256File,
  writeManifest,
} from './manifest';
import { copyLocalObject } from './media-copy';
import { listObjects } from './object-inventory';
import { dumpPostgres, type PgTools } from './pg-dump';
import { backupSqlite, withSqlite } from './sqlite-copy';
import { countRows, latestMigration } from './tables';

export interface BackupOptions {
  /** Copy the local-disk store's objects into `media/` (default); S3 objects are only listed. */
  readonly copyMedia?: boolean;
  readonly pg?: PgTools;
  /** Progress lines for the operator. */
  readonly log?: (line: string) => void;
}

/** Where the generated session-signing secret lives (see auth/secret.ts). */
export const AUTH_SECRET_FILE = 'auth-secret';

/**
 * Backs up an instance into the new folder `dir`: the database first (an online SQLite
 * backup, or `pg_dump`), then the list of every object the store holds (key, size, ETag)
 * and, for the local-disk store, a copy of them; the manifest last. In that order, every
 * object the backed-up database refers to is listed unless it was deleted in between.
 */
export async function createBackup(
  config: Config,
  dir: string,
  options: BackupOptions = {},
): Promise<Manifest> {
  const log = options.log ?? (() => {});
  const target = path.resolve(dir);
  await prepareEmptyDir(target);

  const database = await backupDatabase(config, target, options, log);
  log(`database: ${Object.keys(database.tables).length} tables, ${database.bytes} bytes`);

  const storage = config.storage;
  const copyMedia = storage.driver === 'local' && options.copyMedia !== false;
  const media = path.join(target, BACKUP_FILES.media);
  const list = await fs.open(path.join(target, BACKUP_FILES.objects), 'w', 0o600);
  let objects = 0;
  let bytes = 0;
  try {
    for await (const entry of listObjects(storage)) {
      if (copyMedia && !(await copyLocalObject(storage.root, media, entry.key))) continue;
      await list.write(`${JSON.stringify(entry)}\n`);
      objects += 1;
      bytes += entry.size;
    }
  } finally {
    await list.close();
  }
  log(`objects: ${objects} (${bytes} bytes) ${copyMedia ? 'copied' : 'listed'}`);

  const authSecret = await fs
    .copyFile(
      path.join(config.dataDir, AUTH_SECRET_FILE),
      path.join(target, BACKUP_FILES.authSecret),
    )
    .then(
      () => true,
      () => false,
    );

  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    createdAt: new Date().toISOString(),
    database,
    storage: {
      driver: storage.driver,
      ...(storage.driver === 's3' ? { bucket: storage.bucket } : {}),
      objects,
      bytes,
      mediaCopied: copyMedia,
    },
    authSecret,
  };
  await writeManifest(target, manifest);
  log(`backup written to ${target}`);
  return manifest;
}

async function backupDatabase(
  config: Config,
  target: string,
  options: BackupOptions,
  log: (line: string) => void,
): Promise<Manifest['database']> {
  if (config.database.dialect === 'sqlite') {
    const file = path.join(target, BACKUP_FILES.sqlite);
    log(`database: online backup of ${config.database.file}`);
    await backupSqlite(config.database.file, file);
    const facts = await withSqlite(file, async (db) => ({
      tables: await countRows(db),
      migration: await latestMigration(db),
    }));
    return { dialect: 'sqlite', file: BACKUP_FILES.sqlite, ...(await fileFacts(file)), ...facts };
  }
  const file = path.join(target, BACKUP_FILES.postgres);
  log('database: pg_dump (custom format)');
  const db = createDatabase(config.database);
  try {
    const facts = await dumpPostgres(db, config.database.url, file, options.pg);
    return {
      dialect: 'postgres',
      file: BACKUP_FILES.postgres,
      ...(await fileFacts(file)),
      ...facts,
    };
  } finally {
    await db.destroy();
  }
}

async function fileFacts(file: string): Promise<{ sha256: string; bytes: number }> {
  await fs.chmod(file, 0o600);
  return { sha256: await sha256File(file), bytes: (await fs.stat(file)).size };
}
