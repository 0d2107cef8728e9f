import { putReminderPreferencesSchema, reminderPreferencesSchema } from '../../../shared/contracts/reminders.ts';
import type { FastifyZod } from '../../http.ts';
import { actorOf } from '../../plugins/session.ts';
import { getReminderPreferences, putReminderPreferences } from './reminders.service.ts';

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
}
