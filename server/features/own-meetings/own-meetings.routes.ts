import { idParams, okSchema } from '../../../shared/contracts/common.ts';
import {
  ownMeetingInputSchema,
  ownMeetingListQuerySchema,
  ownMeetingListSchema,
  ownMeetingSchema,
} from '../../../shared/contracts/own-meetings.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { createOwnMeeting, deleteOwnMeeting, getOwnMeeting, listOwnMeetings, updateOwnMeeting } from './own-meetings.service.ts';

const tags = ['meetings'];

/**
 * The organization's own groups in the meeting directory (meetings without a source). Administrators
 * only; anyone else gets 404. An imported meeting is 404 here too: it belongs to its source.
 */
export function ownMeetingRoutes(app: FastifyZod) {
  const db = app.ctx.db;
  const admins = { access: 'user', roles: ROLE_GROUPS.admins } as const;
  const writes = { ...admins, rateLimit: rateLimit(app.ctx, 120, 60, 'user') } as const;

  app.get(
    '/api/admin/meetings',
    {
      config: admins,
      schema: {
        tags,
        summary: 'The organization’s own groups, by name (paged; `q` searches names)',
        querystring: ownMeetingListQuerySchema,
        response: { 200: ownMeetingListSchema },
      },
    },
    async (request) => listOwnMeetings({ db, q: request.query.q, page: request.query.page }),
  );

  app.post(
    '/api/admin/meetings',
    {
      config: writes,
      schema: {
        tags,
        summary: 'Add one of the organization’s own groups (cleaned like a feed record; slug from the name)',
        body: ownMeetingInputSchema,
        response: { 201: ownMeetingSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createOwnMeeting({ db, actor: actorOf(request), input: request.body })),
  );

  app.get(
    '/api/admin/meetings/:id',
    { config: admins, schema: { tags, summary: 'One own group, every field', params: idParams, response: { 200: ownMeetingSchema } } },
    async (request) => getOwnMeeting({ db, id: request.params.id }),
  );

  app.put(
    '/api/admin/meetings/:id',
    {
      config: writes,
      schema: {
        tags,
        summary: 'Replace an own group’s fields (the slug stays)',
        params: idParams,
        body: ownMeetingInputSchema,
        response: { 200: ownMeetingSchema },
      },
    },
    async (request) => updateOwnMeeting({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.delete(
    '/api/admin/meetings/:id',
    { config: writes, schema: { tags, summary: 'Remove an own group', params: idParams, response: { 200: okSchema } } },
    async (request) => {
      await deleteOwnMeeting({ db, actor: actorOf(request), id: request.params.id });
      return { ok: true as const };
    },
  );
}
