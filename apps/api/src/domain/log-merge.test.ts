import { describe, expect, it } from 'vitest';
import { EMPTY_LOG, type LogFields, type LogLink } from './log';
import { mergeLog } from './log-merge';

const log = (patch: Partial<LogFields>): LogFields => ({ ...EMPTY_LOG, ...patch });
const link = (id: string, label = ''): LogLink => ({
  id,
  field: 'summary',
  label,
  kind: 'moment',
  atMs: 1000,
});

describe('mergeLog', () => {
  it('takes each side where only that side changed', () => {
    const base = log({ summary: 'a' });
    const { merged, conflicts } = mergeLog(
      base,
      log({ summary: 'a', highlights: 'mine' }),
      log({ summary: 'theirs' }),
    );
    expect(conflicts).toEqual([]);
    expect(merged).toMatchObject({ summary: 'theirs', highlights: 'mine' });
  });

  it('is no conflict when both made the same change', () => {
    const same = log({ focusCodeIds: ['SMQR'] });
    expect(mergeLog(EMPTY_LOG, same, same).conflicts).toEqual([]);
  });

  it('reports a field both changed differently, keeping theirs in the merge', () => {
    const { merged, conflicts } = mergeLog(
      EMPTY_LOG,
      log({ teacherNextStep: 'mine', nextVideoDueOn: '2026-12-01' }),
      log({ teacherNextStep: 'theirs' }),
    );
    expect(conflicts).toEqual([
      { field: 'teacherNextStep', base: '', mine: 'mine', theirs: 'theirs' },
    ]);
    expect(merged).toMatchObject({ teacherNextStep: 'theirs', nextVideoDueOn: '2026-12-01' });
  });

  it('merges links one by one: additions from both, removals from either', () => {
    const base = log({ links: [link('keep'), link('drop-mine'), link('drop-theirs')] });
    const mine = log({ links: [link('keep'), link('drop-theirs'), link('new-mine')] });
    const theirs = log({ links: [link('keep'), link('drop-mine'), link('new-theirs')] });
    const { merged, conflicts } = mergeLog(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.links.map((l) => l.id)).toEqual(['keep', 'new-mine', 'new-theirs']);
  });

  it('reports links when one edited a link the other removed', () => {
    const base = log({ links: [link('x')] });
    const { conflicts } = mergeLog(
      base,
      log({ links: [link('x', 'renamed')] }),
      log({ links: [] }),
    );
    expect(conflicts.map((c) => c.field)).toEqual(['links']);
  });
});
