import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context.ts';
import { cookieNames } from '../../plugins/session.ts';
import type { NewSession } from './accounts.ts';

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, session: NewSession) {
  const names = cookieNames(ctx.cookieSecure);
  reply.setCookie(names.session, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.cookieSecure,
    maxAge: session.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext) {
  const names = cookieNames(ctx.cookieSecure);
  reply.clearCookie(names.session, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.cookieSecure });
}
