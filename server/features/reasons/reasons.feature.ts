import type { Feature } from '../../lib/feature.ts';
import { reasonsMyData } from './reasons.my-data.ts';
import { reasonRoutes } from './reasons.routes.ts';

/** "My reasons", never shared. */
export const reasonsFeature: Feature = {
  name: 'reasons',
  routes: [reasonRoutes],
  tables: [...reasonsMyData.tables],
  myData: reasonsMyData,
};
