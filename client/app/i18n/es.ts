import type { Translation } from './en.ts';
import { admin } from './es/admin.ts';
import { auth } from './es/auth.ts';
import { common } from './es/common.ts';
import { journey } from './es/journey.ts';
import { myData } from './es/my-data.ts';
import { people } from './es/people.ts';
import { plans } from './es/plans.ts';
import { privacy } from './es/privacy.ts';
import { profile } from './es/profile.ts';
import { reminders } from './es/reminders.ts';
import { security } from './es/security.ts';

/** Español (neutral, trato de "tú"). Each area file is typed by its English twin, so the keys match. */
export const es: Translation = {
  ...common,
  ...auth,
  ...profile,
  ...privacy,
  ...security,
  ...admin,
  ...people,
  ...journey,
  ...plans,
  ...myData,
  ...reminders,
};
