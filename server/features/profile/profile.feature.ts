import { profiles } from '../../db/schema/profile.ts';
import type { Feature } from '../../lib/feature.ts';
import { profileMyData } from './profile.my-data.ts';
import { profileRoutes } from './profile.routes.ts';

/** A person’s own profile, and another’s through the `profile` scope. */
export const profileFeature: Feature = {
  name: 'profile',
  routes: [profileRoutes],
  tables: [...profileMyData.tables, profiles],
  myData: profileMyData,
  kept: [{ table: profiles, why: 'The profile row stays with the account, de-identified (decision 005).' }],
};
