import { healthSchema } from '../../../shared/contracts/admin.ts';
import type { FastifyZod } from '../../http.ts';

export function healthRoutes(app: FastifyZod) {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], summary: 'Version and database status', response: { 200: healthSchema, 503: healthSchema } },
    },
    async (_request, reply) => {
      const ok = await app.ctx.database.ping();
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        version: app.ctx.config.version,
        database: { kind: app.ctx.database.kind, ok },
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );
}
