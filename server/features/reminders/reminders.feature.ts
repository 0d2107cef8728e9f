import type { Feature } from '../../lib/feature.ts';
import { remindersMyData } from './reminders.my-data.ts';
import { reminderRoutes } from './reminders.routes.ts';
import { runReminderSweep } from './reminders.service.ts';

/** Reminder choices and the reminder sweep. */
export const remindersFeature: Feature = {
  name: 'reminders',
  routes: [reminderRoutes],
  sweeps: [{ queue: 'reminders-sweep', run: runReminderSweep }],
  tables: [...remindersMyData.tables],
  myData: remindersMyData,
};
