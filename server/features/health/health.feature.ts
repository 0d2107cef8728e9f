import type { Feature } from '../../lib/feature.ts';
import { healthRoutes } from './health.routes.ts';

/** Liveness and readiness of the server and its database. */
export const healthFeature: Feature = {
  name: 'health',
  routes: [healthRoutes],
  tables: [],
};
