import {
  clockListSchema,
  clockSchema,
  createClockSchema,
  resetClockSchema,
  sharedClockListSchema,
  updateClockSchema,
} from '../../../shared/contracts/clocks.ts';
import { idParams, okSchema } from '../../../shared/contracts/common.ts';
import type { FastifyZod } from '../../http.ts';
import { actorOf } from '../../plugins/session.ts';
import { archiveClock, createClock, getSharedClocks, listOwnClocks, resetClock, updateClock } from './clocks.service.ts';

const tags = ['clocks'];

export function clockRoutes(app: FastifyZod) {
  const db = app.ctx.db;
  app.get(
    '/api/me/clocks',
    { schema: { tags, summary: 'My recovery clocks, with totals and milestones', response: { 200: clockListSchema } } },
    async (request) => listOwnClocks({ db, actor: actorOf(request) }),
  );
  app.post(
    '/api/me/clocks',
    { schema: { tags, summary: 'Start a recovery clock', body: createClockSchema, response: { 201: clockSchema } } },
    async (request, reply) => reply.status(201).send(await createClock({ db, actor: actorOf(request), input: request.body })),
  );
  app.patch(
    '/api/me/clocks/:id',
    {
      schema: {
        tags,
        summary: 'Rename a clock, change its goal or correct its start',
        params: idParams,
        body: updateClockSchema,
        response: { 200: clockSchema },
      },
    },
    async (request) => updateClock({ db, actor: actorOf(request), id: request.params.id, changes: request.body }),
  );
  app.post(
    '/api/me/clocks/:id/reset',
    {
      schema: {
        tags,
        summary: 'Start the clock again (keeps every earlier run)',
        params: idParams,
        body: resetClockSchema,
        response: { 200: clockSchema },
      },
      // A reset button sends nothing: no body (and no content type) means "now". A JSON `null` is still refused.
      preValidation: async (request) => {
        if (request.body == null && request.headers['content-type'] === undefined) request.body = {};
      },
    },
    async (request) => resetClock({ db, actor: actorOf(request), id: request.params.id, restartedAt: request.body.restartedAt }),
  );
  app.delete(
    '/api/me/clocks/:id',
    { schema: { tags, summary: 'Archive a clock', params: idParams, response: { 200: okSchema } } },
    async (request) => archiveClock({ db, actor: actorOf(request), id: request.params.id }),
  );
  app.get(
    '/api/people/:id/clocks',
    {
      schema: {
        tags,
        summary: 'Another person’s recovery clocks (needs their `clock` grant; logged)',
        params: idParams,
        response: { 200: sharedClockListSchema },
      },
    },
    async (request) => getSharedClocks({ db, actor: actorOf(request), subjectId: request.params.id }),
  );
}
