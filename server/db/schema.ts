// The complete schema object Drizzle needs for typed queries; tables live in schema/<area>.ts.
import * as accounts from './schema/accounts.ts';
import * as coaching from './schema/coaching.ts';
import * as community from './schema/community.ts';
import * as consent from './schema/consent.ts';
import * as mail from './schema/mail.ts';
import * as meetings from './schema/meetings.ts';
import * as notifications from './schema/notifications.ts';
import * as organization from './schema/organization.ts';
import * as recovery from './schema/recovery.ts';

export const schema = {
  ...accounts,
  ...coaching,
  ...community,
  ...consent,
  ...mail,
  ...meetings,
  ...notifications,
  ...organization,
  ...recovery,
};
export type Schema = typeof schema;
