import type { Config } from '../config';
import { FsStorage } from './fs-storage';
import type { ObjectStorage } from './storage';

export async function createStorage(config: Config['storage']): Promise<ObjectStorage> {
  return new FsStorage(config.root).init();
}
