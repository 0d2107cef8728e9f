import { users } from '../../db/schema/auth.ts';
import type { Feature } from '../../lib/feature.ts';
import { authMyData } from './auth.my-data.ts';
import { authRoutes } from './auth.routes.ts';

/** Accounts, sign-in and sign-out, sign-up by link, password reset and change. */
export const authFeature: Feature = {
  name: 'auth',
  routes: [authRoutes],
  tables: [...authMyData.tables, users],
  myData: authMyData,
  kept: [{ table: users, why: 'The account row stays, de-identified (decision 005): logs and invitations refer to it by id.' }],
};
