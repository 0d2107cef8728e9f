import { deleteAccountResultSchema, deleteAccountSchema, myDataExportSchema } from '../../../shared/contracts/my-data.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { clearSessionCookie } from '../auth/auth.public.ts';
import { exportFileName, exportMyData } from './my-data.export.ts';
import { deleteMyAccount } from './my-data.service.ts';

const tags = ['my-data'];

export function myDataRoutes(app: FastifyZod) {
  const ctx = app.ctx;
  app.get(
    '/api/me/export',
    {
      config: { rateLimit: rateLimit(ctx, 10, 60, 'user') },
      schema: { tags, summary: 'Download everything Kinship holds about me, as JSON', response: { 200: myDataExportSchema } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const data = await exportMyData({ ctx, actor });
      reply.header('content-disposition', `attachment; filename="${exportFileName(actor.timezone)}"`);
      reply.header('cache-control', 'no-store');
      return data;
    },
  );
  app.post(
    '/api/me/delete-account',
    {
      config: { rateLimit: rateLimit(ctx, 5, 15, 'user') },
      schema: {
        tags,
        summary: 'Delete my account: erase my content, de-identify what the law requires to keep',
        body: deleteAccountSchema,
        response: { 200: deleteAccountResultSchema },
      },
    },
    async (request, reply) => {
      const result = await deleteMyAccount({ ctx, actor: actorOf(request), password: request.body.password });
      clearSessionCookie(reply, ctx);
      return result;
    },
  );
}
