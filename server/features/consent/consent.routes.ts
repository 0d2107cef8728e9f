import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common.ts';
import {
  accessLogPageSchema,
  accessLogQuery,
  breakGlassRequestSchema,
  breakGlassSchema,
  createGrantSchema,
  grantListSchema,
  grantSchema,
  sharedWithMeSchema,
} from '../../../shared/contracts/consent.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { actorOf } from '../../plugins/session.ts';
import { accessLogPage, createGrant, listBreakGlass, listMyGrants, openBreakGlass, revokeGrant, sharedWithMe } from './consent.service.ts';

const tags = ['consent'];

export function consentRoutes(app: FastifyZod) {
  const ctx = app.ctx;
  app.get(
    '/api/me/grants',
    { schema: { tags, summary: 'Consent grants I gave and received', response: { 200: grantListSchema } } },
    async (request) => listMyGrants({ db: ctx.db, actor: actorOf(request) }),
  );
  app.post(
    '/api/me/grants',
    { schema: { tags, summary: 'Let someone see part of my record', body: createGrantSchema, response: { 201: grantSchema } } },
    async (request, reply) => reply.status(201).send(await createGrant({ db: ctx.db, actor: actorOf(request), input: request.body })),
  );
  app.post(
    '/api/me/grants/:id/revoke',
    {
      schema: { tags, summary: 'Revoke a grant I gave (effective on the next request)', params: idParams, response: { 200: grantSchema } },
    },
    async (request) => revokeGrant({ db: ctx.db, actor: actorOf(request), id: request.params.id }),
  );
  app.get(
    '/api/people/:id/shared-with-me',
    {
      schema: {
        tags,
        summary: 'What this person shares with me now: grants in force and their scopes (404 if no such active person)',
        params: idParams,
        response: { 200: sharedWithMeSchema },
      },
    },
    async (request) => sharedWithMe({ db: ctx.db, actor: actorOf(request), subjectId: request.params.id }),
  );
  app.get(
    '/api/me/access-log',
    {
      schema: {
        tags,
        summary: 'Who read my record, when, what and why (newest first)',
        querystring: accessLogQuery,
        response: { 200: accessLogPageSchema },
      },
    },
    async (request) => accessLogPage({ db: ctx.db, actor: actorOf(request), before: request.query.before }),
  );
  app.post(
    '/api/break-glass',
    {
      config: { roles: ROLE_GROUPS.oversight },
      schema: {
        tags,
        summary: 'Open a one-hour emergency read of a person’s record, with a reason',
        body: breakGlassRequestSchema,
        response: { 201: breakGlassSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await openBreakGlass({ ctx, actor: actorOf(request), ...request.body })),
  );
  app.get(
    '/api/admin/break-glass',
    {
      config: { roles: ROLE_GROUPS.oversight },
      schema: { tags, summary: 'Every break-glass access, for review', response: { 200: z.array(breakGlassSchema) } },
    },
    async () => listBreakGlass({ db: ctx.db }),
  );
}
