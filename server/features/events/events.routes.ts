import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common.ts';
import {
  attendeeListSchema,
  cancelEventSchema,
  createEventSchema,
  eventListQuerySchema,
  eventPageSchema,
  eventSchema,
  myRsvpSchema,
  updateEventSchema,
} from '../../../shared/contracts/events.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { eventCalendar } from './events.calendar.ts';

import { answerGoing, withdrawAnswer } from './events.rsvp.ts';
import { cancelEvent, createEvent, eventForViewer, listAttendees, listUpcomingEvents, updateEvent } from './events.service.ts';

const tags = ['events'];

export function eventRoutes(app: FastifyZod) {
  const ctx = app.ctx;
  const db = ctx.db;
  const organizers = { access: 'user', roles: ROLE_GROUPS.organizers, rateLimit: rateLimit(ctx, 60, 60, 'user') } as const;
  const answers = { access: 'user', rateLimit: rateLimit(ctx, 60, 60, 'user') } as const;

  app.get(
    '/api/events',
    {
      schema: {
        tags,
        summary: 'Events still to come (cancelled ones too), soonest first, with places left and my answer',
        querystring: eventListQuerySchema,
        response: { 200: eventPageSchema },
      },
    },
    async (request) => listUpcomingEvents({ db, actor: actorOf(request), limit: request.query.limit, cursor: request.query.cursor }),
  );

  app.post(
    '/api/events',
    {
      config: organizers,
      schema: {
        tags,
        summary: 'Create an event (organizers: admin, supervisor, coach); times are local to its zone',
        body: createEventSchema,
        response: { 201: eventSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createEvent({ db, actor: actorOf(request), input: request.body })),
  );

  app.get(
    '/api/events/:id',
    { schema: { tags, summary: 'One event, with places left and my answer', params: idParams, response: { 200: eventSchema } } },
    async (request) => eventForViewer({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.put(
    '/api/events/:id',
    {
      config: organizers,
      schema: {
        tags,
        summary: 'Change an event (organizers); capacity below the people going is 409, a raise moves the waitlist up',
        params: idParams,
        body: updateEventSchema,
        response: { 200: eventSchema },
      },
    },
    async (request) => updateEvent({ ctx, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/api/events/:id/cancel',
    {
      config: organizers,
      schema: {
        tags,
        summary: 'Cancel an event with a note (organizers); everyone going or waiting is told',
        params: idParams,
        body: cancelEventSchema,
        response: { 200: eventSchema },
      },
    },
    async (request) => cancelEvent({ ctx, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.get(
    '/api/events/:id/attendees',
    {
      config: { access: 'user', roles: ROLE_GROUPS.organizers },
      schema: {
        tags,
        summary: 'Who is going and who waits, by alias (organizers)',
        params: idParams,
        response: { 200: attendeeListSchema },
      },
    },
    async (request) => listAttendees(db, request.params.id),
  );

  app.put(
    '/api/events/:id/rsvp',
    {
      config: answers,
      schema: {
        tags,
        summary: 'I am going: a place if one is free, else the waitlist (409 when cancelled or started)',
        params: idParams,
        response: { 200: myRsvpSchema },
      },
    },
    async (request) => answerGoing({ ctx, actor: actorOf(request), eventId: request.params.id }),
  );

  app.delete(
    '/api/events/:id/rsvp',
    {
      config: answers,
      schema: {
        tags,
        summary: 'I cannot come: my place goes to the first person waiting, or I leave the waitlist',
        params: idParams,
        response: { 200: myRsvpSchema },
      },
    },
    async (request) => withdrawAnswer({ ctx, actor: actorOf(request), eventId: request.params.id }),
  );

  app.get(
    '/api/events/:id/calendar.ics',
    {
      config: { rateLimit: rateLimit(ctx, 60, 60, 'user') },
      schema: { tags, summary: 'The event as a calendar file', params: idParams, response: { 200: z.string() } },
    },
    async (request, reply) => {
      const file = await eventCalendar({ db, actor: actorOf(request), id: request.params.id, publicUrl: ctx.config.publicUrl });
      reply.header('content-type', 'text/calendar; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return file.body;
    },
  );
}
