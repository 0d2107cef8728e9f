import { auditPageSchema, auditQuerySchema } from '../../../shared/contracts/admin.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { listAudit } from './audit.service.ts';

export function auditRoutes(app: FastifyZod) {
  app.get(
    '/api/admin/audit',
    {
      config: { roles: ROLE_GROUPS.admins },
      schema: {
        tags: ['admin'],
        summary: 'Security events, newest first, a page at a time; filtered by area or event and period',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => listAudit({ db: app.ctx.db, query: request.query }),
  );
}
