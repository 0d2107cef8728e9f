import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inRoleGroup, type Role } from '../../shared/contracts/roles.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { sessions, users } from '../db/schema/auth.ts';
import { profiles } from '../db/schema/profile.ts';
import { AppError } from '../lib/app-error.ts';
import { hashToken, newToken, safeEqual } from '../lib/crypto.ts';
import { prepared } from '../lib/prepared.ts';

/** The signed-in person making a request. */
export interface Actor {
  userId: string;
  email: string;
  alias: string;
  /** IANA zone from the profile: the member's "today" (check-ins, clocks) without another query. */
  timezone: string;
  roles: Role[];
  mfaEnabled: boolean;
  session: { tokenHash: string; csrfToken: string; state: 'active' | 'pending_mfa' };
}

/** What a service acting for the signed-in person takes: the database (or a transaction) and who acts. */
export type Own = { db: Db; actor: Actor };

/**
 * Who may call a route: `public` anyone; `pending` also a person between password and two-factor
 * code; `setup` a signed-in person who must still turn on two-factor; `user` (default) a fully
 * signed-in person.
 */
export type RouteAccess = 'public' | 'pending' | 'setup' | 'user';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Any one of these roles admits; others get 404 as if the route did not exist. */
    roles?: readonly Role[];
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Writing last_seen_at on every request would turn each read into a write; a minute is precise enough.
const TOUCH_AFTER_MS = 60_000;

export function cookieNames(secure: boolean) {
  // The __Host- prefix makes the browser refuse the cookie unless Secure, host-only and Path=/.
  return secure ? { session: '__Host-kinship', csrf: '__Host-kinship-csrf' } : { session: 'kinship', csrf: 'kinship-csrf' };
}

export function requiresMfaSetup(roles: readonly Role[], mfaEnabled: boolean, requireStaffMfa: boolean): boolean {
  return requireStaffMfa && !mfaEnabled && inRoleGroup(roles, 'staff');
}

const selectActor = (db: Db) =>
  db
    .select({
      userId: users.id,
      email: users.email,
      roles: users.roles,
      totpEnabledAt: users.totpEnabledAt,
      alias: profiles.alias,
      timezone: profiles.timezone,
      csrfToken: sessions.csrfToken,
      state: sessions.state,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleCutoff')),
        eq(users.status, 'active'),
      ),
    )
    .limit(1)
    .prepare('load_actor');

export async function loadActor(db: Db, ctx: AppContext, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const now = new Date();
  const idleCutoff = new Date(now.getTime() - ctx.config.sessionIdleMinutes * 60_000);
  const [row] = await prepared(db, 'load_actor', selectActor).execute({ tokenHash, now, idleCutoff });
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.tokenHash, tokenHash));
  }
  return {
    userId: row.userId,
    email: row.email,
    alias: row.alias,
    timezone: row.timezone,
    roles: row.roles,
    mfaEnabled: row.totpEnabledAt !== null,
    session: { tokenHash, csrfToken: row.csrfToken, state: row.state },
  };
}

/** The signed-in actor of a route whose access rule already required one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Please sign in');
  return request.actor;
}

function csrfTokenOf(request: FastifyRequest, names: ReturnType<typeof cookieNames>): string | null {
  if (request.actor) return request.actor.session.csrfToken;
  return request.cookies[names.csrf] ?? null;
}

/** Gives every anonymous visitor a CSRF token (double-submit cookie) so sign-in forms are protected too. */
export function ensureAnonymousCsrf(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): string {
  const names = cookieNames(ctx.cookieSecure);
  const existing = request.cookies[names.csrf];
  if (existing && existing.length >= 20) return existing;
  const token = newToken();
  reply.setCookie(names.csrf, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.cookieSecure });
  return token;
}

export function registerSessions(app: FastifyInstance, ctx: AppContext) {
  const names = cookieNames(ctx.cookieSecure);
  // The one origin people use, from PUBLIC_URL. Never the request's Host header: an attacker's page
  // can send any Host (DNS rebinding, a proxy passing it through), so matching Origin to it proves nothing.
  const publicOrigin = new URL(ctx.config.publicUrl).origin;

  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[names.session];
    request.actor = token ? await loadActor(ctx.db, ctx, token) : null;

    if (UNSAFE_METHODS.has(request.method)) {
      // Cross-site requests are refused by origin; the token defeats the rest (and any same-site attacker).
      const origin = request.headers.origin;
      if (origin && origin !== publicOrigin) {
        throw new AppError('CSRF_FAILED', 'This request came from another site');
      }
      const sent = request.headers['x-csrf-token'];
      const expected = csrfTokenOf(request, names);
      if (typeof sent !== 'string' || !expected || !safeEqual(sent, expected)) {
        throw new AppError('CSRF_FAILED', 'Missing or stale security token; reload the page and try again');
      }
    }

    // Unknown paths answer 404 to everyone rather than asking anonymous callers to sign in first.
    if (request.is404) return;
    const config = request.routeOptions.config;
    const access = config.access ?? 'user';
    if (access === 'public') return;
    const actor = request.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Please sign in');
    if (actor.session.state === 'pending_mfa') {
      if (access === 'pending') return;
      throw new AppError('UNAUTHENTICATED', 'Enter your two-factor code to finish signing in');
    }
    if (config.roles && !actor.roles.some((role) => config.roles?.includes(role))) throw new AppError('NOT_FOUND', 'Not found');
    if (access === 'user' && requiresMfaSetup(actor.roles, actor.mfaEnabled, await ctx.requireStaffMfa())) {
      throw new AppError('MFA_REQUIRED', 'Your organization requires two-factor sign-in for your role; turn it on first');
    }
  });
}
