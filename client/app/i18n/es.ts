import type { Translation } from './en.ts';
import { admin } from './es/admin.ts';
import { auth } from './es/auth.ts';
import { buddies } from './es/buddies.ts';
import { caseload } from './es/caseload.ts';
import { coaching } from './es/coaching.ts';
import { coachingSessions } from './es/coaching-sessions.ts';
import { common } from './es/common.ts';
import { events } from './es/events.ts';
import { journey } from './es/journey.ts';
import { meetingSources } from './es/meeting-sources.ts';
import { meetings } from './es/meetings.ts';
import { messages } from './es/messages.ts';
import { myData } from './es/my-data.ts';
import { myMeetings } from './es/my-meetings.ts';
import { ownMeetings } from './es/own-meetings.ts';
import { partners } from './es/partners.ts';
import { people } from './es/people.ts';
import { personView } from './es/person-view.ts';
import { plans } from './es/plans.ts';
import { privacy } from './es/privacy.ts';
import { profile } from './es/profile.ts';
import { reminders } from './es/reminders.ts';
import { security } from './es/security.ts';
import { today } from './es/today.ts';

/** Español (neutral, trato de "tú"). Each area file is typed by its English twin, so the keys match. */
export const es: Translation = {
  ...common,
  ...auth,
  ...profile,
  ...privacy,
  ...security,
  ...admin,
  ...people,
  ...personView,
  ...journey,
  ...plans,
  ...myData,
  ...reminders,
  ...coachingSessions,
  ...messages,
  ...meetings,
  ...partners,
  ...coaching,
  ...caseload,
  ...ownMeetings,
  ...meetingSources,
  ...myMeetings,
  ...buddies,
  ...events,
  ...today,
};
