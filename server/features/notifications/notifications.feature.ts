import type { Feature } from '../../lib/feature.ts';
import { notificationsMyData } from './notifications.my-data.ts';
import { notificationRoutes } from './notifications.routes.ts';

/** In-app notices (once per key), Web Push, the wording and language of what people are sent. */
export const notificationsFeature: Feature = {
  name: 'notifications',
  routes: [notificationRoutes],
  tables: [...notificationsMyData.tables],
  myData: notificationsMyData,
};
