import { admin } from './en/admin.ts';
import { auth } from './en/auth.ts';
import { buddies } from './en/buddies.ts';
import { caseload } from './en/caseload.ts';
import { coaching } from './en/coaching.ts';
import { coachingSessions } from './en/coaching-sessions.ts';
import { common } from './en/common.ts';
import { events } from './en/events.ts';
import { journey } from './en/journey.ts';
import { meetingSources } from './en/meeting-sources.ts';
import { meetings } from './en/meetings.ts';
import { messages } from './en/messages.ts';
import { myData } from './en/my-data.ts';
import { myMeetings } from './en/my-meetings.ts';
import { ownMeetings } from './en/own-meetings.ts';
import { partners } from './en/partners.ts';
import { people } from './en/people.ts';
import { personView } from './en/person-view.ts';
import { plans } from './en/plans.ts';
import { privacy } from './en/privacy.ts';
import { profile } from './en/profile.ts';
import { reminders } from './en/reminders.ts';
import { security } from './en/security.ts';
import { today } from './en/today.ts';

/** English: the source language. Every other language has exactly these keys (checked by TypeScript). */
export const en = {
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
  ...caseload,
  ...coaching,
  ...ownMeetings,
  ...meetingSources,
  ...myMeetings,
  ...buddies,
  ...events,
  ...today,
};

export type Translation = typeof en;
