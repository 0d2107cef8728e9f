import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common.ts';
import {
  guideLanguageQuery,
  meetingGuideInputSchema,
  meetingGuideListSchema,
  meetingGuideMatchSchema,
  meetingGuideSchema,
} from '../../../shared/contracts/meeting-guides.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { createGuide, deleteGuide, guideForMeeting, listGuides, updateGuide } from './meeting-guides.service.ts';

const tags = ['meeting-guides'];
const admins = { access: 'user', roles: ROLE_GROUPS.admins } as const;

/** "What to expect" guides: public to read, like the directory; written by admins. */
export function meetingGuideRoutes(app: FastifyZod) {
  const db = app.ctx.db;
  const reads = rateLimit(app.ctx, 300, 5);

  app.get(
    '/api/meeting-guides',
    {
      config: { access: 'public', rateLimit: reads },
      schema: {
        tags,
        summary: 'Every "what to expect" guide (optionally in one language)',
        querystring: guideLanguageQuery,
        response: { 200: meetingGuideListSchema },
      },
    },
    async (request) => listGuides({ db, language: request.query.language }),
  );

  app.get(
    '/api/meetings/:id/guide',
    {
      config: { access: 'public', rateLimit: reads },
      schema: {
        tags,
        summary:
          'The guide that fits a meeting best (fellowship and type, fellowship, type, general), in the language asked for or English',
        // Any id shape: one that names no meeting is a 404, as on the meeting's own page.
        params: z.object({ id: z.string().min(1).max(100) }),
        querystring: guideLanguageQuery,
        response: { 200: meetingGuideMatchSchema },
      },
    },
    async (request) => guideForMeeting({ db, meetingId: request.params.id, language: request.query.language ?? 'en' }),
  );

  app.get(
    '/api/admin/meeting-guides',
    { config: admins, schema: { tags, summary: 'Every guide, for editing', response: { 200: meetingGuideListSchema } } },
    async () => listGuides({ db }),
  );

  app.post(
    '/api/admin/meeting-guides',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Write a new guide (409 if the slug is taken)',
        body: meetingGuideInputSchema,
        response: { 201: meetingGuideSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createGuide({ db, actor: actorOf(request), input: request.body })),
  );

  app.put(
    '/api/admin/meeting-guides/:id',
    {
      config: admins,
      schema: { tags, summary: 'Replace a guide', params: idParams, body: meetingGuideInputSchema, response: { 200: meetingGuideSchema } },
    },
    async (request) => updateGuide({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.delete(
    '/api/admin/meeting-guides/:id',
    { config: admins, schema: { tags, summary: 'Delete a guide', params: idParams, response: { 204: z.undefined() } } },
    async (request, reply) => {
      await deleteGuide({ db, actor: actorOf(request), id: request.params.id });
      return reply.status(204).send();
    },
  );
}
