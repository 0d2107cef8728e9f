import { todaySchema } from '../../../shared/contracts/today.ts';
import type { FastifyZod } from '../../http.ts';
import { actorOf } from '../../plugins/session.ts';
import { getToday } from './today.service.ts';

const tags = ['today'];

export function todayRoutes(app: FastifyZod) {
  const { db } = app.ctx;
  app.get(
    '/api/me/today',
    {
      schema: {
        tags,
        summary:
          "My today for the home page: today's check-in, my clocks, next session, saved meeting and event, unread messages; a coach's sessions today and flagged clients",
        response: { 200: todaySchema },
      },
    },
    async (request) => getToday({ db, actor: actorOf(request) }),
  );
}
