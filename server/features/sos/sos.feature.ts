import type { Feature } from '../../lib/feature.ts';
import { sosMyData } from './sos.my-data.ts';
import { sosRoutes } from './sos.routes.ts';

/** SOS: alerts everyone holding the member’s `sos` grant. */
export const sosFeature: Feature = {
  name: 'sos',
  routes: [sosRoutes],
  tables: [...sosMyData.tables],
  myData: sosMyData,
};
