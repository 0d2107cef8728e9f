import { putReasonsSchema, reasonsSchema } from '../../../shared/contracts/reasons.ts';
import type { FastifyZod } from '../../http.ts';
import { actorOf } from '../../plugins/session.ts';
import { getOwnReasons, replaceOwnReasons } from './reasons.service.ts';

const tags = ['reasons'];

export function reasonRoutes(app: FastifyZod) {
  const db = app.ctx.db;
  app.get(
    '/api/me/reasons',
    { schema: { tags, summary: 'My reasons (why recovery matters to me), in my order', response: { 200: reasonsSchema } } },
    async (request) => getOwnReasons({ db, actor: actorOf(request) }),
  );
  app.put(
    '/api/me/reasons',
    { schema: { tags, summary: 'Replace my reasons with this ordered list', body: putReasonsSchema, response: { 200: reasonsSchema } } },
    async (request) => replaceOwnReasons({ db, actor: actorOf(request), list: request.body.reasons }),
  );
}
