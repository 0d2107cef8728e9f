import type { Feature } from '../../lib/feature.ts';
import { caseloadMyData } from './caseload.my-data.ts';
import { caseloadRoutes } from './caseload.routes.ts';
import { runRiskSweep } from './caseload.sweep.ts';

/** The coach’s caseload and the risk sweep. */
export const caseloadFeature: Feature = {
  name: 'caseload',
  routes: [caseloadRoutes],
  sweeps: [{ queue: 'risk-sweep', run: runRiskSweep }],
  tables: [...caseloadMyData.tables],
  myData: caseloadMyData,
};
