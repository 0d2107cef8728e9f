import type { Feature } from '../../lib/feature.ts';
import { messagesMyData } from './messages.my-data.ts';
import { messageRoutes } from './messages.routes.ts';

/** Two-person conversations stored with a sequence number. */
export const messagesFeature: Feature = {
  name: 'messages',
  routes: [messageRoutes],
  tables: [...messagesMyData.tables],
  myData: messagesMyData,
};
