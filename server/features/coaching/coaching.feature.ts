import type { Feature } from '../../lib/feature.ts';
import { coachingMyData } from './coaching.my-data.ts';
import { coachingRoutes } from './coaching.routes.ts';

/** Peer coaching: coach profiles, intake, matching, relationships. */
export const coachingFeature: Feature = {
  name: 'coaching',
  routes: [coachingRoutes],
  tables: [...coachingMyData.tables],
  myData: coachingMyData,
};
