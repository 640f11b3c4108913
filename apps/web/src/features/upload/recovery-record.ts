/*
 * Whether @uppy/golden-retriever holds a recovery snapshot for an Uppy instance, read the
 * way the plugin reads it (pinned version 6.0.0: IndexedDB `uppy-blobs`, store `metadata`,
 * one record per Uppy id with an `expires` time). The plugin restores asynchronously and
 * says so ('restored') only when there was something to restore; until then the app must
 * not touch Uppy's files, or the restore would overwrite them (and the plugin would
 * overwrite the snapshot). Knowing whether a snapshot exists says whether to wait.
 */

const DB_NAME = 'uppy-blobs';
const METADATA_STORE = 'metadata';

type StoredRecord = { expires?: unknown };

const isLive = (record: StoredRecord | undefined | null, now: number) =>
  !!record && typeof record.expires === 'number' && record.expires >= now;

export async function hasRecoveryRecord(uppyId: string, now = Date.now()): Promise<boolean> {
  const db = await openExisting();
  if (!db) return false;
  try {
    if (!db.objectStoreNames.contains(METADATA_STORE)) return false;
    const record = await new Promise<StoredRecord | undefined>((resolve, reject) => {
      const request = db.transaction(METADATA_STORE).objectStore(METADATA_STORE).get(uppyId);
      request.onsuccess = () => resolve(request.result as StoredRecord | undefined);
      request.onerror = () => reject(request.error);
    });
    return isLive(record, now);
  } finally {
    db.close();
  }
}

/**
 * Opens the plugin's database at whatever version it has. When it does not exist yet,
 * the open creates it empty at version 1: the plugin's own open (version 4) then upgrades
 * it as it would a missing one.
 */
function openExisting(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = indexedDB.open(DB_NAME);
    request.onsuccess = () => {
      const db = request.result;
      // Never block the plugin's upgrade of the same database.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
}
