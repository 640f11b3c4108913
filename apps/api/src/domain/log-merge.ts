import { LOG_FIELD_NAMES, type LogFieldName, type LogFields, type LogLink } from './log';

/** A field both people changed, each differently since the version they started from. */
export interface LogConflict {
  field: LogFieldName;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  /** Every change from both sides; a conflicting field holds the saved ("theirs") value. */
  merged: LogFields;
  conflicts: LogConflict[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge of one log: `base` is the version the editor started from, `theirs` the
 * version saved since, `mine` the editor's. A field changed on one side only takes that
 * side; changed on both to the same value is no conflict; otherwise it is a conflict for a
 * person to settle. Links merge one by one (by id), so two people adding links never clash.
 */
export function mergeLog(base: LogFields, mine: LogFields, theirs: LogFields): MergeResult {
  const merged = { ...theirs };
  const conflicts: LogConflict[] = [];
  for (const field of LOG_FIELD_NAMES) {
    if (field === 'links') continue;
    const pick = pickSide(base[field], mine[field], theirs[field]);
    if (pick === 'conflict')
      conflicts.push({ field, base: base[field], mine: mine[field], theirs: theirs[field] });
    else if (pick === 'mine') Object.assign(merged, { [field]: mine[field] });
  }
  const links = mergeLinks(base.links, mine.links, theirs.links);
  merged.links = links.merged;
  if (links.hasConflict)
    conflicts.push({ field: 'links', base: base.links, mine: mine.links, theirs: theirs.links });
  return { merged, conflicts };
}

function pickSide(base: unknown, mine: unknown, theirs: unknown): 'mine' | 'theirs' | 'conflict' {
  if (same(mine, base) || same(mine, theirs)) return 'theirs';
  if (same(theirs, base)) return 'mine';
  return 'conflict';
}

function mergeLinks(base: LogLink[], mine: LogLink[], theirs: LogLink[]) {
  const byId = (list: LogLink[]) => new Map(list.map((l) => [l.id, l]));
  const [b, m, t] = [byId(base), byId(mine), byId(theirs)];
  // Mine's order first, then what only theirs has: each person's additions stay together.
  const ids = [...new Set([...mine.map((l) => l.id), ...theirs.map((l) => l.id)])];
  let hasConflict = false;
  const merged: LogLink[] = [];
  for (const id of ids) {
    const pick = pickSide(b.get(id), m.get(id), t.get(id));
    if (pick === 'conflict') hasConflict = true;
    const chosen = pick === 'mine' ? m.get(id) : t.get(id);
    if (chosen) merged.push(chosen);
  }
  return { merged, hasConflict };
}
