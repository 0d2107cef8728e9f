import type { Feature } from '../../lib/feature.ts';
import { myDataRoutes } from './my-data.routes.ts';

/** "My data": the export of everything of mine, and deleting my account. */
export const myDataFeature: Feature = {
  name: 'my-data',
  routes: [myDataRoutes],
  tables: [],
};
