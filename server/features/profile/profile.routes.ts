import { idParams } from '../../../shared/contracts/common.ts';
import { ownProfileSchema, sharedProfileSchema, updateProfileSchema } from '../../../shared/contracts/people.ts';
import type { FastifyZod } from '../../http.ts';
import { actorOf } from '../../plugins/session.ts';
import { getOwnProfile, getSharedProfile, updateOwnProfile } from './profile.service.ts';

const tags = ['profile'];

export function profileRoutes(app: FastifyZod) {
  const db = app.ctx.db;
  app.get(
    '/api/me/profile',
    { config: { access: 'setup' }, schema: { tags, summary: 'My profile', response: { 200: ownProfileSchema } } },
    async (request) => getOwnProfile({ db, actor: actorOf(request) }),
  );
  app.patch(
    '/api/me/profile',
    { schema: { tags, summary: 'Change my profile', body: updateProfileSchema, response: { 200: ownProfileSchema } } },
    async (request) => updateOwnProfile({ db, actor: actorOf(request), changes: request.body }),
  );
  app.get(
    '/api/people/:id/profile',
    {
      schema: {
        tags,
        summary: 'Another person’s private profile (needs their `profile` grant; logged)',
        params: idParams,
        response: { 200: sharedProfileSchema },
      },
    },
    async (request) => getSharedProfile({ db, actor: actorOf(request), subjectId: request.params.id }),
  );
}
