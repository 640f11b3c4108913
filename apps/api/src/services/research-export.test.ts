import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorld, type World } from '../testing/world';
import { addCycle, addTeacher } from './dashboard.test-support';
import { RESEARCH_COLUMNS } from './research-export.service';

let world: World;
afterEach(() => world?.api.close());
vi.setConfig({ testTimeout: 60_000 });

type Row = Record<(typeof RESEARCH_COLUMNS)[number], string>;

async function exportRows(w: World): Promise<{ text: string; rows: Row[]; res: Response }> {
  const { res, body: text } = await w
    .as('admin')
    .call<string>('GET', '/api/research-export.csv', 200);
  return { text, res, rows: parse(text, { columns: true, skip_empty_lines: true }) as Row[] };
}

/** Scores of the world's cycle against master scores, one of them on the inverted scale. */
async function scoreWorldCycle(w: World) {
  const { db } = w.api.ctx;
  const now = new Date().toISOString();
  await db
    .insertInto('master_score')
    .values([
      { stock_clip_id: w.stockClipId, code_id: 'STEXPL', level: 'mid', rationale: 'Tina said so' },
      { stock_clip_id: w.stockClipId, code_id: 'SMQR', level: 'low', rationale: 'x' },
      { stock_clip_id: w.stockClipId, code_id: 'LANGIMP', level: 'mid', rationale: 'x' },
    ])
    .execute();
  await w.as('coach').call('PATCH', `/api/cycles/${w.cycleId}`, 200, {
    json: { stockCodeIds: ['STEXPL', 'SMQR', 'LANGIMP'] },
  });
  await db
    .insertInto('stock_score')
    .values(
      [
        ['STEXPL', 'mid', 'Tina Teacher wrote this, mailing teacher@north.test'],
        ['SMQR', 'high', '=HYPERLINK("http://evil")'],
        ['LANGIMP', 'high', 'Many slips'],
      ].map(([code, level, reason]) => ({
        cycle_id: w.cycleId,
        code_id: code as string,
        level: level as string,
        reason: reason as string,
        submitted_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

describe('research export', () => {
  it('is a CSV of cycles, codes, scores and agreement with no names, emails or free text', async () => {
    world = await createWorld();
    await scoreWorldCycle(world);
    const extra = await addTeacher(world, 'Xavier Quill');
    await addCycle(world, extra.id, { stage: 'log_complete' });
    await addCycle(world, extra.id, { stage: 'awaiting_video' });
    const { text, rows, res } = await exportRows(world);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="elevate-research-/,
    );
    expect(Object.keys(rows[0] as Row)).toEqual([...RESEARCH_COLUMNS]);

    // Nobody's name or email, not even in part; no titles, reasons or rationales.
    const users = await world.api.ctx.db
      .selectFrom('auth_user')
      .select(['id', 'name', 'email'])
      .execute();
    const forbidden = [
      ...users.flatMap((u) => [u.id, u.email, u.name, ...u.name.split(' ')]),
      world.cycleId,
      world.stockClipId,
      world.readyLessonId,
      'Comparing fractions',
      'Ms. Rivera',
      'Tina said so',
      'HYPERLINK',
      'Many slips',
      '@',
    ];
    for (const word of forbidden) expect(text, word).not.toContain(word);

    // The world's cycle: one row per scored code, agreement honouring the scale's direction.
    const tinas = rows.filter((r) => r.code_id !== '');
    expect(
      tinas.map((r) => [r.code_id, r.teacher_level, r.master_level, r.agreement, r.quality_delta]),
    ).toEqual([
      ['LANGIMP', 'high', 'mid', 'adjacent', '-1'],
      ['SMQR', 'high', 'low', 'off', '2'],
      ['STEXPL', 'mid', 'mid', 'exact', '0'],
    ]);
    expect(tinas[0]).toMatchObject({
      code_domain: 'ERR',
      scale_direction: 'higher-is-worse',
      teacher_score: '4',
      master_score: '3',
      stage: 'coach_preparing',
      cycle_number: '1',
      focus_codes: 'STEXPL',
    });
    // Pseudonyms are stable within the export: Tina's rows share one, Xavier's another.
    expect(new Set(tinas.map((r) => r.teacher_pid)).size).toBe(1);
    const xavier = rows.filter((r) => r.teacher_pid !== tinas[0]?.teacher_pid && r.stage !== '');
    expect(new Set(rows.map((r) => r.teacher_pid)).size).toBe(2);
    expect(xavier.map((r) => [r.cycle_number, r.stage]).sort()).toEqual([
      ['1', 'log_complete'],
      ['2', 'awaiting_video'],
    ]);
    expect(tinas[0]?.teacher_pid).toMatch(/^t-[0-9a-f]{16}$/);
    expect(tinas[0]?.cycle_month).toMatch(/^\d{4}-\d{2}$/);

    // ...but not across exports: two files cannot be joined on them.
    const again = await exportRows(world);
    const pids = new Set(rows.flatMap((r) => [r.teacher_pid, r.coach_pid, r.cycle_pid]));
    expect(again.rows.some((r) => pids.has(r.teacher_pid) || pids.has(r.cycle_pid))).toBe(false);

    // The export is recorded in the audit trail.
    const { body: audit } = await world
      .as('admin')
      .call<{ items: Array<{ action: string }> }>('GET', '/api/audit', 200);
    expect(audit.items.some((e) => e.action === 'program.research-exported')).toBe(true);
  });

  it('is refused to coaches and teachers, and holds only the admin’s own program', async () => {
    world = await createWorld();
    await world.as('coach').call('GET', '/api/research-export.csv', 403);
    await world.as('teacherOwner').call('GET', '/api/research-export.csv', 403);
    const { body } = await world
      .as('foreignAdmin')
      .call<string>('GET', '/api/research-export.csv', 200);
    const rows = parse(body, { columns: true }) as Row[];
    expect(rows).toEqual([]);
  });
});
