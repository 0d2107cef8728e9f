import type { Feature } from '../../lib/feature.ts';
import { mfaRoutes } from './mfa.routes.ts';

/** Two-factor sign-in (TOTP) and recovery codes; its columns are on the account row. */
export const mfaFeature: Feature = {
  name: 'mfa',
  routes: [mfaRoutes],
  tables: [],
};
