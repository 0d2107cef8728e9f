import { z } from 'zod';
import { meSchema } from '../../../shared/contracts/auth.ts';
import { idParams } from '../../../shared/contracts/common.ts';
import {
  acceptInviteSchema,
  createInviteSchema,
  invitePreviewSchema,
  inviteSchema,
  inviteTokenSchema,
} from '../../../shared/contracts/invites.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { loadMe, setSessionCookie } from '../auth/auth.public.ts';
import { acceptInvite, createInvite, listInvites, previewInvite, revokeInvite } from './invites.service.ts';

const tags = ['invites'];

export function inviteRoutes(app: FastifyZod) {
  const ctx = app.ctx;
  app.get(
    '/api/admin/invites',
    { config: { roles: ROLE_GROUPS.admins }, schema: { tags, summary: 'Invitations sent', response: { 200: z.array(inviteSchema) } } },
    async () => listInvites({ ctx }),
  );
  app.post(
    '/api/admin/invites',
    {
      config: { roles: ROLE_GROUPS.admins, rateLimit: rateLimit(ctx, 60, 60, 'user') },
      schema: {
        tags,
        summary: 'Invite someone by email with one or more roles',
        body: createInviteSchema,
        response: { 201: inviteSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createInvite({ ctx, actor: actorOf(request), ...request.body })),
  );
  app.post(
    '/api/admin/invites/:id/revoke',
    {
      config: { roles: ROLE_GROUPS.admins },
      schema: { tags, summary: 'Withdraw a pending invitation', params: idParams, response: { 200: inviteSchema } },
    },
    async (request) => revokeInvite({ ctx, actor: actorOf(request), id: request.params.id }),
  );
  app.post(
    '/api/invites/preview',
    {
      config: { access: 'public', rateLimit: rateLimit(ctx, 30, 15) },
      schema: {
        tags,
        summary: 'What an invitation link is for (the token travels in the body, never the URL)',
        body: inviteTokenSchema,
        response: { 200: invitePreviewSchema },
      },
    },
    async (request) => previewInvite({ ctx, token: request.body.token }),
  );
  app.post(
    '/api/invites/accept',
    {
      config: { access: 'public', rateLimit: rateLimit(ctx, 10, 15) },
      schema: {
        tags,
        summary: 'Accept an invitation (or finish sign-up): creates the account and signs in',
        body: acceptInviteSchema,
        response: { 201: meSchema },
      },
    },
    async (request, reply) => {
      const { userId, session } = await acceptInvite({ ctx, ...request.body });
      setSessionCookie(reply, ctx, session);
      return reply.status(201).send(await loadMe(ctx.db, ctx, userId));
    },
  );
}
