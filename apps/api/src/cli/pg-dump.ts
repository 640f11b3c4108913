import { spawn } from 'node:child_process';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { CliError } from './manifest';
import { countRows, latestMigration, listTables } from './tables';

/** Where PostgreSQL's client programs are; PATH when unset. */
export interface PgTools {
  readonly binDir?: string;
}

/**
 * The URL without its password, and an environment holding it as PGPASSWORD: on the
 * command line it would show in the process list for the length of the dump.
 */
export function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    url: parsed.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : process.env,
  };
}

function runTool(tools: PgTools, name: string, args: string[], env: NodeJS.ProcessEnv) {
  const command = tools.binDir ? path.join(tools.binDir, name) : name;
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + String(chunk)).slice(-4000);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new CliError(
              `${command} not found: install PostgreSQL's client programs (the server's major version or newer), or pass --pg-bin DIR.`,
            )
          : error,
      );
    });
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new CliError(`${name} failed (${code ?? signal}):\n${stderr.trim()}`));
    });
  });
}

/**
 * Dumps the database with `pg_dump --format=custom` and counts every table's rows in the
 * very snapshot the dump reads (exported from a repeatable-read transaction held open
 * meanwhile), so the counts in the manifest describe the dump exactly, however busy the
 * database is.
 */
export async function dumpPostgres<DB>(
  db: Kysely<DB>,
  url: string,
  file: string,
  tools: PgTools = {},
): Promise<{ tables: Record<string, number>; migration: string | null }> {
  const target = splitPassword(url);
  return db.connection().execute(async (conn) => {
    await sql`begin transaction isolation level repeatable read read only`.execute(conn);
    try {
      const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(conn);
      const snapshot = rows[0]?.id;
      if (!snapshot) throw new Error('PostgreSQL exported no snapshot');
      await runTool(
        tools,
        'pg_dump',
        [
          '--format=custom',
          '--no-password',
          `--snapshot=${snapshot}`,
          `--file=${file}`,
          `--dbname=${target.url}`,
        ],
        target.env,
      );
      return { tables: await countRows(conn), migration: await latestMigration(conn) };
    } finally {
      await sql`rollback`.execute(conn);
    }
  });
}

/**
 * Loads a custom-format dump into an empty database with `pg_restore`, in one transaction
 * (all or nothing). Objects are owned by the user restoring and the dump's grants are left
 * out: the new server's roles need not match the old one's.
 */
export async function restorePostgres<DB>(
  db: Kysely<DB>,
  url: string,
  file: string,
  tools: PgTools = {},
): Promise<void> {
  const tables = await listTables(db);
  if (tables.length > 0) {
    throw new CliError(
      `The database already holds ${tables.length} tables: restore into an empty database (createdb a new one).`,
    );
  }
  const target = splitPassword(url);
  await runTool(
    tools,
    'pg_restore',
    [
      '--no-password',
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${target.url}`,
      file,
    ],
    target.env,
  );
}
