import { accessLog, breakGlass } from '../../db/schema/consent.ts';
import type { Feature } from '../../lib/feature.ts';
import { consentMyData } from './consent.my-data.ts';
import { consentRoutes } from './consent.routes.ts';

/** Consent grants, the access log and break-glass: the policy core for other people’s records. */
export const consentFeature: Feature = {
  name: 'consent',
  routes: [consentRoutes],
  tables: [...consentMyData.tables, accessLog, breakGlass],
  myData: consentMyData,
  kept: [
    {
      table: accessLog,
      why: 'Who read whose record: kept by law (42 CFR Part 2 accounting of disclosures, HIPAA audit controls), decision 005.',
    },
    { table: breakGlass, why: 'Emergency reads of a record: kept with the access log, for the same legal reason.' },
  ],
};
