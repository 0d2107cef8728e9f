import {
  barc10HistorySchema,
  barc10ResultSchema,
  sharedBarc10HistorySchema,
  takeBarc10Schema,
} from '../../../shared/contracts/assessments.ts';
import { idParams } from '../../../shared/contracts/common.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { listOwnBarc10, listSharedBarc10, takeBarc10 } from './assessments.service.ts';

const tags = ['assessments'];

export function assessmentsRoutes(app: FastifyZod) {
  const { db } = app.ctx;
  app.post(
    '/api/me/assessments/barc10',
    {
      // Taken monthly; a generous cap only stops a runaway client from flooding the history.
      config: { rateLimit: rateLimit(app.ctx, 30, 60, 'user') },
      schema: {
        tags,
        summary: 'Take the BARC-10: ten answers from 1 to 6; returns the total (10–60)',
        body: takeBarc10Schema,
        response: { 201: barc10ResultSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await takeBarc10({ db, actor: actorOf(request), answers: request.body.answers })),
  );
  app.get(
    '/api/me/assessments/barc10',
    { schema: { tags, summary: 'My BARC-10 results, newest first', response: { 200: barc10HistorySchema } } },
    async (request) => listOwnBarc10({ db, actor: actorOf(request) }),
  );
  app.get(
    '/api/people/:id/assessments/barc10',
    {
      schema: {
        tags,
        summary: 'Another person’s BARC-10 results (needs their `assessments` grant; logged)',
        params: idParams,
        response: { 200: sharedBarc10HistorySchema },
      },
    },
    async (request) => listSharedBarc10({ db, actor: actorOf(request), subjectId: request.params.id }),
  );
}
