import { type Kysely, sql } from 'kysely';

// Backups work on whole tables, whatever the schema holds today or gains tomorrow, so this
// module asks the database for its tables instead of naming them: the one place outside
// repositories/ that reads rows, and only to count or compare them.

/**
 * Every base table, Kysely's migration tables included. Tables of PostgreSQL's default
 * schema go by their bare name (as on SQLite); tables of other schemas as `schema.table`.
 */
export async function listTables<DB>(db: Kysely<DB>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  return tables
    .filter((table) => !table.isView)
    .map((table) =>
      table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name,
    )
    .sort();
}

/** The number of rows in every table. */
export async function countRows<DB>(db: Kysely<DB>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db)) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
      table,
    )}`.execute(db);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** Every row of `table`, in no particular order. */
export async function readRows<DB>(
  db: Kysely<DB>,
  table: string,
): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
    db,
  );
  return rows;
}

/** The newest migration applied, or null when Kysely's migration table is not there. */
export async function latestMigration<DB>(db: Kysely<DB>): Promise<string | null> {
  const tables = await listTables(db);
  const table = tables.find((name) => name === 'kysely_migration');
  if (!table) return null;
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(
    table,
  )} order by name desc limit 1`.execute(db);
  return rows[0]?.name ?? null;
}

/** Tables whose counts differ between `expected` and `actual`; tables only in `actual` aside. */
export function compareCounts(
  expected: Record<string, number>,
  actual: Record<string, number>,
): Array<{ table: string; expected: number; actual: number | undefined }> {
  return Object.entries(expected)
    .filter(([table, rows]) => actual[table] !== rows)
    .map(([table, rows]) => ({ table, expected: rows, actual: actual[table] }));
}
