import { inRoleGroup } from '../../../shared/contracts/roles.ts';
import type { Actor } from '../../plugins/session.ts';

/**
 * Who organizes events: ROLE_GROUPS.organizers (admins, supervisors and coaches — the people who run
 * the organization's programme). Any organizer may edit or cancel any event (events belong to the
 * organization, not to the person who typed them in), and only organizers see who is coming. Everyone
 * signed in sees events and answers for themselves; nobody else sees anyone's answer. Anonymous callers
 * get 401 like every signed-in route: events are not on the open web.
 */
export function isOrganizer(actor: Pick<Actor, 'roles'>): boolean {
  return inRoleGroup(actor.roles, 'organizers');
}
