import { idParams } from '../../../shared/contracts/common.ts';
import {
  acceptPartnerSchema,
  invitePartnerSchema,
  nudgeResultSchema,
  partnershipListSchema,
  partnershipSchema,
} from '../../../shared/contracts/partners.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import {
  acceptPartner,
  cancelPartner,
  declinePartner,
  endPartner,
  invitePartner,
  listPartnerships,
  nudgePartner,
} from './partners.service.ts';

const tags = ['partners'];
/** Accountability partners are members; other roles get 404 as if the routes did not exist. */
const members = { access: 'user', roles: ROLE_GROUPS.members } as const;

export function partnerRoutes(app: FastifyZod) {
  const db = app.ctx.db;

  app.get(
    '/api/partners',
    {
      config: members,
      schema: {
        tags,
        summary: 'My partnerships: invitations I sent, invitations to me, active, ended',
        response: { 200: partnershipListSchema },
      },
    },
    async (request) => listPartnerships({ db, actor: actorOf(request) }),
  );

  app.post(
    '/api/partners',
    {
      config: { ...members, rateLimit: rateLimit(app.ctx, 20, 60, 'user') },
      schema: {
        tags,
        summary: 'Invite another member to be accountability partners, choosing what I will share (409 if one is already open)',
        body: invitePartnerSchema,
        response: { 201: partnershipSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await invitePartner({ db, actor: actorOf(request), input: request.body })),
  );

  app.post(
    '/api/partners/:id/accept',
    {
      config: members,
      schema: {
        tags,
        summary: 'Accept an invitation, choosing what I will share; both consent grants are created together',
        params: idParams,
        body: acceptPartnerSchema,
        response: { 200: partnershipSchema },
      },
    },
    async (request) => acceptPartner({ db, actor: actorOf(request), id: request.params.id, scopes: request.body.scopes }),
  );

  app.post(
    '/api/partners/:id/decline',
    { config: members, schema: { tags, summary: 'Decline an invitation to me', params: idParams, response: { 200: partnershipSchema } } },
    async (request) => declinePartner({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.post(
    '/api/partners/:id/cancel',
    {
      config: members,
      schema: { tags, summary: 'Withdraw my invitation before it is answered', params: idParams, response: { 200: partnershipSchema } },
    },
    async (request) => cancelPartner({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.post(
    '/api/partners/:id/end',
    {
      config: members,
      schema: {
        tags,
        summary: 'End an active partnership now: both grants are revoked at once',
        params: idParams,
        response: { 200: partnershipSchema },
      },
    },
    async (request) => endPartner({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.post(
    '/api/partners/:id/nudge',
    {
      config: members,
      schema: {
        tags,
        summary: 'Send a "thinking of you" notification to my partner (a few a day)',
        params: idParams,
        response: { 200: nudgeResultSchema },
      },
    },
    async (request) => nudgePartner({ db, actor: actorOf(request), id: request.params.id }),
  );
}
