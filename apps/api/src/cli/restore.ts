import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';
import { createDatabase, type Db } from '../db/database';
import { AUTH_SECRET_FILE } from './backup';
import { BACKUP_FILES, CliError, type Manifest, readManifest, sha256File } from './manifest';
import { restoreLocalMedia } from './media-copy';
import {
  compareInventory,
  type InventoryDifferences,
  listObjects,
  localKeys,
  readInventory,
} from './object-inventory';
import { type PgTools, restorePostgres } from './pg-dump';
import { restoreSqlite, withSqlite } from './sqlite-copy';
import { compareCounts, countRows } from './tables';

export interface RestoreOptions {
  readonly pg?: PgTools;
  readonly log?: (line: string) => void;
}

/** How the instance compares with a backup; `ok` when nothing the backup holds is missing. */
export interface VerifyReport {
  readonly manifest: Manifest;
  /** Tables whose row count differs from the backup's (or that are missing). */
  readonly tables: ReadonlyArray<{ table: string; expected: number; actual: number | undefined }>;
  readonly objects: InventoryDifferences;
  readonly ok: boolean;
}

/**
 * Loads a backup into the empty instance the configuration names: the database (file copy,
 * or `pg_restore`), the local-disk store's objects when the backup holds them, and the
 * session-signing secret; then compares the instance with the backup. Objects of an S3
 * store are restored with the store's own tools, before or after; see infra/README.md.
 */
export async function restoreBackup(
  config: Config,
  dir: string,
  options: RestoreOptions = {},
): Promise<VerifyReport> {
  const log = options.log ?? (() => {});
  const source = path.resolve(dir);
  const manifest = await readManifest(source);
  if (manifest.database.dialect !== config.database.dialect) {
    throw new CliError(
      `This backup holds a ${manifest.database.dialect} database, but DATABASE_URL names ${config.database.dialect}: restore into the same kind of database.`,
    );
  }
  const dump = path.join(source, manifest.database.file);
  if ((await sha256File(dump)) !== manifest.database.sha256) {
    throw new CliError(
      `${dump} does not match its checksum in the manifest: the backup is damaged.`,
    );
  }
  const storage = config.storage;
  const media =
    manifest.storage.mediaCopied && storage.driver === 'local' ? storage.root : undefined;
  // Refuse before changing anything, rather than halfway.
  if (media && (await localKeys(media)).length > 0) {
    throw new CliError(`${media} already holds objects: restore into an empty instance.`);
  }

  log(`database: restoring ${manifest.database.file} (${manifest.database.dialect})`);
  if (config.database.dialect === 'sqlite') {
    await restoreSqlite(dump, config.database.file);
  } else {
    const { url } = config.database;
    await withDatabase(config, (db) => restorePostgres(db, url, dump, options.pg));
  }
  if (media) {
    const count = await restoreLocalMedia(path.join(source, BACKUP_FILES.media), media);
    log(`objects: ${count} copied into ${media}`);
  } else if (manifest.storage.driver === 's3') {
    log(`objects: restore bucket ${manifest.storage.bucket ?? ''} with the store's own tools`);
  }
  if (manifest.authSecret && !config.authSecret) {
    await fs.mkdir(config.dataDir, { recursive: true });
    await fs
      .copyFile(
        path.join(source, BACKUP_FILES.authSecret),
        path.join(config.dataDir, AUTH_SECRET_FILE),
        fs.constants.COPYFILE_EXCL,
      )
      .then(
        () => log('session secret restored: signed-in users stay signed in'),
        () => log(`kept the ${AUTH_SECRET_FILE} already in ${config.dataDir}`),
      );
  }
  return verifyInstance(config, source);
}

/** Compares the instance the configuration names with a backup: row counts and objects. */
export async function verifyInstance(config: Config, dir: string): Promise<VerifyReport> {
  const source = path.resolve(dir);
  const manifest = await readManifest(source);
  const counts = await withDatabase(config, countRows);
  const tables = compareCounts(manifest.database.tables, counts);
  const expected = await readInventory(path.join(source, BACKUP_FILES.objects));
  const objects = await compareInventory(expected, listObjects(config.storage));
  const ok =
    tables.length === 0 && objects.missing.length === 0 && objects.sizeDiffers.length === 0;
  return { manifest, tables, objects, ok };
}

async function withDatabase<T>(config: Config, use: (db: Db) => Promise<T>): Promise<T> {
  if (config.database.dialect === 'sqlite') {
    const file = config.database.file;
    if (!(await fs.stat(file).catch(() => undefined))) {
      throw new CliError(`There is no database at ${file}: check DATA_DIR and DATABASE_URL.`);
    }
    return withSqlite(file, use);
  }
  const db = createDatabase(config.database);
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}
