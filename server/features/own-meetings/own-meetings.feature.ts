import type { Feature } from '../../lib/feature.ts';
import { ownMeetingRoutes } from './own-meetings.routes.ts';

/** The organization’s own groups, written to the directory through meetings. */
export const ownMeetingsFeature: Feature = {
  name: 'own-meetings',
  routes: [ownMeetingRoutes],
  tables: [],
};
