import { z } from 'zod';
import { outboxMessageSchema } from '../../../shared/contracts/admin.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { listOutbox } from './mail.service.ts';

export function mailRoutes(app: FastifyZod) {
  app.get(
    '/api/admin/outbox',
    {
      config: { roles: ROLE_GROUPS.admins },
      schema: {
        tags: ['admin'],
        summary: 'Emails sent or held (bodies only when SMTP is not configured)',
        response: { 200: z.array(outboxMessageSchema) },
      },
    },
    async () => listOutbox({ db: app.ctx.db }),
  );
}
