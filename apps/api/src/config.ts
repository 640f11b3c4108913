import path from 'node:path';
import { z } from 'zod';
import type { StorageConfig } from './storage/storage';

/** Thrown when the environment holds a value Elevate cannot run with. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  /** `sqlite:relative/or/absolute.db`, a plain file path, or `postgres://...`. */
  DATABASE_URL: z.string().min(1).optional(),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  S3_PUBLIC_ENDPOINT: z.url().optional(),
  /** When set, the bucket is created if missing and given CORS rules for these origins. */
  S3_CORS_ORIGINS: z.string().optional(),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 1024 ** 3),
  TEACHER_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 ** 3),
  /** Smallest part of a multipart upload (S3 needs 5 MiB); bigger parts upload faster. */
  UPLOAD_PART_SIZE_MIN: z.coerce
    .number()
    .int()
    .min(5 * 1024 * 1024)
    .default(64 * 1024 * 1024),
  /** Unfinished uploads untouched this long are aborted by the cleanup job. */
  UPLOAD_IDLE_HOURS: z.coerce.number().positive().default(24),
  /** Run the media job worker inside the API process (off when workers run apart). */
  RUN_WORKER: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Where the built web app is; served by the API in production (one process, one port). */
  WEB_DIST: z.string().min(1).optional(),
  /** The address users reach Elevate at (links in emails, cookie security, origin checks). */
  PUBLIC_URL: z.url().optional(),
  /** Signs session cookies; when unset, one is generated once and kept in DATA_DIR. */
  AUTH_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
  /** A session unused this long ends (sliding). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(60 * 12),
  /** A session ends this long after sign-in, however active. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  /** Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed. */
  TRUSTED_PROXIES: z.string().default(''),
  /** Seed a demo program (admin, coach, two teachers) on first start. */
  DEMO: z.enum(['on', 'off']).default('off'),
  /** How long SIGTERM waits for in-flight requests before closing connections, in ms. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * The mail server, e.g. `smtp://user:pass@mail.example.org:587` (STARTTLS when offered)
   * or `smtps://...:465` (TLS from the start). Unset: mail goes to the outbox only.
   */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'expected smtp://host:port or smtps://host:port' })
    .optional(),
  /** The sender of Elevate's mail, e.g. `Elevate <elevate@example.org>`. */
  MAIL_FROM: z.string().min(3).max(200).default('Elevate <elevate@localhost>'),
});

export type DatabaseConfig =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string };

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly storage: StorageConfig;
  readonly uploads: {
    readonly maxUploadBytes: number;
    readonly quotaBytes: number;
    readonly minPartBytes: number;
    readonly idleMs: number;
  };
  readonly runWorker: boolean;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly webDist: string | undefined;
  readonly shutdownGraceMs: number;
  /** Empty when unset: origins are then judged against the request's own host. */
  readonly publicUrl: string | undefined;
  readonly authSecret: string | undefined;
  readonly session: { readonly idleSeconds: number; readonly maxSeconds: number };
  readonly demo: boolean;
  readonly trustedProxies: readonly string[];
  /** With no `smtpUrl`, mail is kept in the outbox only. */
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string };
}

/**
 * Reads the environment once. Empty strings count as unset so that `PORT= npm start`
 * means "the default", not "port 0".
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database: parseDatabaseUrl(e.DATABASE_URL, dataDir),
    storage: parseStorage(e, dataDir),
    uploads: {
      maxUploadBytes: e.MAX_UPLOAD_BYTES,
      quotaBytes: e.TEACHER_QUOTA_BYTES,
      minPartBytes: e.UPLOAD_PART_SIZE_MIN,
      idleMs: e.UPLOAD_IDLE_HOURS * 3600_000,
    },
    runWorker: e.RUN_WORKER === 'on',
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST ? path.resolve(e.WEB_DIST) : undefined,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    authSecret: e.AUTH_SECRET,
    session: { idleSeconds: e.SESSION_IDLE_MINUTES * 60, maxSeconds: e.SESSION_MAX_HOURS * 3600 },
    demo: e.DEMO === 'on',
    trustedProxies: e.TRUSTED_PROXIES.split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
  };
}

function parseStorage(e: z.infer<typeof envSchema>, dataDir: string): StorageConfig {
  const publicUrl = e.PUBLIC_URL?.replace(/\/+$/, '');
  if (e.STORAGE_DRIVER === 'local') {
    return {
      driver: 'local',
      root: path.join(dataDir, 'media'),
      ...(publicUrl ? { publicBaseUrl: publicUrl } : {}),
    };
  }
  const missing = (
    ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const
  ).filter((name) => !e[name]);
  if (missing.length) {
    throw new ConfigError(
      `Invalid configuration:\n${missing.map((m) => `  ${m}: required when STORAGE_DRIVER=s3`).join('\n')}`,
    );
  }
  const cors = e.S3_CORS_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    driver: 's3',
    endpoint: e.S3_ENDPOINT as string,
    region: e.S3_REGION,
    bucket: e.S3_BUCKET as string,
    accessKeyId: e.S3_ACCESS_KEY_ID as string,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY as string,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
    ...(e.S3_PUBLIC_ENDPOINT ? { publicEndpoint: e.S3_PUBLIC_ENDPOINT } : {}),
    ...(cors?.length ? { corsOrigins: cors } : {}),
  };
}

function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (!url) return { dialect: 'sqlite', file: path.join(dataDir, 'elevate.sqlite') };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('sqlite:')) {
    throw new ConfigError(
      `Invalid configuration:\n  DATABASE_URL: expected postgres://..., sqlite:FILE or a file path, got "${url.split(':')[0]}:"`,
    );
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  return { dialect: 'sqlite', file: path.resolve(dataDir, file) };
}
