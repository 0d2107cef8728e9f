import { z } from 'zod';
import { auditEventSchema } from '../../../shared/contracts/admin.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { listAudit } from './audit.service.ts';

export function auditRoutes(app: FastifyZod) {
  app.get(
    '/api/admin/audit',
    {
      config: { roles: ROLE_GROUPS.admins },
      schema: { tags: ['admin'], summary: 'The latest security events', response: { 200: z.array(auditEventSchema) } },
    },
    async () => listAudit({ db: app.ctx.db }),
  );
}
