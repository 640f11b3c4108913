import { FsStorage } from './fs-storage';
import { S3Storage } from './s3-storage';
import type { ObjectStorage, StorageConfig } from './storage';

/** Opens the configured store, ready for use (folders made, bucket checked when asked). */
export async function createStorage(config: StorageConfig): Promise<ObjectStorage> {
  if (config.driver === 's3') {
    const storage = new S3Storage(config);
    if (config.corsOrigins) await storage.ensureBucket(config.corsOrigins);
    return storage;
  }
  return new FsStorage(config).init();
}
