import { idempotencyHeaders } from '../../../shared/contracts/checkins.ts';
import { idParams } from '../../../shared/contracts/common.ts';
import {
  conversationListSchema,
  conversationSummarySchema,
  MESSAGE_LIMITS,
  markReadResultSchema,
  markReadSchema,
  messageSchema,
  openConversationSchema,
  sendMessageSchema,
  threadQuery,
  threadSchema,
  unreadTotalSchema,
} from '../../../shared/contracts/messages.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { getThread, listConversations, markRead, openConversation, sendMessage, unreadTotal } from './messages.service.ts';

const tags = ['messages'];

export function messageRoutes(app: FastifyZod) {
  const db = app.ctx.db;

  app.get(
    '/api/messages/conversations',
    {
      schema: {
        tags,
        summary: 'My conversations: who, unread count, last message, whether I can still send',
        response: { 200: conversationListSchema },
      },
    },
    async (request) => listConversations({ db, actor: actorOf(request) }),
  );

  app.get(
    '/api/messages/unread',
    { schema: { tags, summary: 'How many messages to me are unread, across my conversations', response: { 200: unreadTotalSchema } } },
    async (request) => unreadTotal({ db, actor: actorOf(request) }),
  );

  app.post(
    '/api/messages/conversations',
    {
      schema: {
        tags,
        summary: 'Open (get or create) my conversation with my coach, client or accountability partner; 404 when we are not linked',
        body: openConversationSchema,
        response: { 200: conversationSummarySchema, 201: conversationSummarySchema },
      },
    },
    async (request, reply) => {
      const answer = await openConversation({ db, actor: actorOf(request), kind: request.body.kind, withId: request.body.with });
      return reply.status(answer.status as 200 | 201).send(answer.body);
    },
  );

  app.get(
    '/api/messages/conversations/:id',
    {
      schema: {
        tags,
        summary: 'Messages of a conversation: after=<seq> for new ones (polling), before=<seq> for older ones, neither for the latest page',
        params: idParams,
        querystring: threadQuery,
        response: { 200: threadSchema },
      },
    },
    async (request) =>
      getThread({ db, actor: actorOf(request), id: request.params.id, after: request.query.after, before: request.query.before }),
  );

  app.post(
    '/api/messages/conversations/:id',
    {
      config: { rateLimit: rateLimit(app.ctx, MESSAGE_LIMITS.perMinute, 1, 'user') },
      schema: {
        tags,
        summary: 'Send a plain-text message (409 once the conversation has ended); replays with an Idempotency-Key send nothing twice',
        params: idParams,
        headers: idempotencyHeaders,
        body: sendMessageSchema,
        response: { 201: messageSchema },
      },
    },
    async (request, reply) => {
      const answer = await sendMessage({
        db,
        actor: actorOf(request),
        id: request.params.id,
        body: request.body.body,
        request: {
          key: request.headers['idempotency-key'],
          method: request.method,
          path: request.url.split('?')[0] ?? request.url,
          rawBody: request.body,
        },
      });
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(answer.body);
    },
  );

  app.post(
    '/api/messages/conversations/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark the other person’s messages up to a sequence number read (their read receipts)',
        params: idParams,
        body: markReadSchema,
        response: { 200: markReadResultSchema },
      },
    },
    async (request) => markRead({ db, actor: actorOf(request), id: request.params.id, upTo: request.body.upTo }),
  );
}
