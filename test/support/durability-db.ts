import { execFile } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './build';
import type { RunningPostgres } from './postgres';

/**
 * The database a durability test runs the API on, read from outside the API: its own
 * integrity checks, and plain queries to find rows that were acknowledged.
 */
export interface InspectedDatabase {
  /** `SQLite` or `PostgreSQL`. */
  label: string;
  /** What the API needs in its environment to use this database. */
  env: Record<string, string>;
  /** What the database's own checks find wrong; empty when it is sound. */
  integrity(): Promise<string[]>;
  /** The rows of one query, as JSON. */
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
}

/** Opens the file with better-sqlite3 (resolved from apps/api) and runs each statement. */
const SQLITE_SCRIPT = `
const Database = require('better-sqlite3');
const [file, statements] = process.argv.slice(1);
const db = new Database(file, { fileMustExist: true });
try {
  const out = JSON.parse(statements).map((sql) => db.prepare(sql).all());
  process.stdout.write(JSON.stringify(out));
} finally {
  db.close();
}
`;

/**
 * The SQLite file the API keeps in `dataDir`. Read by a separate Node process with the
 * API's own better-sqlite3, only while no API process runs on it: opening it replays the
 * WAL the killed process left, exactly as the next API start would.
 */
export function sqliteDatabase(dataDir: string): InspectedDatabase {
  const file = path.join(dataDir, 'elevate.sqlite');
  const runAll = async (statements: string[]) =>
    JSON.parse(
      await runIn(path.join(repoRoot, 'apps/api'), process.execPath, [
        '-e',
        SQLITE_SCRIPT,
        file,
        JSON.stringify(statements),
      ]),
    ) as unknown[][];
  return {
    label: 'SQLite',
    env: {},
    async integrity() {
      const [check, foreignKeys] = await runAll([
        'PRAGMA integrity_check',
        'PRAGMA foreign_key_check',
      ]);
      const problems: string[] = [];
      const messages = (check ?? []).map((r) => Object.values(r as object)[0]);
      if (messages.length !== 1 || messages[0] !== 'ok')
        problems.push(...messages.map((m) => `integrity_check: ${String(m)}`));
      for (const row of foreignKeys ?? [])
        problems.push(`foreign_key_check: ${JSON.stringify(row)}`);
      return problems;
    },
    async rows<T>(sql: string) {
      const [rows] = await runAll([sql]);
      return (rows ?? []) as T[];
    },
  };
}

/**
 * A database of its own on a throwaway PostgreSQL server (test/support/postgres.ts),
 * read with psql. Its integrity check is amcheck's: every B-tree index of the schema
 * (primary keys and unique indexes included) agrees with itself and its table.
 */
export async function postgresDatabase(
  pg: RunningPostgres,
  name: string,
): Promise<InspectedDatabase> {
  const url = await pg.createDatabase(name);
  await pg.query(name, 'create extension if not exists amcheck');
  const rows = async <T>(sql: string) =>
    JSON.parse(
      (await pg.query(name, `select coalesce(json_agg(t), '[]'::json) from (${sql}) t`)).trim(),
    ) as T[];
  return {
    label: 'PostgreSQL',
    env: { DATABASE_URL: url },
    async integrity() {
      // One statement checks every B-tree index of the schema (heapallindexed: every row
      // of the table is found in the index); the first inconsistency aborts it with a message.
      const sql = `select count(bt_index_check(c.oid, true)) as checked from pg_index i
          join pg_class c on c.oid = i.indexrelid
          join pg_am am on am.oid = c.relam
        where am.amname = 'btree' and c.relnamespace = 'public'::regnamespace`;
      try {
        const [result] = await rows<{ checked: number }>(sql);
        return result && result.checked > 0 ? [] : ['amcheck: no index to check'];
      } catch (error) {
        return [`amcheck: ${(error as Error).message}`];
      }
    },
    rows,
  };
}

/** Runs a command in `cwd` (where `require` resolves the API's own packages). */
function runIn(cwd: string, command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) =>
        error
          ? reject(new Error(`${command} in ${cwd} failed: ${error.message}\n${err}`))
          : resolve(out),
    );
  });
}
