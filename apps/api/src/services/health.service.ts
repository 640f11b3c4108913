import { type Db, pingDatabase } from '../db/database';
import type { ObjectStorage } from '../storage/storage';

export type CheckStatus = 'ok' | 'failing';
export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: { database: CheckStatus; storage: CheckStatus };
}

export class HealthService {
  constructor(
    private readonly db: Db,
    private readonly storage: ObjectStorage,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, storage] = await Promise.all([
      settle(() => pingDatabase(this.db)),
      settle(() => this.storage.check()),
    ]);
    const healthy = database === 'ok' && storage === 'ok';
    return { status: healthy ? 'ok' : 'degraded', checks: { database, storage } };
  }
}

async function settle(probe: () => Promise<void>): Promise<CheckStatus> {
  try {
    await probe();
    return 'ok';
  } catch {
    return 'failing';
  }
}
