import { idParams } from '../../../shared/contracts/common.ts';
import {
  notificationListSchema,
  putReminderPreferencesSchema,
  reminderPreferencesSchema,
  unreadCountSchema,
} from '../../../shared/contracts/reminders.ts';
import type { FastifyZod } from '../../http.ts';
import { actorOf } from '../../plugins/session.ts';
import {
  getReminderPreferences,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  putReminderPreferences,
} from './reminders.service.ts';

const tags = ['reminders'];

export function reminderRoutes(app: FastifyZod) {
  const db = app.ctx.db;
  app.get(
    '/api/me/reminders',
    { schema: { tags, summary: 'My reminder choices (defaults until I save them)', response: { 200: reminderPreferencesSchema } } },
    async (request) => getReminderPreferences({ db, actor: actorOf(request) }),
  );
  app.put(
    '/api/me/reminders',
    {
      schema: {
        tags,
        summary: 'Replace my reminder choices',
        body: putReminderPreferencesSchema,
        response: { 200: reminderPreferencesSchema },
      },
    },
    async (request) => putReminderPreferences({ db, actor: actorOf(request), preferences: request.body }),
  );
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
}
