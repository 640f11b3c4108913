import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { problemResponse, toAppError } from '../errors';
import { FsStorage, type FsStorageOptions, LOCAL_STORAGE_MOUNT_PATH } from './fs-storage';
import { localStorageRoutes } from './fs-storage.routes';

/** A local-disk store in a temp folder whose signed URLs work over real HTTP. */
export interface ServedFsStorage {
  storage: FsStorage;
  root: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `localStorageRoutes` on a free loopback port, mounted where the app mounts it and
 * with the app's problem+json errors, for tests that PUT and GET signed URLs with fetch.
 */
export async function serveFsStorage(
  options: Partial<FsStorageOptions> = {},
): Promise<ServedFsStorage> {
  const root = options.root ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'elevate-fs-storage-')));
  let app: Hono | undefined;
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve(
      {
        // The URLs the store signs need the port, which exists only once listening.
        fetch: (request) => app?.fetch(request) ?? new Response('starting', { status: 503 }),
        hostname: '127.0.0.1',
        port: 0,
      },
      () => resolve(started),
    );
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const storage = await new FsStorage({ publicBaseUrl: origin, ...options, root }).init();
  app = new Hono()
    .route(LOCAL_STORAGE_MOUNT_PATH, localStorageRoutes(storage))
    .onError((error, c) => problemResponse(c, toAppError(error)));
  return {
    storage,
    root,
    origin,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.root) await fs.rm(root, { recursive: true, force: true });
    },
  };
}
