import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from './statement-cache';

function open(capacity?: number) {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table t (id integer primary key, name text)');
  sqlite.exec("insert into t (name) values ('a'), ('b'), ('c')");
  return { sqlite, cached: cachingStatements(sqlite, capacity) };
}

describe('cachingStatements', () => {
  it('prepares a query once and hands the same statement back', () => {
    const { cached } = open();
    const first = cached.prepare('select name from t where id = ?');
    expect(cached.prepare('select name from t where id = ?')).toBe(first);
    expect(first.all([2])).toEqual([{ name: 'b' }]);
    expect(cached.prepare('select name from t where id = ?').all([3])).toEqual([{ name: 'c' }]);
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    const { cached } = open();
    const names: string[] = [];
    for (const row of cached.prepare('select id, name from t order by id').iterate([])) {
      const inner = cached.prepare('select id, name from t order by id').all([]);
      names.push(`${(row as { name: string }).name}${inner.length}`);
    }
    expect(names).toEqual(['a3', 'b3', 'c3']);
  });

  it('drops the least recently used statement beyond its capacity', () => {
    const { cached } = open(2);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(a); // a is now the most recent
    cached.prepare('select 3'); // b goes
    expect(cached.prepare('select 1')).toBe(a);
    expect(cached.prepare('select 2')).not.toBe(b);
  });

  it('sees a schema change made after a statement was cached', async () => {
    const { cached } = open();
    const db = new Kysely<{ t: { id: number; name: string; grade?: number } }>({
      dialect: new SqliteDialect({ database: cached }),
    });
    expect(await db.selectFrom('t').selectAll().where('id', '=', 1).execute()).toEqual([
      { id: 1, name: 'a' },
    ]);
    await sql`alter table t add column grade integer default 7`.execute(db);
    expect(await db.selectFrom('t').selectAll().where('id', '=', 1).execute()).toEqual([
      { id: 1, name: 'a', grade: 7 },
    ]);
    // A streamed query, then the same text again once the stream is done.
    const seen: number[] = [];
    for await (const row of db.selectFrom('t').select('id').orderBy('id').stream())
      seen.push(row.id);
    expect(seen).toEqual([1, 2, 3]);
    expect(await db.selectFrom('t').select('id').orderBy('id').execute()).toHaveLength(3);
    await db.destroy();
  });
});
