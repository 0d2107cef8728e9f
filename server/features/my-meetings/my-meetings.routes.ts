import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common.ts';
import {
  attendanceEntrySchema,
  attendancePageSchema,
  attendanceQuerySchema,
  calendarFileParams,
  calendarSubscriptionSchema,
  issuedCodeSchema,
  logAttendanceSchema,
  MY_MEETINGS_LIMITS,
  meetingIdParams,
  myMeetingStatusSchema,
  newCalendarSubscriptionSchema,
  savedMeetingListSchema,
  secretaryListSchema,
  secretaryParams,
} from '../../../shared/contracts/my-meetings.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { calendarSubscriptionOf, createOrRotateSubscription, revokeSubscription, subscribedCalendar } from './my-meetings.calendar.ts';
import { addSecretary, codeTries, issueCode, listSecretaries, removeSecretary } from './my-meetings.codes.ts';
import {
  deleteAttendance,
  listAttendance,
  listSavedMeetings,
  logAttendance,
  myMeetingStatus,
  saveMeeting,
  unsaveMeeting,
} from './my-meetings.service.ts';

const tags = ['my-meetings'];
const signedIn = { access: 'user' } as const;
/** A role miss is 404, as if the routes did not exist. */
const admins = { access: 'user', roles: ROLE_GROUPS.admins } as const;
const noContent = { 204: z.undefined() };

/** Saved meetings, "I went", proof-of-attendance codes and the private calendar of saved meetings. */
export function myMeetingRoutes(app: FastifyZod) {
  const ctx = app.ctx;
  const db = ctx.db;
  const tries = codeTries(
    Math.max(1, Math.round(MY_MEETINGS_LIMITS.codeTries * ctx.rateLimitMultiplier)),
    MY_MEETINGS_LIMITS.codeTriesMinutes * 60_000,
  );

  app.get(
    '/api/me/meetings',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'My saved meetings, soonest first, with the next start in my zone',
        response: { 200: savedMeetingListSchema },
      },
    },
    async (request) => listSavedMeetings({ db, actor: actorOf(request) }),
  );

  // Static segments win over /:meetingId, so the calendar address routes are not read as a meeting id.
  app.get(
    '/api/me/meetings/calendar',
    {
      config: signedIn,
      schema: { tags, summary: 'Whether my private meetings calendar address exists', response: { 200: calendarSubscriptionSchema } },
    },
    async (request) => calendarSubscriptionOf({ db, actor: actorOf(request) }),
  );

  app.post(
    '/api/me/meetings/calendar',
    {
      config: { ...signedIn, rateLimit: rateLimit(ctx, 20, 60, 'user') },
      schema: {
        tags,
        summary: 'Make (or replace) the secret address of my saved meetings calendar; the old address stops working. Shown once.',
        response: { 201: newCalendarSubscriptionSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrRotateSubscription({ db, actor: actorOf(request), publicUrl: ctx.config.publicUrl })),
  );

  app.delete(
    '/api/me/meetings/calendar',
    { config: signedIn, schema: { tags, summary: 'Stop my private meetings calendar address', response: noContent } },
    async (request, reply) => {
      await revokeSubscription({ db, actor: actorOf(request) });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me/meetings/:meetingId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'For a meeting’s page: saved or not, "I went" today, whether I may issue today’s code',
        params: meetingIdParams,
        response: { 200: myMeetingStatusSchema },
      },
    },
    async (request) => myMeetingStatus({ db, actor: actorOf(request), meetingId: request.params.meetingId }),
  );

  app.put(
    '/api/me/meetings/:meetingId',
    {
      config: signedIn,
      schema: { tags, summary: 'Save a meeting (saving twice is saving once)', params: meetingIdParams, response: noContent },
    },
    async (request, reply) => {
      await saveMeeting({ db, actor: actorOf(request), meetingId: request.params.meetingId });
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/me/meetings/:meetingId',
    {
      config: signedIn,
      schema: { tags, summary: 'Unsave a meeting (404 if I had not saved it)', params: meetingIdParams, response: noContent },
    },
    async (request, reply) => {
      await unsaveMeeting({ db, actor: actorOf(request), meetingId: request.params.meetingId });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/meeting-attendance',
    {
      config: { ...signedIn, rateLimit: rateLimit(ctx, 60, 15, 'user') },
      schema: {
        tags,
        summary:
          '"I went": today (in the meeting’s zone) or up to 30 days back; 201 new, 200 already logged. With today’s code: verified (422 for a wrong code).',
        body: logAttendanceSchema,
        response: { 200: attendanceEntrySchema, 201: attendanceEntrySchema },
      },
    },
    async (request, reply) => {
      const { created, entry } = await logAttendance({ db, actor: actorOf(request), input: request.body, tries });
      return reply.status(created ? 201 : 200).send(entry);
    },
  );

  app.get(
    '/api/me/meeting-attendance',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Meetings I went to, newest first (paged)',
        querystring: attendanceQuerySchema,
        response: { 200: attendancePageSchema },
      },
    },
    async (request) => listAttendance({ db, actor: actorOf(request), cursor: request.query.cursor }),
  );

  app.delete(
    '/api/me/meeting-attendance/:id',
    { config: signedIn, schema: { tags, summary: 'Delete one of my attendance entries', params: idParams, response: noContent } },
    async (request, reply) => {
      await deleteAttendance({ db, actor: actorOf(request), id: request.params.id });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/calendars/meetings/:file',
    {
      config: { access: 'public', rateLimit: rateLimit(ctx, 60, 5) },
      schema: {
        tags,
        summary: 'A private "my meetings" calendar (the secret token is the only credential; 404 when unknown or replaced)',
        params: calendarFileParams,
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const body = await subscribedCalendar(db, request.params.file.slice(0, -'.ics'.length));
      reply.header('content-type', 'text/calendar; charset=utf-8');
      // The address is a secret: no shared cache may keep or index it.
      reply.header('cache-control', 'private, no-store');
      reply.header('x-robots-tag', 'noindex');
      return body;
    },
  );

  app.get(
    '/api/meetings/:id/secretaries',
    {
      config: admins,
      schema: { tags, summary: 'The secretaries of a meeting (administrators)', params: idParams, response: { 200: secretaryListSchema } },
    },
    async (request) => listSecretaries(db, request.params.id),
  );

  app.put(
    '/api/meetings/:id/secretaries/:personId',
    {
      config: admins,
      schema: { tags, summary: 'Name a secretary of a meeting (administrators)', params: secretaryParams, response: noContent },
    },
    async (request, reply) => {
      await addSecretary(db, request.params.id, request.params.personId);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/meetings/:id/secretaries/:personId',
    {
      config: admins,
      schema: { tags, summary: 'Remove a secretary of a meeting (administrators)', params: secretaryParams, response: noContent },
    },
    async (request, reply) => {
      await removeSecretary(db, request.params.id, request.params.personId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/meetings/:id/attendance-code',
    {
      config: { ...signedIn, rateLimit: rateLimit(ctx, 30, 60, 'user') },
      schema: {
        tags,
        summary:
          'Issue today’s proof-of-attendance code (secretaries of the meeting and administrators; shown once, replaces any earlier one)',
        params: idParams,
        response: { 201: issuedCodeSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await issueCode({ db, actor: actorOf(request), meetingId: request.params.id })),
  );
}
