import { admin } from './en/admin.ts';
import { auth } from './en/auth.ts';
import { common } from './en/common.ts';
import { journey } from './en/journey.ts';
import { myData } from './en/my-data.ts';
import { people } from './en/people.ts';
import { plans } from './en/plans.ts';
import { privacy } from './en/privacy.ts';
import { profile } from './en/profile.ts';
import { reminders } from './en/reminders.ts';
import { security } from './en/security.ts';

/** English: the source language. Every other language has exactly these keys (checked by TypeScript). */
export const en = {
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

export type Translation = typeof en;
