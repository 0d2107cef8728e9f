import { z } from 'zod';
import {
  createNoteSchema,
  createSessionSchema,
  noteListSchema,
  noteRevisionListSchema,
  noteSchema,
  referralListSchema,
  referralSchema,
  relationshipSessionsSchema,
  returnNoteSchema,
  sessionListSchema,
  sessionOutcomeSchema,
  sessionSchema,
  updateNoteSchema,
  updateReferralSchema,
  updateSessionSchema,
} from '../../../shared/contracts/coaching-sessions.ts';
import { idParams } from '../../../shared/contracts/common.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { listNoteRevisions, returnNote, updateNote } from './coaching-notes.corrections.ts';
import {
  createNote,
  listNotesAwaitingSignOff,
  listRelationshipNotes,
  listRelationshipReferrals,
  signOffNote,
  updateReferral,
} from './coaching-notes.service.ts';
import { sessionCalendar } from './coaching-sessions.calendar.ts';
import {
  listRelationshipSessions,
  listUpcomingSessions,
  scheduleSession,
  setSessionOutcome,
  updateSession,
} from './coaching-sessions.service.ts';

const tags = ['coaching-sessions'];

export function coachingSessionRoutes(app: FastifyZod) {
  const ctx = app.ctx;
  const db = ctx.db;
  const writes = rateLimit(ctx, 60, 60, 'user');

  // Sessions -----------------------------------------------------------------------------------
  app.get(
    '/api/coaching/relationships/:id/sessions',
    {
      schema: {
        tags,
        summary: 'A coaching relationship’s sessions, newest first (its member, its coach, supervisors)',
        params: idParams,
        response: { 200: relationshipSessionsSchema },
      },
    },
    async (request) => listRelationshipSessions({ db, actor: actorOf(request), relationshipId: request.params.id }),
  );
  app.post(
    '/api/coaching/relationships/:id/sessions',
    {
      config: { roles: ROLE_GROUPS.coaches, rateLimit: writes },
      schema: {
        tags,
        summary: 'Schedule a session (the relationship’s coach)',
        params: idParams,
        body: createSessionSchema,
        response: { 201: sessionSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await scheduleSession({ db, actor: actorOf(request), relationshipId: request.params.id, input: request.body })),
  );
  app.get(
    '/api/coaching/sessions/upcoming',
    { schema: { tags, summary: 'My coming sessions, as a coach or as a member', response: { 200: sessionListSchema } } },
    async (request) => listUpcomingSessions({ db, actor: actorOf(request) }),
  );
  app.patch(
    '/api/coaching/sessions/:id',
    {
      config: { roles: ROLE_GROUPS.coaches, rateLimit: writes },
      schema: {
        tags,
        summary: 'Change a scheduled session’s time, length, type or place',
        params: idParams,
        body: updateSessionSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request) => updateSession({ db, actor: actorOf(request), id: request.params.id, changes: request.body }),
  );
  app.post(
    '/api/coaching/sessions/:id/status',
    {
      config: { roles: ROLE_GROUPS.coaches, rateLimit: writes },
      schema: {
        tags,
        summary: 'Cancel a session, or record that it was completed or missed',
        params: idParams,
        body: sessionOutcomeSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request) => setSessionOutcome({ db, actor: actorOf(request), id: request.params.id, status: request.body.status }),
  );
  app.get(
    '/api/coaching/sessions/:id/calendar.ics',
    {
      config: { rateLimit: rateLimit(ctx, 60, 60, 'user') },
      schema: { tags, summary: 'The session as a calendar file (its two participants)', params: idParams, response: { 200: z.string() } },
    },
    async (request, reply) => {
      const file = await sessionCalendar({ db, actor: actorOf(request), id: request.params.id, publicUrl: ctx.config.publicUrl });
      reply.header('content-type', 'text/calendar; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return file.body;
    },
  );

  // Notes --------------------------------------------------------------------------------------
  app.get(
    '/api/coaching/relationships/:id/notes',
    {
      schema: {
        tags,
        summary: 'Notes about a relationship’s member (the member, the coach while open, supervisors: logged)',
        params: idParams,
        response: { 200: noteListSchema },
      },
    },
    async (request) => listRelationshipNotes({ db, actor: actorOf(request), relationshipId: request.params.id }),
  );
  app.post(
    '/api/coaching/relationships/:id/notes',
    {
      config: { roles: ROLE_GROUPS.coaches, rateLimit: writes },
      schema: {
        tags,
        summary: 'Document a contact (the relationship’s coach)',
        params: idParams,
        body: createNoteSchema,
        response: { 201: noteSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createNote({ db, actor: actorOf(request), relationshipId: request.params.id, input: request.body })),
  );
  app.patch(
    '/api/coaching/notes/:id',
    {
      config: { roles: ROLE_GROUPS.coaches, rateLimit: writes },
      schema: {
        tags,
        summary: 'Correct my note (the earlier text is kept; a signed-off note needs a reason and is signed off again)',
        params: idParams,
        body: updateNoteSchema,
        response: { 200: noteSchema },
      },
    },
    async (request) => updateNote({ db, actor: actorOf(request), id: request.params.id, changes: request.body }),
  );
  app.get(
    '/api/coaching/notes/awaiting-sign-off',
    {
      config: { roles: ROLE_GROUPS.oversight },
      schema: { tags, summary: 'Notes waiting for a supervisor’s sign-off, oldest first (logged)', response: { 200: noteListSchema } },
    },
    async (request) => listNotesAwaitingSignOff({ db, actor: actorOf(request) }),
  );
  app.post(
    '/api/coaching/notes/:id/sign-off',
    {
      config: { roles: ROLE_GROUPS.oversight, rateLimit: writes },
      schema: { tags, summary: 'Sign off a note (a supervisor; not one’s own)', params: idParams, response: { 200: noteSchema } },
    },
    async (request) => signOffNote({ db, actor: actorOf(request), id: request.params.id }),
  );
  app.post(
    '/api/coaching/notes/:id/return',
    {
      config: { roles: ROLE_GROUPS.oversight, rateLimit: writes },
      schema: {
        tags,
        summary: 'Return an unsigned note to its coach for changes, with a comment (a supervisor; not one’s own)',
        params: idParams,
        body: returnNoteSchema,
        response: { 200: noteSchema },
      },
    },
    async (request) => returnNote({ db, actor: actorOf(request), id: request.params.id, comment: request.body.comment }),
  );
  app.get(
    '/api/coaching/notes/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Earlier texts of a note, newest first (whoever may read the note; a supervisor’s read is logged)',
        params: idParams,
        response: { 200: noteRevisionListSchema },
      },
    },
    async (request) => listNoteRevisions({ db, actor: actorOf(request), id: request.params.id }),
  );

  // Referrals ----------------------------------------------------------------------------------
  app.get(
    '/api/coaching/relationships/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Referrals made for a relationship’s member (as notes)',
        params: idParams,
        response: { 200: referralListSchema },
      },
    },
    async (request) => listRelationshipReferrals({ db, actor: actorOf(request), relationshipId: request.params.id }),
  );
  app.patch(
    '/api/coaching/referrals/:id',
    {
      config: { roles: ROLE_GROUPS.coaches, rateLimit: writes },
      schema: {
        tags,
        summary: 'Record how a referral went (the relationship’s coach)',
        params: idParams,
        body: updateReferralSchema,
        response: { 200: referralSchema },
      },
    },
    async (request) => updateReferral({ db, actor: actorOf(request), id: request.params.id, status: request.body.status }),
  );
}
