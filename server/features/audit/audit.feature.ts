import { auditLog } from '../../db/schema/audit.ts';
import type { Feature } from '../../lib/feature.ts';
import { auditMyData } from './audit.my-data.ts';
import { auditRoutes } from './audit.routes.ts';

/** The append-only security log. */
export const auditFeature: Feature = {
  name: 'audit',
  routes: [auditRoutes],
  tables: [...auditMyData.tables, auditLog],
  myData: auditMyData,
  kept: [{ table: auditLog, why: 'Security events: kept by law like the access log (decision 005); exported to the person.' }],
};
