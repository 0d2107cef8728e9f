import type { Feature } from '../../lib/feature.ts';
import { mailMyData } from './mail.my-data.ts';
import { mailRoutes } from './mail.routes.ts';

/** The mailer (SMTP or held outbox) and the admin outbox. */
export const mailFeature: Feature = {
  name: 'mail',
  routes: [mailRoutes],
  tables: [...mailMyData.tables],
  myData: mailMyData,
};
