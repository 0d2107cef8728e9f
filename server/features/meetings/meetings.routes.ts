import { z } from 'zod';
import {
  meetingDetailSchema,
  meetingFacetsSchema,
  meetingFinderQuerySchema,
  meetingListSchema,
} from '../../../shared/contracts/meetings.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { meetingCalendar } from './meetings.calendar.ts';
import { meetingFacets } from './meetings.facets.ts';
import { findMeetings } from './meetings.finder.ts';
import { exportFeed, getMeeting } from './meetings.service.ts';

/** Any id shape (up to the router's 100 characters): one that names no meeting is a 404 (meetingRow), never a 400 about its form. */
const meetingIdParams = z.object({ id: z.string().min(1).max(100) });

const tags = ['meetings'];

/** The public meeting directory: finder, detail, Meeting Guide export, calendar files. No sign-in. */
export function meetingRoutes(app: FastifyZod) {
  const ctx = app.ctx;
  const db = ctx.db;
  const reads = rateLimit(ctx, 300, 5, 'ip', { perProcess: true });

  app.get(
    '/api/meetings',
    {
      config: { access: 'public', rateLimit: reads },
      schema: {
        tags,
        summary: 'Find meetings: time window, attendance, types, language, accessibility, distance (paged)',
        querystring: meetingFinderQuerySchema,
        response: { 200: meetingListSchema },
      },
    },
    async (request) => findMeetings({ db, query: request.query }),
  );

  // Registered before /:id so the static path wins (Fastify prefers static segments anyway).
  app.get(
    '/api/meetings/feed.json',
    {
      config: { access: 'public', rateLimit: rateLimit(ctx, 30, 5) },
      schema: { tags, summary: 'The organization’s meetings as a Meeting Guide feed (open CORS)', response: { 200: z.unknown() } },
    },
    async (_request, reply) => {
      // Public directory data, the same for everyone: shared caches may keep it for 5 minutes.
      reply.header('access-control-allow-origin', '*');
      reply.header('cache-control', 'public, max-age=300');
      reply.header('content-type', 'application/json; charset=utf-8');
      return reply.send(exportFeed({ db }));
    },
  );

  app.get(
    '/api/meetings/facets',
    {
      config: { access: 'public', rateLimit: reads },
      schema: {
        tags,
        summary: 'What the finder can filter by: fellowships, languages, regions with a point, the map tiles',
        response: { 200: meetingFacetsSchema },
      },
    },
    async (_request, reply) => {
      // The same for every caller and slow to change: shared caches may keep it for 5 minutes.
      reply.header('cache-control', 'public, max-age=300');
      return meetingFacets({ db, config: ctx.config });
    },
  );

  app.get(
    '/api/meetings/:id',
    {
      config: { access: 'public', rateLimit: reads },
      schema: { tags, summary: 'One meeting, every field', params: meetingIdParams, response: { 200: meetingDetailSchema } },
    },
    async (request) => getMeeting({ db, id: request.params.id }),
  );

  app.get(
    '/api/meetings/:id/calendar.ics',
    {
      config: { access: 'public', rateLimit: reads },
      schema: {
        tags,
        summary: 'A weekly meeting as a calendar file (RRULE, VTIMEZONE)',
        params: meetingIdParams,
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const file = await meetingCalendar({ db, id: request.params.id });
      reply.header('content-type', 'text/calendar; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return file.body;
    },
  );
}
