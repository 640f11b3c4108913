/**
 * Where lesson media lives. Two implementations share this contract: local disk (the
 * embedded default) and any S3-compatible store. The upload work extends it with
 * multipart and signed-URL operations.
 */
export interface ObjectStorage {
  readonly driver: 'local' | 's3';
  /** Proves the store can be written, read and cleaned now; throws otherwise. */
  check(): Promise<void>;
}
