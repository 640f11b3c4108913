import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/tables/index';
import { CliError } from './manifest';
import { listTables } from './tables';

/**
 * Pages per step of the online backup: all of them. A backup made in several steps starts
 * over whenever another connection (the running server) writes between two steps; one step
 * reads one consistent snapshot, and in WAL mode it does not hold up the server's writes.
 */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a live SQLite database with SQLite's online backup API (safe while the server
 * runs), then makes the copy a self-contained file (no WAL) and checks its integrity.
 */
export async function backupSqlite(source: string, target: string): Promise<void> {
  if (!existsSync(source)) {
    throw new CliError(`There is no database at ${source}: check DATA_DIR and DATABASE_URL.`);
  }
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  const copy = new SQLite(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new CliError(`The copy failed SQLite's integrity check: ${check}`);
  } finally {
    copy.close();
  }
}

/** Opens an SQLite file through Kysely for `use`, and closes it after. */
export async function withSqlite<T>(
  file: string,
  use: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(file, { fileMustExist: true }) }),
  });
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}

/**
 * Puts a backed-up database file in place at `target`, which must not exist yet or hold no
 * table. Leftover WAL files of an earlier database there are removed: SQLite would replay
 * them into the restored file.
 */
export async function restoreSqlite(backupFile: string, target: string): Promise<void> {
  if (existsSync(target)) {
    const tables = await withSqlite(target, listTables);
    if (tables.length > 0) {
      throw new CliError(
        `${target} already holds ${tables.length} tables: restore into an empty instance (move that file away first).`,
      );
    }
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.restoring`;
  await fs.copyFile(backupFile, temporary);
  for (const suffix of ['-wal', '-shm', '-journal']) {
    await fs.rm(`${target}${suffix}`, { force: true });
  }
  await fs.rename(temporary, target);
}
