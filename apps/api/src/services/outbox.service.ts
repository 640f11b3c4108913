import type { Viewer } from '../domain/account';
import type { OutboxMessage, OutboxRepository } from '../repositories/outbox.repository';
import type { AccessService } from './access.service';

/** The program's outgoing mail, readable by its admins (invitation links on one machine). */
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly access: AccessService,
  ) {}

  async list(viewer: Viewer, limit: number): Promise<OutboxMessage[]> {
    await this.access.assert(viewer, 'read', {
      kind: 'program-admin',
      programId: viewer.programId,
    });
    return this.outbox.listForProgram(viewer.programId, limit);
  }
}
