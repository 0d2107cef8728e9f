import { organization } from '../../db/schema/organization.ts';
import type { Feature } from '../../lib/feature.ts';
import { organizationRoutes } from './organization.routes.ts';

/** First-run setup and the organization’s settings. */
export const organizationFeature: Feature = {
  name: 'organization',
  routes: [organizationRoutes],
  tables: [organization],
  kept: [{ table: organization, why: 'The organization’s own settings (name, zone, crisis lines): no person’s data.' }],
};
