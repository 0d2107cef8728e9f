import type { Feature } from '../../lib/feature.ts';
import { coachingSessionsMyData } from './coaching-sessions.my-data.ts';
import { coachingSessionRoutes } from './coaching-sessions.routes.ts';
import { runSessionReminderSweep } from './coaching-sessions.sweep.ts';

/** Coaching sessions, notes with sign-off, referrals. */
export const coachingSessionsFeature: Feature = {
  name: 'coaching-sessions',
  routes: [coachingSessionRoutes],
  sweeps: [{ queue: 'session-reminders-sweep', run: runSessionReminderSweep }],
  tables: [...coachingSessionsMyData.tables],
  myData: coachingSessionsMyData,
};
