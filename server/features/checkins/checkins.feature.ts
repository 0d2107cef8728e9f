import type { Feature } from '../../lib/feature.ts';
import { checkinsMyData } from './checkins.my-data.ts';
import { checkinRoutes } from './checkins.routes.ts';

/** Daily check-ins, trends and streaks. */
export const checkinsFeature: Feature = {
  name: 'checkins',
  routes: [checkinRoutes],
  tables: [...checkinsMyData.tables],
  myData: checkinsMyData,
};
