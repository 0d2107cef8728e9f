import { z } from 'zod';

/**
 * Every role, and the groups of roles that features, routes, the client's router and its navigation
 * share. A rule that admits "supervisors and admins" names `ROLE_GROUPS.oversight`; no feature spells a
 * role list of its own.
 */
export const ROLES = ['member', 'coach', 'supervisor', 'ally', 'house_manager', 'moderator', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_GROUPS = {
  /** People in recovery: their own journey, coaching requests, partners, SOS. */
  members: ['member'],
  /** Peer coaches: caseload, sessions, notes. */
  coaches: ['coach'],
  /** Runs the installation: people, settings, logs, feeds. */
  admins: ['admin'],
  /**
   * Supervise coaching and may open a break-glass read with a written reason: the matching board,
   * note sign-off, the break-glass log.
   */
  oversight: ['supervisor', 'admin'],
  /** Run the organization's programme: create, edit and cancel events, see who is coming. */
  organizers: ['admin', 'supervisor', 'coach'],
  /** May go with a newcomer to a first meeting (members once their clock allows it). */
  buddies: ['member', 'coach'],
  /** See other people's records as part of their work: they may be required to use two-factor sign-in. */
  staff: ['coach', 'supervisor', 'house_manager', 'moderator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type RoleGroup = keyof typeof ROLE_GROUPS;

/** Whether someone holding `roles` belongs to `group`. */
export function inRoleGroup(roles: readonly Role[], group: RoleGroup): boolean {
  const members: readonly Role[] = ROLE_GROUPS[group];
  return roles.some((role) => members.includes(role));
}
