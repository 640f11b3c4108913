import type { Viewer } from './domain/account';

/** The typed per-request variables every route and middleware shares. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The signed-in user, or null for an anonymous request. */
    viewer: Viewer | null;
    /** The client's address (the direct peer, or the first untrusted proxy hop). */
    clientIp: string;
  };
}
