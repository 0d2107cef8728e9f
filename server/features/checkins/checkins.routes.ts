import {
  checkinBodySchema,
  checkinListSchema,
  checkinRangeQuery,
  checkinSchema,
  checkinSummarySchema,
  idempotencyHeaders,
  localDateParams,
  sharedCheckinsQuery,
  trendsQuery,
  trendsSchema,
} from '../../../shared/contracts/checkins.ts';
import { idParams, okSchema } from '../../../shared/contracts/common.ts';
import type { FastifyZod } from '../../http.ts';
import { actorOf } from '../../plugins/session.ts';
import {
  deleteOwnCheckin,
  getCheckinSummary,
  getOwnCheckin,
  getSharedTrends,
  getTrends,
  listOwnCheckins,
  listSharedCheckins,
  putCheckin,
} from './checkins.service.ts';

const tags = ['checkins'];

export function checkinRoutes(app: FastifyZod) {
  const db = app.ctx.db;

  app.put(
    '/api/me/checkins/:localDate',
    {
      schema: {
        tags,
        summary:
          'Check in for a local day (today, or a missed day up to 30 days back); replays with an Idempotency-Key create nothing twice',
        params: localDateParams,
        headers: idempotencyHeaders,
        body: checkinBodySchema,
        response: { 200: checkinSchema, 201: checkinSchema },
      },
    },
    async (request, reply) => {
      const answer = await putCheckin({
        db,
        actor: actorOf(request),
        localDate: request.params.localDate,
        body: request.body,
        request: {
          key: request.headers['idempotency-key'],
          method: request.method,
          path: request.url.split('?')[0] ?? request.url,
          rawBody: request.body,
        },
      });
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(answer.status as 200 | 201).send(answer.body);
    },
  );

  app.get(
    '/api/me/checkins',
    {
      schema: {
        tags,
        summary: 'My check-ins between two days (at most 366 days; default the last 30), newest first',
        querystring: checkinRangeQuery,
        response: { 200: checkinListSchema },
      },
    },
    async (request) => listOwnCheckins({ db, actor: actorOf(request), from: request.query.from, to: request.query.to }),
  );

  app.get(
    '/api/me/checkins/:localDate',
    { schema: { tags, summary: 'My check-in of one day', params: localDateParams, response: { 200: checkinSchema } } },
    async (request) => getOwnCheckin({ db, actor: actorOf(request), localDate: request.params.localDate }),
  );

  app.delete(
    '/api/me/checkins/:localDate',
    { schema: { tags, summary: 'Delete my check-in of one day', params: localDateParams, response: { 200: okSchema } } },
    async (request) => deleteOwnCheckin({ db, actor: actorOf(request), localDate: request.params.localDate }),
  );

  app.get(
    '/api/me/trends',
    {
      schema: {
        tags,
        summary: 'Mood, craving, sleep and adherence per day over 7, 30, 90 or 365 days, with streaks',
        querystring: trendsQuery,
        response: { 200: trendsSchema },
      },
    },
    async (request) => getTrends({ db, actor: actorOf(request), days: Number(request.query.days) }),
  );

  app.get(
    '/api/people/:id/checkins/summary',
    {
      schema: {
        tags,
        summary: 'Whether another person checked in today, and their streak (needs their `checkins.summary` grant; logged)',
        params: idParams,
        response: { 200: checkinSummarySchema },
      },
    },
    async (request) => getCheckinSummary({ db, actor: actorOf(request), subjectId: request.params.id }),
  );

  app.get(
    '/api/people/:id/checkins',
    {
      schema: {
        tags,
        summary: 'Another person’s check-ins of the last days (needs their `checkins.detail` grant; logged)',
        params: idParams,
        querystring: sharedCheckinsQuery,
        response: { 200: checkinListSchema },
      },
    },
    async (request) => listSharedCheckins({ db, actor: actorOf(request), subjectId: request.params.id, days: request.query.days }),
  );

  app.get(
    '/api/people/:id/checkins/trends',
    {
      schema: {
        tags,
        summary: 'Another person’s trends: mood, craving, sleep and check-ins over a window (needs their `checkins.detail` grant; logged)',
        params: idParams,
        querystring: trendsQuery,
        response: { 200: trendsSchema },
      },
    },
    async (request) => getSharedTrends({ db, actor: actorOf(request), subjectId: request.params.id, days: Number(request.query.days) }),
  );
}
