import type { Feature } from '../../lib/feature.ts';
import { clocksMyData } from './clocks.my-data.ts';
import { clockRoutes } from './clocks.routes.ts';

/** Recovery clocks and milestones. */
export const clocksFeature: Feature = {
  name: 'clocks',
  routes: [clockRoutes],
  tables: [...clocksMyData.tables],
  myData: clocksMyData,
};
