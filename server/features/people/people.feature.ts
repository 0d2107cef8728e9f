import type { Feature } from '../../lib/feature.ts';
import { peopleRoutes } from './people.routes.ts';

/** Person cards, alias search; roles and disabling accounts for admins. */
export const peopleFeature: Feature = {
  name: 'people',
  routes: [peopleRoutes],
  tables: [],
};
