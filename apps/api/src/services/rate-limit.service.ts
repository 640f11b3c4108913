import { AppError } from '../errors';
import type { RateLimitRepository } from '../repositories/rate-limit.repository';

export interface LimitRule {
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Abuse limits for sign-in and password reset, per account and per address. Sign-in
 * limits count failed attempts only, so a school's staff signing in at 8am from behind
 * one address are never locked out by their own success.
 */
export const AUTH_LIMITS = {
  signInPerAccount: { limit: 8, windowSeconds: 15 * 60 },
  signInPerAddress: { limit: 40, windowSeconds: 15 * 60 },
  resetPerAccount: { limit: 3, windowSeconds: 60 * 60 },
  resetPerAddress: { limit: 15, windowSeconds: 60 * 60 },
  invitationPerAddress: { limit: 30, windowSeconds: 15 * 60 },
} as const;

export class RateLimitService {
  constructor(private readonly counters: RateLimitRepository) {}

  /** Counts a hit against every rule; throws 429 when any is now over its limit. */
  async consume(rules: LimitRule[], now = Date.now()): Promise<void> {
    let retryAfter = 0;
    for (const rule of rules) {
      const { start, end } = windowOf(rule, now);
      if ((await this.counters.hit(rule.key, start)) > rule.limit) {
        retryAfter = Math.max(retryAfter, Math.ceil((end - now) / 1000));
      }
    }
    if (retryAfter > 0) throw limited(retryAfter);
  }

  /** Throws 429 when any rule has already used up its window; counts nothing. */
  async assertUnder(rules: LimitRule[], now = Date.now()): Promise<void> {
    let retryAfter = 0;
    for (const rule of rules) {
      const { start, end } = windowOf(rule, now);
      if ((await this.counters.count(rule.key, start)) >= rule.limit) {
        retryAfter = Math.max(retryAfter, Math.ceil((end - now) / 1000));
      }
    }
    if (retryAfter > 0) throw limited(retryAfter);
  }

  clear(key: string): Promise<void> {
    return this.counters.clear(key);
  }
}

function windowOf(rule: LimitRule, now: number) {
  const ms = rule.windowSeconds * 1000;
  const start = Math.floor(now / ms) * ms;
  return { start, end: start + ms };
}

function limited(retryAfter: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  const error = new AppError(
    'rate_limited',
    429,
    'Too many attempts',
    `For your account's safety, please wait about ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
  );
  error.headers['Retry-After'] = String(retryAfter);
  return error;
}
