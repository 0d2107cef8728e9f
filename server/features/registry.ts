import { idempotencyKeys, instanceSecrets, rateCounters } from '../db/schema/core.ts';
import type { Feature } from '../lib/feature.ts';
import { idempotencyMyData } from '../lib/idempotency.ts';
import { assessmentsFeature } from './assessments/assessments.feature.ts';
import { auditFeature } from './audit/audit.feature.ts';
import { authFeature } from './auth/auth.feature.ts';
import { buddiesFeature } from './buddies/buddies.feature.ts';
import { caseloadFeature } from './caseload/caseload.feature.ts';
import { checkinsFeature } from './checkins/checkins.feature.ts';
import { clocksFeature } from './clocks/clocks.feature.ts';
import { coachingFeature } from './coaching/coaching.feature.ts';
import { coachingSessionsFeature } from './coaching-sessions/coaching-sessions.feature.ts';
import { consentFeature } from './consent/consent.feature.ts';
import { eventsFeature } from './events/events.feature.ts';
import { healthFeature } from './health/health.feature.ts';
import { invitesFeature } from './invites/invites.feature.ts';
import { mailFeature } from './mail/mail.feature.ts';
import { meetingGuidesFeature } from './meeting-guides/meeting-guides.feature.ts';
import { meetingSourcesFeature } from './meeting-sources/meeting-sources.feature.ts';
import { meetingsFeature } from './meetings/meetings.feature.ts';
import { messagesFeature } from './messages/messages.feature.ts';
import { mfaFeature } from './mfa/mfa.feature.ts';
import { myDataFeature } from './my-data/my-data.feature.ts';
import { myMeetingsFeature } from './my-meetings/my-meetings.feature.ts';
import { notificationsFeature } from './notifications/notifications.feature.ts';
import { organizationFeature } from './organization/organization.feature.ts';
import { ownMeetingsFeature } from './own-meetings/own-meetings.feature.ts';
import { partnersFeature } from './partners/partners.feature.ts';
import { peopleFeature } from './people/people.feature.ts';
import { plansFeature } from './plans/plans.feature.ts';
import { profileFeature } from './profile/profile.feature.ts';
import { reasonsFeature } from './reasons/reasons.feature.ts';
import { remindersFeature } from './reminders/reminders.feature.ts';
import { sosFeature } from './sos/sos.feature.ts';
import { todayFeature } from './today/today.feature.ts';

/**
 * The tables of the cores (server/lib): offline-write replies (lib/idempotency.ts), the
 * installation's generated keys (lib/instance-secret.ts) and the shared rate counters (lib/rate-counters.ts). Listed like a feature so ownership and
 * "my data" cover them too.
 */
export const coreTables: Feature = {
  name: 'core',
  tables: [idempotencyKeys, instanceSecrets, rateCounters],
  myData: idempotencyMyData,
  kept: [
    { table: instanceSecrets, why: 'Keys generated at first start (session secret, Web Push): the installation’s, not a person’s.' },
    { table: rateCounters, why: 'Request counts per IP or keyed hash for rate limits, gone a day after their window: no one’s record.' },
  ],
};

/**
 * Every server feature, once. app.ts registers their routes, jobs.ts their sweeps, and "my data"
 * exports and erases in this order, which matters for erasure: a feature's rows go before the rows
 * they hang on (sessions and notes before the relationships; conversations before partnerships end;
 * partnerships and coaching, which revoke grants, before the grants themselves), and the account's
 * own credentials last.
 */
export const FEATURES: readonly Feature[] = [
  healthFeature,
  organizationFeature,
  checkinsFeature,
  clocksFeature,
  reasonsFeature,
  plansFeature,
  assessmentsFeature,
  sosFeature,
  caseloadFeature,
  messagesFeature,
  partnersFeature,
  coachingSessionsFeature,
  myMeetingsFeature,
  buddiesFeature,
  coachingFeature,
  eventsFeature,
  consentFeature,
  remindersFeature,
  notificationsFeature,
  coreTables,
  authFeature,
  mfaFeature,
  invitesFeature,
  peopleFeature,
  profileFeature,
  auditFeature,
  mailFeature,
  myDataFeature,
  meetingsFeature,
  meetingSourcesFeature,
  ownMeetingsFeature,
  meetingGuidesFeature,
  todayFeature,
];
