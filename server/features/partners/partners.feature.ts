import type { Feature } from '../../lib/feature.ts';
import { partnersMyData } from './partners.my-data.ts';
import { partnerRoutes } from './partners.routes.ts';

/** Accountability partners. */
export const partnersFeature: Feature = {
  name: 'partners',
  routes: [partnerRoutes],
  tables: [...partnersMyData.tables],
  myData: partnersMyData,
};
