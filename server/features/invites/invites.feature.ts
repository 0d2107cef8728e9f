import type { Feature } from '../../lib/feature.ts';
import { invitesMyData } from './invites.my-data.ts';
import { inviteRoutes } from './invites.routes.ts';

/** Invitations by emailed link, with roles. */
export const invitesFeature: Feature = {
  name: 'invites',
  routes: [inviteRoutes],
  tables: [...invitesMyData.tables],
  myData: invitesMyData,
};
