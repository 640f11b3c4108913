import type { DurabilityClient } from './durability-client';
import type { InspectedDatabase } from './durability-db';

/** The two entries of the collaborative log the writers take turns on: one each. */
type LogField = 'coachNextSteps' | 'teacherNextStep';

interface LogView {
  version: number;
  fields: Record<string, unknown>;
}

interface AnnotationView {
  id: string;
  body: string;
  visibility: 'public' | 'private';
  replies: Array<{ id: string; body: string }>;
}

/** How many of each kind of write run side by side in a round. */
export interface WriterShape {
  annotations: number;
  replies: number;
}

/**
 * Writes annotations (as the coach), replies (as the teacher) and collaborative-log edits
 * (both, each on their own entry, each save naming the version it started from) as fast as
 * the API answers, until the server goes away. Each id (each log version) is written down
 * only once its 2xx answer has been read: those are the writes the API promised to keep.
 */
export class DurabilityWriter {
  /** Acknowledged annotations: id -> body. */
  readonly annotations = new Map<string, string>();
  /** Acknowledged replies: id -> the annotation and body. */
  readonly replies = new Map<string, { annotationId: string; body: string }>();
  /**
   * Acknowledged log saves: the entry and text each wrote, and the version of the log its
   * answer showed. The answer is the log as read just after the save committed, so when
   * another save lands in between, it is that later version (which carries both texts):
   * two saves may be answered with the same version.
   */
  readonly logSaves: Array<{ version: number; field: LogField; text: string }> = [];
  /** Every text sent, acknowledged or not: no text may be stored twice, or be made up. */
  readonly sent = { annotations: new Set<string>(), replies: new Set<string>() };
  /** Answers that were neither success nor a server error (a 4xx is a finding here too). */
  readonly refused: string[] = [];
  /** Log saves answered 409 (someone else changed the same entry since its base). */
  conflicts = 0;
  /** Public annotations the teacher may reply to. */
  private readonly replyTargets: string[];
  private seq = 0;

  constructor(
    private readonly coach: DurabilityClient,
    private readonly teacher: DurabilityClient,
    private readonly lessonId: string,
    private readonly cycleId: string,
    /** Marks this run's texts, so the database checks know them from the demo's. */
    readonly marker: string,
    seedAnnotationIds: string[],
    private readonly shape: WriterShape = { annotations: 3, replies: 3 },
  ) {
    this.replyTargets = [...seedAnnotationIds];
  }

  get acknowledged(): number {
    return this.annotations.size + this.replies.size + this.logSaves.length;
  }

  /**
   * One round: every writer loops until its request gets no answer (the server was
   * killed) or `done()` says stop. A refused write ends that writer's round too.
   */
  async round(round: number, done: () => boolean): Promise<void> {
    // Each person starts from the log as it is now: a save the kill cut off may have landed.
    let coachLog: LogView;
    let teacherLog: LogView;
    try {
      [coachLog, teacherLog] = await Promise.all([
        this.coach.expect<LogView>('GET', `/api/cycles/${this.cycleId}/log`, 200),
        this.teacher.expect<LogView>('GET', `/api/cycles/${this.cycleId}/log`, 200),
      ]);
    } catch (error) {
      if (done()) return; // killed before the writing began
      throw error;
    }
    const loops = [
      ...Array.from({ length: this.shape.annotations }, () => () => this.annotate(round)),
      ...Array.from({ length: this.shape.replies }, () => () => this.reply(round)),
    ];
    const logLoop = (client: DurabilityClient, field: LogField, start: LogView) => {
      let base = start;
      return async () => {
        const next = await this.editLog(client, field, round, base);
        if (next) base = next;
        return next !== undefined;
      };
    };
    loops.push(logLoop(this.coach, 'coachNextSteps', coachLog));
    loops.push(logLoop(this.teacher, 'teacherNextStep', teacherLog));
    await Promise.all(
      loops.map(async (write) => {
        while (!done()) {
          try {
            if (!(await write())) return;
          } catch {
            return; // no answer: the server is gone (the client noted it if unexpected)
          }
        }
      }),
    );
  }

  private text(round: number, what: string): string {
    return `${this.marker} round ${round} ${what} #${++this.seq}`;
  }

  private async annotate(round: number): Promise<boolean> {
    const body = this.text(round, 'annotation');
    const visibility = this.seq % 4 === 0 ? 'private' : 'public';
    this.sent.annotations.add(body);
    const answer = await this.coach.request('POST', `/api/lessons/${this.lessonId}/annotations`, {
      json: { visibility, startMs: (this.seq * 7919) % 170_000, endMs: null, body, codeIds: [] },
    });
    if (answer.status !== 201) return this.refuse('annotation', answer);
    const created = JSON.parse(answer.text) as AnnotationView;
    if (created.body !== body) return this.refuse('annotation answered another body', answer);
    this.annotations.set(created.id, body);
    if (visibility === 'public') this.replyTargets.push(created.id);
    return true;
  }

  private async reply(round: number): Promise<boolean> {
    const target = this.replyTargets[this.seq % this.replyTargets.length];
    if (!target) throw new Error('no public annotation to reply to');
    const body = this.text(round, 'reply');
    this.sent.replies.add(body);
    const answer = await this.teacher.request('POST', `/api/annotations/${target}/replies`, {
      json: { body },
    });
    if (answer.status !== 201) return this.refuse('reply', answer);
    const mine = (JSON.parse(answer.text) as AnnotationView).replies.find((r) => r.body === body);
    if (!mine) return this.refuse('reply missing from the answer', answer);
    this.replies.set(mine.id, { annotationId: target, body });
    return true;
  }

  /** One save of `field`; resolves with the log to build the next save on. */
  private async editLog(
    client: DurabilityClient,
    field: LogField,
    round: number,
    base: LogView,
  ): Promise<LogView | undefined> {
    const text = this.text(round, field);
    const answer = await client.request('PUT', `/api/cycles/${this.cycleId}/log`, {
      json: { baseVersion: base.version, fields: { ...base.fields, [field]: text } },
    });
    if (answer.status === 409 && answer.text.includes('log_conflict')) {
      this.conflicts++;
      return (JSON.parse(answer.text) as { current: LogView }).current;
    }
    if (answer.status !== 200) {
      this.refuse(`log save of ${field}`, answer);
      return undefined;
    }
    const { log } = JSON.parse(answer.text) as { log: LogView };
    if (log.fields[field] !== text) {
      this.refuse(`log save of ${field} answered another text`, answer);
      return undefined;
    }
    this.logSaves.push({ version: log.version, field, text });
    return log;
  }

  private refuse(what: string, answer: { status: number; text: string }): false {
    // 5xx are the client's watch's to report; anything else unexpected is noted here.
    if (answer.status < 500)
      this.refused.push(`${what}: ${answer.status} ${answer.text.slice(0, 300)}`);
    return false;
  }

  /** Every acknowledged write, looked for through the API (as the coach). */
  async missingThroughApi(): Promise<string[]> {
    const missing: string[] = [];
    const { annotations } = await this.coach.expect<{ annotations: AnnotationView[] }>(
      'GET',
      `/api/lessons/${this.lessonId}/timeline`,
      200,
    );
    const byId = new Map(annotations.map((a) => [a.id, a]));
    for (const [id, body] of this.annotations)
      if (byId.get(id)?.body !== body) missing.push(`annotation ${id} (${body})`);
    const replies = new Map(annotations.flatMap((a) => a.replies.map((r) => [r.id, r.body])));
    for (const [id, { body }] of this.replies)
      if (replies.get(id) !== body) missing.push(`reply ${id} (${body})`);

    const { items } = await this.coach.expect<{ items: Array<{ version: number }> }>(
      'GET',
      `/api/cycles/${this.cycleId}/log/versions`,
      200,
    );
    const listed = new Set(items.map((v) => v.version));
    const versions = new Map<number, Promise<{ fields: Record<string, unknown> }>>();
    for (const { version, field, text } of this.logSaves) {
      if (!listed.has(version)) {
        missing.push(`log version ${version} (${text}) not listed`);
        continue;
      }
      if (!versions.has(version))
        versions.set(
          version,
          this.coach.expect('GET', `/api/cycles/${this.cycleId}/log/versions/${version}`, 200),
        );
      const saved = await versions.get(version);
      if (saved?.fields[field] !== text)
        missing.push(`log version ${version}: ${field} is not ${text}`);
    }
    return missing;
  }

  /**
   * The same, in the database's own rows, and what only the rows show: no write stored
   * twice or out of nowhere, log versions without gaps, and the log's current row equal
   * to its newest version (both are written in one transaction).
   */
  async problemsInDatabase(db: InspectedDatabase): Promise<string[]> {
    const problems: string[] = [];
    const like = `'${this.marker.replaceAll("'", "''")}%'`;
    const annotations = await db.rows<{ id: string; body: string }>(
      `select id, body from annotation where body like ${like}`,
    );
    const replies = await db.rows<{ id: string; body: string; annotation_id: string }>(
      `select id, body, annotation_id from annotation_reply where body like ${like}`,
    );
    const check = (
      kind: string,
      rows: Array<{ id: string; body: string }>,
      acked: Map<string, string>,
      sent: Set<string>,
    ) => {
      const byId = new Map<string, string>();
      const perBody = new Map<string, number>();
      for (const row of rows) {
        if (byId.has(row.id)) problems.push(`${kind} id ${row.id} stored twice`);
        byId.set(row.id, row.body);
        perBody.set(row.body, (perBody.get(row.body) ?? 0) + 1);
        if (!sent.has(row.body)) problems.push(`${kind} never sent: ${row.body}`);
      }
      for (const [body, n] of perBody)
        if (n > 1) problems.push(`${kind} stored ${n} times: ${body}`);
      for (const [id, body] of acked)
        if (byId.get(id) !== body) problems.push(`acknowledged ${kind} ${id} not in the database`);
    };
    check('annotation', annotations, this.annotations, this.sent.annotations);
    check(
      'reply',
      replies,
      new Map([...this.replies].map(([id, r]) => [id, r.body])),
      this.sent.replies,
    );

    const versions = await db.rows<{ version: number; fields: string }>(
      `select version, fields from log_version where cycle_id = '${this.cycleId}' order by version`,
    );
    const [current] = await db.rows<{ version: number; fields: string }>(
      `select version, fields from collab_log where cycle_id = '${this.cycleId}'`,
    );
    const fieldsOf = new Map(
      versions.map((v) => [Number(v.version), JSON.parse(v.fields) as Record<string, unknown>]),
    );
    versions.forEach((v, i) => {
      if (Number(v.version) !== i + 1)
        problems.push(`log versions skip to ${v.version} at ${i + 1}`);
    });
    const newest = versions.at(-1);
    if (this.logSaves.length && (!current || !newest))
      problems.push('the log or its versions are gone');
    if (current && newest) {
      if (Number(current.version) !== Number(newest.version))
        problems.push(
          `the log is at version ${current.version}, its newest version is ${newest.version}`,
        );
      else if (current.fields !== newest.fields)
        problems.push(`the log differs from its version ${newest.version}`);
    }
    for (const { version, field, text } of this.logSaves)
      if (fieldsOf.get(version)?.[field] !== text)
        problems.push(`acknowledged log version ${version} (${text}) not in the database`);
    // Each text is brought into its entry by exactly one version (a save is never applied twice).
    const introduced = new Map<string, number>();
    for (const [version, fields] of fieldsOf) {
      for (const field of ['coachNextSteps', 'teacherNextStep'] as const) {
        const text = fields[field];
        if (typeof text === 'string' && text !== fieldsOf.get(version - 1)?.[field])
          introduced.set(text, (introduced.get(text) ?? 0) + 1);
      }
    }
    for (const [text, n] of introduced)
      if (n > 1 && text.startsWith(this.marker))
        problems.push(`log text saved ${n} times: ${text}`);
    return problems;
  }
}
