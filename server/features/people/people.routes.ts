import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common.ts';
import { adminPersonSchema, personCardSchema, personSearchQuery, setRolesSchema } from '../../../shared/contracts/people.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { actorOf } from '../../plugins/session.ts';
import { getPersonCard, listPeople, searchPeople, setRoles, setStatus } from './people.service.ts';

export function peopleRoutes(app: FastifyZod) {
  const db = app.ctx.db;
  app.get(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Find people by alias',
        querystring: personSearchQuery,
        response: { 200: z.array(personCardSchema) },
      },
    },
    async (request) => searchPeople({ db, query: request.query.q }),
  );
  app.get(
    '/api/people/:id',
    { schema: { tags: ['people'], summary: 'A person as the community sees them', params: idParams, response: { 200: personCardSchema } } },
    async (request) => getPersonCard({ db, id: request.params.id }),
  );

  const admin = { roles: ROLE_GROUPS.admins };
  const tags = ['admin'];
  app.get(
    '/api/admin/people',
    { config: admin, schema: { tags, summary: 'Everyone with an account', response: { 200: z.array(adminPersonSchema) } } },
    async () => listPeople({ db }),
  );
  app.put(
    '/api/admin/people/:id/roles',
    {
      config: admin,
      schema: { tags, summary: 'Set a person’s roles', params: idParams, body: setRolesSchema, response: { 200: adminPersonSchema } },
    },
    async (request) => setRoles({ db, actor: actorOf(request), id: request.params.id, roles: request.body.roles }),
  );
  app.post(
    '/api/admin/people/:id/disable',
    {
      config: admin,
      schema: { tags, summary: 'Disable an account and end its sessions', params: idParams, response: { 200: adminPersonSchema } },
    },
    async (request) => setStatus({ db, actor: actorOf(request), id: request.params.id, status: 'disabled' }),
  );
  app.post(
    '/api/admin/people/:id/enable',
    { config: admin, schema: { tags, summary: 'Enable a disabled account', params: idParams, response: { 200: adminPersonSchema } } },
    async (request) => setStatus({ db, actor: actorOf(request), id: request.params.id, status: 'active' }),
  );
}
