import { meSchema, setupSchema } from '../../../shared/contracts/auth.ts';
import { organizationSettingsSchema, updateOrganizationSettingsSchema } from '../../../shared/contracts/organization.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { loadMe, setSessionCookie } from '../auth/auth.public.ts';
import { getSettings, setUpOrganization, updateSettings } from './organization.service.ts';

const tags = ['organization'];

export function organizationRoutes(app: FastifyZod) {
  const ctx = app.ctx;
  app.post(
    '/api/setup',
    {
      config: { access: 'public', rateLimit: rateLimit(ctx, 10, 15) },
      schema: { tags, summary: 'First run: create the organization and its first admin', body: setupSchema, response: { 201: meSchema } },
    },
    async (request, reply) => {
      const { userId, session } = await setUpOrganization({ ctx, input: request.body });
      setSessionCookie(reply, ctx, session);
      return reply.status(201).send(await loadMe(ctx.db, ctx, userId));
    },
  );
  app.get(
    '/api/admin/settings',
    {
      config: { roles: ROLE_GROUPS.admins },
      schema: { tags, summary: 'Organization settings', response: { 200: organizationSettingsSchema } },
    },
    async () => getSettings({ ctx }),
  );
  app.patch(
    '/api/admin/settings',
    {
      config: { roles: ROLE_GROUPS.admins },
      schema: {
        tags,
        summary: 'Change organization settings',
        body: updateOrganizationSettingsSchema,
        response: { 200: organizationSettingsSchema },
      },
    },
    async (request) => updateSettings({ ctx, actor: actorOf(request), changes: request.body }),
  );
}
