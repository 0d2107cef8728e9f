import { idParams, okSchema } from '../../../shared/contracts/common.ts';
import {
  notificationListSchema,
  pushKeySchema,
  pushSubscriptionSchema,
  removePushSubscriptionSchema,
  unreadCountSchema,
} from '../../../shared/contracts/reminders.ts';
import type { FastifyZod } from '../../http.ts';
import { actorOf } from '../../plugins/session.ts';
import { getPushKey, removePushSubscription, savePushSubscription } from './notifications.push.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.service.ts';

// Still grouped under "reminders" in the OpenAPI document, where these routes were first published.
const tags = ['reminders'];

export function notificationRoutes(app: FastifyZod) {
  const db = app.ctx.db;
  app.get(
    '/api/me/notifications',
    { schema: { tags, summary: 'My notifications, newest first, and how many are unread', response: { 200: notificationListSchema } } },
    async (request) => listNotifications({ db, actor: actorOf(request) }),
  );
  app.post(
    '/api/me/notifications/read-all',
    { schema: { tags, summary: 'Mark all my notifications read', response: { 200: unreadCountSchema } } },
    async (request) => markAllNotificationsRead({ db, actor: actorOf(request) }),
  );
  app.post(
    '/api/me/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of my notifications read', params: idParams, response: { 200: unreadCountSchema } } },
    async (request) => markNotificationRead({ db, actor: actorOf(request), id: request.params.id }),
  );
  app.get(
    '/api/me/push/key',
    { schema: { tags, summary: 'The server’s Web Push (VAPID) public key, to subscribe a browser', response: { 200: pushKeySchema } } },
    async () => getPushKey({ db }),
  );
  app.put(
    '/api/me/push-subscriptions',
    {
      schema: {
        tags,
        summary: 'Receive my reminders on this browser (Web Push)',
        body: pushSubscriptionSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => savePushSubscription({ db, actor: actorOf(request), subscription: request.body }),
  );
  app.post(
    '/api/me/push-subscriptions/remove',
    {
      schema: {
        tags,
        summary: 'Stop reminders on this browser',
        body: removePushSubscriptionSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => removePushSubscription({ db, actor: actorOf(request), endpoint: request.body.endpoint }),
  );
}
