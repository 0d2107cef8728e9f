import { z } from 'zod';
import {
  changePasswordSchema,
  meSchema,
  mfaCodeSchema,
  resetCompleteSchema,
  resetRequestSchema,
  sessionSchema,
  signInResultSchema,
  signInSchema,
  signUpSchema,
} from '../../../shared/contracts/auth.ts';
import { okSchema } from '../../../shared/contracts/common.ts';
import type { FastifyZod } from '../../http.ts';
import { conflict } from '../../lib/app-error.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf, ensureAnonymousCsrf } from '../../plugins/session.ts';
import { loadMe } from './accounts.ts';
import {
  changePassword,
  completeMfa,
  completePasswordReset,
  requestPasswordReset,
  requestSignUp,
  signIn,
  signOut,
} from './auth.service.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';

const tags = ['auth'];

export function authRoutes(app: FastifyZod) {
  const ctx = app.ctx;

  app.get(
    '/api/session',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Who is signed in, the CSRF token and the organization', response: { 200: sessionSchema } },
    },
    async (request, reply) => {
      const org = await ctx.organization();
      const actor = request.actor;
      const active = actor?.session.state === 'active';
      return {
        needsSetup: org === null,
        csrfToken: actor ? actor.session.csrfToken : ensureAnonymousCsrf(ctx, request, reply),
        user: actor && active ? await loadMe(ctx.db, ctx, actor.userId) : null,
        mfaPending: actor?.session.state === 'pending_mfa',
        organization: org && { name: org.name, timezone: org.timezone, crisisLines: org.crisisLines, openSignup: org.openSignup },
        version: ctx.config.version,
      };
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      config: { access: 'public', rateLimit: rateLimit(ctx, 20, 5) },
      schema: { tags, summary: 'Sign in with email and password', body: signInSchema, response: { 200: signInResultSchema } },
    },
    async (request, reply) => {
      const result = await signIn({
        ctx,
        email: request.body.email,
        password: request.body.password,
        source: request.ip,
        replacingTokenHash: request.actor?.session.tokenHash,
      });
      setSessionCookie(reply, ctx, result.session);
      return { status: result.status, user: result.status === 'signed_in' ? await loadMe(ctx.db, ctx, result.userId) : null };
    },
  );

  app.post(
    '/api/auth/mfa',
    {
      config: { access: 'pending', rateLimit: rateLimit(ctx, 20, 5) },
      schema: { tags, summary: 'Finish signing in with a two-factor or recovery code', body: mfaCodeSchema, response: { 200: meSchema } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.session.state !== 'pending_mfa') throw conflict('No sign-in is waiting for a code');
      setSessionCookie(reply, ctx, await completeMfa({ ctx, actor, code: request.body.code }));
      return loadMe(ctx.db, ctx, actor.userId);
    },
  );

  app.post(
    '/api/auth/sign-out',
    { config: { access: 'pending' }, schema: { tags, summary: 'Sign out of this device', response: { 204: z.undefined() } } },
    async (request, reply) => {
      if (request.actor) await signOut({ ctx, actor: request.actor });
      clearSessionCookie(reply, ctx);
      return reply.status(204).send(undefined);
    },
  );

  app.post(
    '/api/auth/sign-up',
    {
      config: { access: 'public', rateLimit: rateLimit(ctx, 10, 60) },
      schema: {
        tags,
        summary: 'Open sign-up: email a link to finish creating the account',
        body: signUpSchema,
        response: { 202: okSchema },
      },
    },
    async (request, reply) => {
      await requestSignUp({ ctx, email: request.body.email });
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: { access: 'public', rateLimit: rateLimit(ctx, 5, 15) },
      schema: { tags, summary: 'Email a password reset link if the account exists', body: resetRequestSchema, response: { 202: okSchema } },
    },
    async (request, reply) => {
      await requestPasswordReset({ ctx, email: request.body.email });
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    {
      config: { access: 'public', rateLimit: rateLimit(ctx, 10, 15) },
      schema: { tags, summary: 'Choose a new password with an emailed token', body: resetCompleteSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await completePasswordReset({ ctx, token: request.body.token, password: request.body.password });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'setup', rateLimit: rateLimit(ctx, 10, 15, 'user') },
      schema: { tags, summary: 'Change my password (signs out my other devices)', body: changePasswordSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await changePassword({ ctx, actor: actorOf(request), ...request.body });
      return { ok: true as const };
    },
  );
}
