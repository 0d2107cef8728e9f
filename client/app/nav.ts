import { ROLE_GROUPS, type Role } from '../../shared/contracts/roles.ts';
import { paths } from '../lib/paths.ts';
import type { en } from './i18n/en.ts';

type NavLabel = keyof typeof en.nav.items;

export type NavItem = {
  to: string;
  label: NavLabel;
  /** Shown only to people holding at least one of these roles; everyone when absent. */
  roles?: readonly Role[];
  /** Match the path exactly (for "/"), not as a prefix. */
  end?: boolean;
  /** The heading it sits under in the menu and on the home page; Home alone has none and comes first. */
  group?: NavGroup;
  /** Also in the short row a phone shows beside the "Menu" button. */
  primary?: boolean;
};

/** The menu's headings, in order. */
export const NAV_GROUPS = ['recovery', 'connect', 'meetings', 'work', 'account'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** The main navigation. A new feature adds one line here (and its label in the translation files). */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: paths.home, label: 'home', end: true, primary: true },
  { to: paths.checkIn, label: 'checkIn', group: 'recovery', primary: true },
  { to: paths.trends, label: 'trends', group: 'recovery' },
  { to: paths.clocks, label: 'clocks', group: 'recovery' },
  { to: paths.reasons, label: 'reasons', group: 'recovery' },
  { to: paths.recoveryPlan, label: 'recoveryPlan', group: 'recovery' },
  { to: paths.safetyPlan, label: 'safetyPlan', group: 'recovery' },
  { to: paths.barc10, label: 'barc10', group: 'recovery' },
  { to: paths.coaching, label: 'coaching', group: 'connect', roles: ROLE_GROUPS.members },
  { to: paths.messages, label: 'messages', group: 'connect', primary: true },
  { to: paths.partners, label: 'partners', group: 'connect', roles: ROLE_GROUPS.members },
  { to: paths.meetings, label: 'meetings', group: 'meetings' },
  { to: paths.myMeetings, label: 'myMeetings', group: 'meetings', roles: ROLE_GROUPS.members },
  { to: paths.buddies, label: 'buddies', group: 'meetings', roles: ROLE_GROUPS.buddies },
  { to: paths.events, label: 'events', group: 'meetings' },
  { to: paths.caseload, label: 'caseload', group: 'work', roles: ROLE_GROUPS.coaches },
  { to: paths.coachProfile, label: 'coachProfile', group: 'work', roles: ROLE_GROUPS.coaches },
  { to: paths.supervision, label: 'supervision', group: 'work', roles: ROLE_GROUPS.oversight },
  { to: paths.admin.root, label: 'admin', group: 'work', roles: ROLE_GROUPS.oversight },
  { to: paths.profile, label: 'profile', group: 'account' },
  { to: paths.privacy, label: 'privacy', group: 'account' },
  { to: paths.security, label: 'security', group: 'account' },
];

/** The items under each heading, in menu order; a heading with nothing for this person is left out. */
export function groupNavItems<T extends Pick<NavItem, 'group'>>(items: readonly T[]): { group: NavGroup; items: T[] }[] {
  return NAV_GROUPS.map((group) => ({ group, items: items.filter((item) => item.group === group) })).filter(
    (section) => section.items.length > 0,
  );
}

/** The sections inside Admin; supervisors see only the break-glass log. */
export const ADMIN_NAV_ITEMS: readonly NavItem[] = [
  { to: paths.admin.people, label: 'people', roles: ROLE_GROUPS.admins },
  { to: paths.admin.settings, label: 'settings', roles: ROLE_GROUPS.admins },
  { to: paths.admin.meetingGuides, label: 'meetingGuides', roles: ROLE_GROUPS.admins },
  { to: paths.admin.outbox, label: 'outbox', roles: ROLE_GROUPS.admins },
  { to: paths.admin.audit, label: 'audit', roles: ROLE_GROUPS.admins },
  { to: paths.admin.ownMeetings, label: 'ownMeetings', roles: ROLE_GROUPS.admins },
  // `end`: the page's path is a prefix of Our meetings' (/admin/meetings/own).
  { to: paths.admin.meetingSources, label: 'meetingSources', roles: ROLE_GROUPS.admins, end: true },
  { to: paths.admin.breakGlass, label: 'breakGlass', roles: ROLE_GROUPS.oversight },
];
