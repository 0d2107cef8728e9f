// The complete schema object Drizzle needs for typed queries; each owning feature's tables live in
// schema/<feature>.ts (columns.ts: columns many tables share).
import * as assessments from './schema/assessments.ts';
import * as audit from './schema/audit.ts';
import * as auth from './schema/auth.ts';
import * as buddies from './schema/buddies.ts';
import * as caseload from './schema/caseload.ts';
import * as checkins from './schema/checkins.ts';
import * as clocks from './schema/clocks.ts';
import * as coaching from './schema/coaching.ts';
import * as coachingSessions from './schema/coaching-sessions.ts';
import * as consent from './schema/consent.ts';
import * as core from './schema/core.ts';
import * as events from './schema/events.ts';
import * as invites from './schema/invites.ts';
import * as mail from './schema/mail.ts';
import * as meetingGuides from './schema/meeting-guides.ts';
import * as meetingSources from './schema/meeting-sources.ts';
import * as meetings from './schema/meetings.ts';
import * as messages from './schema/messages.ts';
import * as myMeetings from './schema/my-meetings.ts';
import * as notifications from './schema/notifications.ts';
import * as organization from './schema/organization.ts';
import * as partners from './schema/partners.ts';
import * as plans from './schema/plans.ts';
import * as profile from './schema/profile.ts';
import * as reasons from './schema/reasons.ts';
import * as reminders from './schema/reminders.ts';
import * as sos from './schema/sos.ts';

export const schema = {
  ...assessments,
  ...audit,
  ...auth,
  ...buddies,
  ...caseload,
  ...checkins,
  ...clocks,
  ...coaching,
  ...coachingSessions,
  ...consent,
  ...events,
  ...core,
  ...invites,
  ...mail,
  ...meetingGuides,
  ...meetingSources,
  ...meetings,
  ...messages,
  ...myMeetings,
  ...notifications,
  ...organization,
  ...partners,
  ...plans,
  ...profile,
  ...reasons,
  ...reminders,
  ...sos,
};
export type Schema = typeof schema;
