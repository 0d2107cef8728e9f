import type { Feature } from '../../lib/feature.ts';
import { todayRoutes } from './today.routes.ts';

/** The home page's "today": a read composed of other features' public reads; it owns no table. */
export const todayFeature: Feature = {
  name: 'today',
  routes: [todayRoutes],
  tables: [],
};
