import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import { sosHistorySchema, sosRecipientsSchema, sosResultSchema } from '../../../shared/contracts/sos.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { countSosRecipients, listOwnSos, pressSos } from './sos.service.ts';

const tags = ['sos'];

export function sosRoutes(app: FastifyZod) {
  const { ctx } = app;
  app.post(
    '/api/sos',
    {
      // A person in crisis may press more than once; the cap only stops a runaway client from
      // flooding the people they chose.
      config: { roles: ROLE_GROUPS.members, rateLimit: rateLimit(ctx, 10, 10, 'user') },
      schema: {
        tags,
        summary: 'Press SOS: alert everyone I gave my `sos` scope to; returns how many, and the crisis lines',
        response: { 201: sosResultSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await pressSos({ db: ctx.db, ctx, actor: actorOf(request) })),
  );
  app.get(
    '/api/sos/recipients',
    {
      config: { roles: ROLE_GROUPS.members },
      schema: {
        tags,
        summary: 'How many people a press would alert now (my `sos` grants in force)',
        response: { 200: sosRecipientsSchema },
      },
    },
    async (request) => countSosRecipients({ db: ctx.db, actor: actorOf(request) }),
  );
  app.get(
    '/api/sos/mine',
    {
      config: { roles: ROLE_GROUPS.members },
      schema: { tags, summary: 'My recent SOS presses, newest first', response: { 200: sosHistorySchema } },
    },
    async (request) => listOwnSos({ db: ctx.db, actor: actorOf(request) }),
  );
}
