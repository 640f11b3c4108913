/*
 * When a failed upload is tried again, as pure functions. Uppy's S3 plugin retries a failed
 * request three times within about two seconds and then gives up on the file; a failed
 * signing call is never retried; a connection that hangs is never noticed. School networks
 * drop for longer than that, so the app retries the file itself (only that file), backing off,
 * waits for the browser to come back online, and restarts an upload that stopped moving.
 */

export const RETRY_POLICY = {
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  /** Each delay is spread by up to this fraction either way, so tabs do not retry in step. */
  jitter: 0.2,
  /** Failures in a row (without any progress between them) before the app stops trying. */
  maxAttempts: 8,
  /** No progress for this long while sending parts counts as a stall. */
  stallMs: 30_000,
  /** Completing (the store assembles the file) may take longer without any progress. */
  finishingStallMs: 120_000,
} as const;

export type RetryPolicy = { readonly [K in keyof typeof RETRY_POLICY]: number };

/** The wait before retry number `attempt` (1-based): 1 s, 2 s, 4 s ... capped at 30 s. */
export function retryDelayMs(
  attempt: number,
  random: () => number = Math.random,
  policy: RetryPolicy = RETRY_POLICY,
): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const delay = Math.min(policy.maxDelayMs, exponential);
  const spread = delay * policy.jitter;
  return Math.round(Math.min(policy.maxDelayMs, delay - spread + random() * 2 * spread));
}

/** What went wrong, in the terms that decide what to do next. */
export type UploadFailure =
  /** No answer at all: offline, connection reset, the API restarting. */
  | { kind: 'network' }
  /** An answer that may change on a second try: 5xx, 408, 429. */
  | { kind: 'server'; status: number }
  /** The API no longer has this upload (cancelled elsewhere, or cleaned up when abandoned). */
  | { kind: 'ended'; detail: string | undefined }
  /** The session ended. */
  | { kind: 'signed-out' }
  /** Any other refusal: asking again will not help. */
  | { kind: 'refused'; status: number; title: string; detail: string | undefined }
  /** Anything else (a malformed answer, a bug): retried a few times, like a server error. */
  | { kind: 'unknown'; message: string };

type ProblemLike = { code?: unknown; title?: unknown; detail?: unknown };

/**
 * Reads the failure out of whatever Uppy or our signing call threw: Uppy's S3 errors carry
 * the HTTP status and the body (our API answers problem+json), our ApiError carries both
 * already, and a request that never got an answer has status 0 or none.
 */
export function describeFailure(error: unknown): UploadFailure {
  if (!error || typeof error !== 'object') return { kind: 'unknown', message: String(error) };
  const e = error as { status?: unknown; body?: unknown; code?: unknown; name?: unknown };
  const problem: ProblemLike =
    typeof e.body === 'string' ? parseProblem(e.body) : (error as ProblemLike);
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (status === undefined || status === 0) {
    const isNetwork =
      e.code === 'NETWORK' ||
      e.code === 'network_error' ||
      e.name === 'NetworkError' ||
      e.name === 'TimeoutError' ||
      error instanceof TypeError;
    if (isNetwork || status === 0) return { kind: 'network' };
    return { kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
  }
  const title = typeof problem.title === 'string' ? problem.title : `HTTP ${status}`;
  const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
  if (status === 408 || status === 429 || status >= 500) return { kind: 'server', status };
  if (status === 401) return { kind: 'signed-out' };
  if (problem.code === 'upload_closed' || status === 404) return { kind: 'ended', detail };
  return { kind: 'refused', status, title, detail };
}

function parseProblem(body: string): ProblemLike {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' ? (parsed as ProblemLike) : {};
  } catch {
    return {};
  }
}

export type RetryDecision =
  | { action: 'retry'; delayMs: number }
  | { action: 'wait-online' }
  | { action: 'stop' };

/**
 * What to do after failure number `attempt` in a row: retry after a backoff, wait for the
 * browser to be online again (which costs no attempt), or stop and ask the user.
 */
export function decideRetry(
  failure: UploadFailure,
  context: { attempt: number; isOnline: boolean; random?: () => number },
  policy: RetryPolicy = RETRY_POLICY,
): RetryDecision {
  const { attempt, isOnline } = context;
  if (failure.kind === 'network' && !isOnline) return { action: 'wait-online' };
  const isTransient =
    failure.kind === 'network' || failure.kind === 'server' || failure.kind === 'unknown';
  if (!isTransient || attempt > policy.maxAttempts) return { action: 'stop' };
  return { action: 'retry', delayMs: retryDelayMs(attempt, context.random, policy) };
}

/** True when an upload that should be moving has shown no progress for too long. */
export function isStalled(
  lastActivityAt: number,
  now: number,
  isFinishing: boolean,
  policy: RetryPolicy = RETRY_POLICY,
): boolean {
  return now - lastActivityAt > (isFinishing ? policy.finishingStallMs : policy.stallMs);
}
