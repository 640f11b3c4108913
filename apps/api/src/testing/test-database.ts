import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by test/support/postgres.ts, the global setup of the PostgreSQL projects. */
    postgresAdminUrl: string;
  }
}

/**
 * A data folder names its PostgreSQL database in this file, so that reopening the folder
 * (an API restart in a test) reopens the same database, as it reopens the SQLite file.
 */
const MARKER = 'postgres-database';

/** SQLSTATE 55006: the database is being accessed by other users. */
const OBJECT_IN_USE = '55006';

/** Whether this test project runs the API on PostgreSQL (set in the project's config). */
export function isPostgresRun(): boolean {
  return process.env.ELEVATE_TEST_DATABASE === 'postgres';
}

function urlFor(database: string): string {
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

async function asAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function readMarker(dataDir: string): Promise<string | undefined> {
  const name = await fs.readFile(path.join(dataDir, MARKER), 'utf8').catch(() => undefined);
  return name?.trim() || undefined;
}

/** Random, so that test files running at once on one server never collide. */
function newName(): string {
  return `elevate_test_${randomBytes(8).toString('hex')}`;
}

/**
 * The database settings for a test API on `dataDir`: nothing on SQLite (the file lives in
 * the folder); on PostgreSQL the database the folder names, created empty when it names none.
 */
export async function testDatabaseEnv(dataDir: string): Promise<Record<string, string>> {
  if (!isPostgresRun()) return {};
  let name = await readMarker(dataDir);
  if (!name) {
    name = newName();
    await asAdmin(`create database "${name}"`);
    await fs.writeFile(path.join(dataDir, MARKER), name);
  }
  return { DATABASE_URL: urlFor(name) };
}

/**
 * Gives a folder copied from another its own copy of that folder's database (the SQLite
 * file came along with the copy; a PostgreSQL database must be cloned). The source must
 * have no open connections: PostgreSQL copies a template only when nobody uses it.
 */
export async function cloneTestDatabase(dataDir: string): Promise<void> {
  const template = await readMarker(dataDir);
  if (!isPostgresRun() || !template) return;
  const name = newName();
  // FILE_COPY (PostgreSQL 15+) copies the files whole: on the test server (minimal WAL,
  // memory-backed folder) it is several times faster than the default WAL_LOG.
  await asAdmin(`create database "${name}" template "${template}" strategy file_copy`);
  await fs.writeFile(path.join(dataDir, MARKER), name);
}

/**
 * Drops the folder's database. PostgreSQL waits up to 5 s for the sessions a closed pool
 * just ended to go; FORCE (which would cut live ones off, and so make their clients throw)
 * only for a test that left a connection open.
 */
export async function dropTestDatabase(dataDir: string): Promise<void> {
  const name = await readMarker(dataDir);
  if (!isPostgresRun() || !name) return;
  await asAdmin(`drop database if exists "${name}"`).catch(async (error: { code?: string }) => {
    if (error.code !== OBJECT_IN_USE) throw error;
    await asAdmin(`drop database if exists "${name}" with (force)`);
  });
}
