import { events } from '../../db/schema/events.ts';
import type { Feature } from '../../lib/feature.ts';
import { eventsMyData } from './events.my-data.ts';
import { eventRoutes } from './events.routes.ts';
import { runEventReminderSweep } from './events.sweep.ts';

/** Sober events and workshops with places and a waitlist. */
export const eventsFeature: Feature = {
  name: 'events',
  routes: [eventRoutes],
  sweeps: [{ queue: 'event-reminders-sweep', run: runEventReminderSweep }],
  tables: [...eventsMyData.tables, events],
  myData: eventsMyData,
  kept: [{ table: events, why: 'Events belong to the organization (any organizer edits them), not to the person who typed them in.' }],
};
