import {
  buddyOverviewSchema,
  createBuddyRequestSchema,
  meetingOccurrencesSchema,
  openBuddyRequestListSchema,
  volunteerSchema,
} from '../../../shared/contracts/buddies.ts';
import { idParams } from '../../../shared/contracts/common.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import {
  acceptRequest,
  buddyOverview,
  cancelRequest,
  createRequest,
  listOpenRequests,
  meetingOccurrences,
  stopVolunteering,
  volunteer,
} from './buddies.service.ts';

const tags = ['buddies'];
/** Members ask and (after 90 days) volunteer; coaches volunteer. Other roles get 404 as if the routes did not exist. */
const people = { access: 'user', roles: ROLE_GROUPS.buddies } as const;
const members = { access: 'user', roles: ROLE_GROUPS.members } as const;

export function buddyRoutes(app: FastifyZod) {
  const ctx = app.ctx;
  const db = ctx.db;

  app.get(
    '/api/buddies',
    {
      config: people,
      schema: {
        tags,
        summary: 'My buddy requests (made and accepted), whether I volunteer and whether I may',
        response: { 200: buddyOverviewSchema },
      },
    },
    async (request) => buddyOverview({ db, actor: actorOf(request) }),
  );

  app.put(
    '/api/buddies/volunteer',
    {
      config: people,
      schema: {
        tags,
        summary: 'Offer to go with newcomers to meetings (coaches; members with 90 days on a recovery clock, else 409)',
        body: volunteerSchema,
        response: { 200: buddyOverviewSchema },
      },
    },
    async (request) => volunteer({ db, actor: actorOf(request), about: request.body.about }),
  );

  app.delete(
    '/api/buddies/volunteer',
    { config: people, schema: { tags, summary: 'Stop volunteering', response: { 200: buddyOverviewSchema } } },
    async (request) => stopVolunteering({ db, actor: actorOf(request) }),
  );

  app.get(
    '/api/buddies/meetings/:id/occurrences',
    {
      config: people,
      schema: {
        tags,
        summary: 'The next few times of a meeting one may ask company for',
        params: idParams,
        response: { 200: meetingOccurrencesSchema },
      },
    },
    async (request) => meetingOccurrences({ db, meetingId: request.params.id }),
  );

  app.post(
    '/api/buddies/requests',
    {
      config: { ...members, rateLimit: rateLimit(ctx, 20, 60, 'user') },
      schema: {
        tags,
        summary: 'Ask for someone to come with me to one upcoming time of a meeting',
        body: createBuddyRequestSchema,
        response: { 201: buddyOverviewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createRequest({ db, actor: actorOf(request), input: request.body })),
  );

  app.get(
    '/api/buddies/requests/open',
    {
      config: people,
      schema: {
        tags,
        summary: 'Volunteers: open requests of others, soonest first (alias, meeting, time, note)',
        response: { 200: openBuddyRequestListSchema },
      },
    },
    async (request) => listOpenRequests({ db, actor: actorOf(request) }),
  );

  app.post(
    '/api/buddies/requests/:id/accept',
    {
      config: people,
      schema: {
        tags,
        summary: 'Volunteers: say yes to a request; opens a conversation with the member (409 if someone was quicker)',
        params: idParams,
        response: { 200: buddyOverviewSchema },
      },
    },
    async (request) => acceptRequest({ ctx, actor: actorOf(request), id: request.params.id }),
  );

  app.post(
    '/api/buddies/requests/:id/cancel',
    {
      config: members,
      schema: { tags, summary: 'Withdraw my request, open or matched', params: idParams, response: { 200: buddyOverviewSchema } },
    },
    async (request) => cancelRequest({ db, actor: actorOf(request), id: request.params.id }),
  );
}
