import { betterAuth } from 'better-auth';
import type { Config } from '../config';
import type { Db } from '../db/database';
import type { Mailer } from '../mail/mailer';

export interface AuthDeps {
  config: Config;
  db: Db;
  secret: string;
  mailer: Mailer;
  /** Called by the library when a user asked for a password reset link. */
  onResetRequested?: (user: { id: string; email: string }) => Promise<void>;
}

/**
 * Email + password sign-in on the maintained auth library. Its tables live in our
 * frozen migrations; we expose only the endpoints listed in routes/auth.ts.
 */
export function createAuth({ config, db, secret, mailer }: AuthDeps) {
  const https = config.publicUrl?.startsWith('https://') ?? false;
  return betterAuth({
    appName: 'Elevate',
    baseURL: config.publicUrl ?? `http://${config.host}:${config.port}`,
    basePath: '/api/auth',
    secret,
    database: {
      db,
      type: config.database.dialect === 'postgres' ? 'postgres' : 'sqlite',
      transaction: true,
    },
    telemetry: { enabled: false },
    // Origins are judged per request (the public URL, or the request's own host when
    // none is configured), so one install works on whatever name the school reaches it by.
    trustedOrigins: (request?: Request) => {
      const origins = config.publicUrl ? [new URL(config.publicUrl).origin] : [];
      if (!config.publicUrl && request) origins.push(new URL(request.url).origin);
      return origins;
    },
    user: {
      modelName: 'auth_user',
      additionalFields: {
        programId: { type: 'string', required: true, input: false },
        role: { type: 'string', required: true, input: false },
        timeZone: { type: 'string', required: false, input: true },
        deactivatedAt: { type: 'date', required: false, input: false },
      },
      changeEmail: { enabled: false },
      deleteUser: { enabled: false },
    },
    session: {
      modelName: 'auth_session',
      expiresIn: config.session.idleSeconds,
      // Extend a live session at most every few minutes, so idle expiry stays sliding
      // without a write on every request.
      updateAge: Math.min(config.session.idleSeconds / 4, 15 * 60),
      // A cached cookie would outlive a deleted session (sign-out, deactivation): off.
      cookieCache: { enabled: false },
    },
    account: { modelName: 'auth_account' },
    verification: { modelName: 'auth_verification' },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 200,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      // Our own link to the web app's reset page (the library's points at its redirect
      // endpoint); its origin is the public URL, or the one the request came to.
      sendResetPassword: async ({ user, token }, request) => {
        const origin =
          config.publicUrl ??
          (request ? new URL(request.url).origin : `http://${config.host}:${config.port}`);
        const url = `${origin}/reset-password?token=${encodeURIComponent(token)}`;
        await mailer.send({
          programId: (user as { programId?: string }).programId ?? null,
          to: user.email,
          kind: 'password-reset',
          subject: 'Reset your Elevate password',
          text: [
            `Hello ${user.name},`,
            '',
            'Someone (hopefully you) asked to reset the password of your Elevate account.',
            `Choose a new password here within the next hour: ${url}`,
            '',
            'If you did not ask for this, ignore this message; your password stays as it is.',
          ].join('\n'),
        });
      },
    },
    // Limits are ours (per account and per address, stored in the database so that
    // several API processes share them): see services/rate-limit.service.ts.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'elevate',
      useSecureCookies: https,
      disableCSRFCheck: false,
      disableOriginCheck: false,
      ipAddress: { ipAddressHeaders: ['x-elevate-client-ip'] },
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true, secure: https },
      database: { generateId: () => crypto.randomUUID() },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user never gets a session, whatever the password says.
          before: async (session) => {
            const user = await db
              .selectFrom('auth_user')
              .select('deactivatedAt')
              .where('id', '=', session.userId)
              .executeTakeFirst();
            if (!user || user.deactivatedAt) return false;
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
