import { signInLocks, users } from '../../db/schema/auth.ts';
import type { Feature } from '../../lib/feature.ts';
import { authMyData } from './auth.my-data.ts';
import { authRoutes } from './auth.routes.ts';
import { pruneThrottlesSweep } from './auth.sweep.ts';

/** Accounts, sign-in and sign-out, sign-up by link, password reset and change. */
export const authFeature: Feature = {
  name: 'auth',
  routes: [authRoutes],
  sweeps: [pruneThrottlesSweep],
  tables: [...authMyData.tables, users, signInLocks],
  myData: authMyData,
  kept: [
    { table: users, why: 'The account row stays, de-identified (decision 005): logs and invitations refer to it by id.' },
    {
      table: signInLocks,
      why: 'Failed sign-ins by keyed hashes of an address and an IP, for any address typed, kept a day at most: no one’s record.',
    },
  ],
};
