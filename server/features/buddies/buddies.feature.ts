import type { Feature } from '../../lib/feature.ts';
import { buddiesMyData } from './buddies.my-data.ts';
import { buddyRoutes } from './buddies.routes.ts';

/** First-meeting buddies. */
export const buddiesFeature: Feature = {
  name: 'buddies',
  routes: [buddyRoutes],
  tables: [...buddiesMyData.tables],
  myData: buddiesMyData,
};
