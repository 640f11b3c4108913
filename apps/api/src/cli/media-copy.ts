import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './manifest';
import { localKeys } from './object-inventory';

// The local-disk store keeps an object's bytes at `objects/<key>` and its type and ETag at
// `.meta/<key>.json` (see storage/fs-objects.ts). A backup copies both, in the same layout,
// and leaves out unfinished uploads (`.uploads/`), temporary files and the URL-signing
// secret: a restored instance aborts the uploads and signs with a new secret.
const FOLDERS = ['objects', '.meta'] as const;

/** Copy-on-write where the file system offers it (btrfs, XFS), a plain copy elsewhere. */
const COPY_MODE = constants.COPYFILE_FICLONE;

function segments(key: string): string[] {
  return key.split('/');
}

/** Copies one object (bytes and metadata) from a store folder to a backup's `media/`. */
export async function copyLocalObject(root: string, media: string, key: string): Promise<boolean> {
  const bytes = path.join(root, 'objects', ...segments(key));
  const target = path.join(media, 'objects', ...segments(key));
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.copyFile(bytes, target, COPY_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false; // deleted meanwhile
    throw error;
  }
  const meta = `${path.join(root, '.meta', ...segments(key))}.json`;
  const metaTarget = `${path.join(media, '.meta', ...segments(key))}.json`;
  await fs.mkdir(path.dirname(metaTarget), { recursive: true });
  await fs.copyFile(meta, metaTarget, COPY_MODE).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  return true;
}

/**
 * Puts a backup's `media/` in place as the store folder `root`, which must hold no object
 * yet. Files are copied, never moved: the backup stays whole.
 */
export async function restoreLocalMedia(media: string, root: string): Promise<number> {
  const present = await localKeys(root);
  if (present.length > 0) {
    throw new CliError(
      `${root} already holds ${present.length} objects: restore into an empty instance.`,
    );
  }
  for (const folder of FOLDERS) {
    const source = path.join(media, folder);
    if (!(await fs.stat(source).catch(() => undefined))) continue;
    await fs.cp(source, path.join(root, folder), {
      recursive: true,
      errorOnExist: true,
      force: false,
      mode: COPY_MODE,
    });
  }
  return (await localKeys(root)).length;
}
