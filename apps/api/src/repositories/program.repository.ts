import type { Db } from '../db/database';
import { DEFAULT_PROGRAM_SETTINGS, type ProgramSettings } from '../domain/account';

export interface Program {
  id: string;
  name: string;
  settings: ProgramSettings;
}

/** Settings saved before a setting existed take its default. */
function toProgram(row: { id: string; name: string; settings: string }): Program {
  const settings = { ...DEFAULT_PROGRAM_SETTINGS, ...(JSON.parse(row.settings) as object) };
  return { id: row.id, name: row.name, settings };
}

export class ProgramRepository {
  constructor(private readonly db: Db) {}

  async create(name: string, settings: Partial<ProgramSettings> = {}): Promise<Program> {
    const program = {
      id: crypto.randomUUID(),
      name,
      settings: { ...DEFAULT_PROGRAM_SETTINGS, ...settings },
    };
    await this.db
      .insertInto('program')
      .values({
        id: program.id,
        name,
        settings: JSON.stringify(program.settings),
        created_at: new Date().toISOString(),
      })
      .execute();
    return program;
  }

  async findById(id: string): Promise<Program | undefined> {
    const row = await this.db
      .selectFrom('program')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toProgram(row) : undefined;
  }

  async list(): Promise<Program[]> {
    const rows = await this.db.selectFrom('program').selectAll().execute();
    return rows.map(toProgram);
  }

  async updateSettings(id: string, patch: Partial<ProgramSettings>): Promise<void> {
    const program = await this.findById(id);
    if (!program) return;
    await this.db
      .updateTable('program')
      .set({ settings: JSON.stringify({ ...program.settings, ...patch }) })
      .where('id', '=', id)
      .execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('program')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
