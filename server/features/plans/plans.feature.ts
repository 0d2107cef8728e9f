import type { Feature } from '../../lib/feature.ts';
import { plansMyData } from './plans.my-data.ts';
import { plansRoutes, safetyPlanRoutes } from './plans.routes.ts';

/** The recovery plan and the safety plan, versioned. */
export const plansFeature: Feature = {
  name: 'plans',
  routes: [plansRoutes, safetyPlanRoutes],
  tables: [...plansMyData.tables],
  myData: plansMyData,
};
