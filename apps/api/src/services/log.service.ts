import { findCode, MQI_RUBRIC } from '@elevate/rubric';
import type { Viewer } from '../domain/account';
import type { CycleView } from '../domain/cycle';
import {
  EMPTY_LOG,
  type LogFields,
  type LogVersion,
  type LogVersionSummary,
  type LogView,
} from '../domain/log';
import { type LogConflict, mergeLog } from '../domain/log-merge';
import { AppError, type ProblemField } from '../errors';
import type { GoalRepository } from '../repositories/goal.repository';
import type { LogRepository, StoredLog } from '../repositories/log.repository';
import type { ReviewRepository } from '../repositories/review.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AccessService } from './access.service';
import type { AuditService } from './audit.service';
import type { CycleService } from './cycle.service';
import { type Action, denied } from './policy';

/** The outcome of a save: written (perhaps merged with another's), or a conflict to settle. */
export type SaveResult =
  | { kind: 'saved'; log: LogView; mergedFields: string[] }
  | { kind: 'conflict'; current: LogView; conflicts: LogConflict[]; merged: LogFields };

/** How often a save retries when others keep saving between its read and its write. */
const SAVE_ATTEMPTS = 5;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** ISO date of an instant in a time zone (what a person there calls that day). */
export function dateIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/**
 * The collaborative log of a cycle: teacher and coach both write it; a save names the
 * version it started from, and is merged field by field with what was saved since, or
 * refused as a conflict so that nobody's words are overwritten unseen.
 */
export class LogService {
  constructor(
    private readonly deps: {
      logs: LogRepository;
      goals: GoalRepository;
      review: ReviewRepository;
      users: UserRepository;
      cycles: CycleService;
      access: AccessService;
      audit: AuditService;
    },
  ) {}

  /** The cycle, if the viewer may do `action` to its log (shared with teacher and coach). */
  async loadCycle(viewer: Viewer, cycleId: string, action: Action): Promise<CycleView> {
    const cycle = await this.deps.cycles.get(viewer, cycleId);
    await this.deps.access.assert(
      viewer,
      action,
      { kind: 'shared-item', programId: cycle.programId, teacherId: cycle.teacherId },
      'Log',
    );
    return cycle;
  }

  /** What a new log starts with: the cycle's number, lesson date, focus codes and goals. */
  defaults(cycle: CycleView, viewer: Viewer): LogFields {
    const when = cycle.heldAt ?? cycle.meetingAt;
    return {
      ...EMPTY_LOG,
      conversationDate: when ? dateIn(when, viewer.timeZone) : null,
      lessonDate: cycle.lesson?.taughtOn ?? null,
      focusCodeIds: cycle.focusCodeIds,
      goalIds: cycle.goalIds,
    };
  }

  async get(viewer: Viewer, cycleId: string): Promise<LogView> {
    const cycle = await this.loadCycle(viewer, cycleId, 'read');
    return this.view(cycle, viewer, await this.deps.logs.find(cycle.id));
  }

  async save(
    viewer: Viewer,
    cycleId: string,
    input: { baseVersion: number; fields: LogFields },
  ): Promise<SaveResult> {
    const cycle = await this.loadCycle(viewer, cycleId, 'write');
    const mine = await this.checkFields(cycle, input.fields);
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      const stored = await this.deps.logs.find(cycle.id);
      if (stored?.completedAt) throw completed();
      const current = stored?.version ?? 0;
      if (input.baseVersion > current)
        throw AppError.validation([{ path: '$.baseVersion', reason: 'newer than the saved log' }]);
      let toSave = mine;
      let mergedFields: string[] = [];
      if (stored && input.baseVersion !== current) {
        const base =
          input.baseVersion === 0
            ? this.defaults(cycle, viewer)
            : (await this.deps.logs.version(cycle.id, input.baseVersion))?.fields;
        if (!base)
          throw AppError.validation([{ path: '$.baseVersion', reason: 'no such version' }]);
        const { merged, conflicts } = mergeLog(base, mine, stored.fields);
        if (conflicts.length) {
          return {
            kind: 'conflict',
            current: await this.view(cycle, viewer, stored),
            conflicts,
            merged,
          };
        }
        toSave = merged;
        mergedFields = Object.keys(merged).filter(
          (f) => !same(merged[f as keyof LogFields], mine[f as keyof LogFields]),
        );
      }
      // Saving what is already there adds no version.
      if (stored && same(toSave, stored.fields))
        return { kind: 'saved', log: await this.view(cycle, viewer, stored), mergedFields };
      if (await this.deps.logs.save(cycle.id, current, toSave, viewer.userId)) {
        await this.audit(viewer, cycle, 'log.saved', { version: current + 1 });
        // Answer with the version this save wrote, not a re-read: another save may already
        // have landed on top of it.
        const saved: StoredLog = {
          cycleId: cycle.id,
          version: current + 1,
          fields: toSave,
          completedAt: null,
          updatedBy: viewer.userId,
          updatedAt: new Date().toISOString(),
        };
        return { kind: 'saved', log: await this.view(cycle, viewer, saved), mergedFields };
      }
      // Someone saved between our read and our write: merge against theirs and try again.
    }
    throw new AppError(
      'log_busy',
      503,
      'The log is being saved by others',
      'Several saves arrived at once. Try again in a moment.',
    );
  }

  async versions(viewer: Viewer, cycleId: string): Promise<LogVersionSummary[]> {
    const cycle = await this.loadCycle(viewer, cycleId, 'read');
    return this.deps.logs.versions(cycle.id);
  }

  async version(viewer: Viewer, cycleId: string, version: number): Promise<LogVersion> {
    const cycle = await this.loadCycle(viewer, cycleId, 'read');
    const found = await this.deps.logs.version(cycle.id, version);
    if (!found) throw denied('Log version');
    return found;
  }

  /** Marks the log complete, which completes the cycle; a log never saved is saved first. */
  async complete(viewer: Viewer, cycleId: string): Promise<LogView> {
    const cycle = await this.loadCycle(viewer, cycleId, 'write');
    let stored = await this.deps.logs.find(cycle.id);
    if (stored?.completedAt) return this.view(cycle, viewer, stored);
    if (!stored) {
      await this.deps.logs.save(cycle.id, 0, this.defaults(cycle, viewer), viewer.userId);
      stored = await this.deps.logs.find(cycle.id);
    }
    await this.deps.logs.setCompleted(cycle.id, new Date().toISOString());
    await this.audit(viewer, cycle, 'log.completed', {});
    return this.view(cycle, viewer, await this.deps.logs.find(cycle.id));
  }

  async reopen(viewer: Viewer, cycleId: string): Promise<LogView> {
    const cycle = await this.loadCycle(viewer, cycleId, 'write');
    const stored = await this.deps.logs.find(cycle.id);
    if (stored?.completedAt) {
      await this.deps.logs.setCompleted(cycle.id, null);
      await this.audit(viewer, cycle, 'log.reopened', {});
    }
    return this.view(cycle, viewer, await this.deps.logs.find(cycle.id));
  }

  /** The log and the cycle it belongs to, for the exports. */
  async forExport(viewer: Viewer, cycleId: string) {
    const cycle = await this.loadCycle(viewer, cycleId, 'read');
    const log = await this.view(cycle, viewer, await this.deps.logs.find(cycle.id));
    const goals = await this.deps.goals.listForTeacher(cycle.programId, cycle.teacherId);
    return { cycle, log, goals };
  }

  private async view(
    cycle: CycleView,
    viewer: Viewer,
    stored: StoredLog | undefined,
  ): Promise<LogView> {
    const author = stored ? await this.deps.users.findById(stored.updatedBy) : undefined;
    return {
      cycleId: cycle.id,
      number: cycle.number,
      lessonId: cycle.lessonId,
      version: stored?.version ?? 0,
      fields: stored?.fields ?? this.defaults(cycle, viewer),
      completedAt: stored?.completedAt ?? null,
      updatedAt: stored?.updatedAt ?? null,
      updatedBy: author ? { id: author.id, name: author.name } : null,
    };
  }

  /**
   * Checks what only the database knows (codes, goals of this teacher, annotations of this
   * lesson), and fills each annotation link's start from the annotation itself. A link saved
   * before whose annotation has since been deleted or made private becomes a link to its
   * moment, so the log stays saveable and the link still opens the video there.
   */
  private async checkFields(cycle: CycleView, fields: LogFields): Promise<LogFields> {
    const saved = new Map(
      ((await this.deps.logs.find(cycle.id))?.fields.links ?? []).map((l) => [l.id, l]),
    );
    const problems: ProblemField[] = [];
    for (const id of fields.focusCodeIds)
      if (!findCode(MQI_RUBRIC, id))
        problems.push({ path: '$.fields.focusCodeIds', reason: `unknown rubric code ${id}` });
    const goals = await this.deps.goals.idsOfTeacher(cycle.teacherId, fields.goalIds);
    for (const id of fields.goalIds)
      if (!goals.has(id))
        problems.push({
          path: '$.fields.goalIds',
          reason: `not one of the teacher's goals: ${id}`,
        });
    const links = [];
    for (const [i, link] of fields.links.entries()) {
      const path = `$.fields.links[${i}]`;
      if (!cycle.lessonId) {
        problems.push({ path, reason: 'the cycle has no lesson to link to yet' });
        continue;
      }
      if (link.kind !== 'annotation') {
        links.push(link);
        continue;
      }
      const row = await this.deps.review.findAnnotation(link.annotationId);
      // Only shared annotations: the log is read by both, a private note is the coach's.
      if (!row || row.lesson_id !== cycle.lessonId || row.visibility !== 'public') {
        const before = saved.get(link.id);
        if (before?.kind === 'annotation' && before.annotationId === link.annotationId) {
          const { id, field, label } = link;
          links.push({ id, field, label, kind: 'moment' as const, atMs: before.atMs });
        } else problems.push({ path, reason: "not a shared annotation of the cycle's lesson" });
        continue;
      }
      links.push({ ...link, atMs: Number(row.start_ms) });
    }
    if (new Set(fields.links.map((l) => l.id)).size !== fields.links.length)
      problems.push({ path: '$.fields.links', reason: 'link ids must be unique' });
    if (problems.length) throw AppError.validation(problems);
    return { ...fields, links };
  }

  private audit(viewer: Viewer, cycle: CycleView, action: string, detail: Record<string, unknown>) {
    return this.deps.audit.record({
      programId: cycle.programId,
      actorId: viewer.userId,
      action,
      subjectType: 'cycle',
      subjectId: cycle.id,
      ...(cycle.lessonId ? { lessonId: cycle.lessonId } : {}),
      detail,
    });
  }
}

function completed(): AppError {
  return new AppError(
    'log_completed',
    409,
    'The log is complete',
    'Reopen the log before changing it.',
  );
}
