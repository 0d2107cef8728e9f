import type { Feature } from '../../lib/feature.ts';
import { assessmentsMyData } from './assessments.my-data.ts';
import { assessmentsRoutes } from './assessments.routes.ts';

/** BARC-10 and its history. */
export const assessmentsFeature: Feature = {
  name: 'assessments',
  routes: [assessmentsRoutes],
  tables: [...assessmentsMyData.tables],
  myData: assessmentsMyData,
};
