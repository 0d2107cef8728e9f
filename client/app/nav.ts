import type { Role } from '../../shared/contracts/common.ts';
import type { en } from './i18n/en.ts';
import { paths } from './paths.ts';

type NavLabel = keyof typeof en.nav.items;

export type NavItem = {
  to: string;
  label: NavLabel;
  /** Shown only to people holding at least one of these roles; everyone when absent. */
  roles?: readonly Role[];
  /** Match the path exactly (for "/"), not as a prefix. */
  end?: boolean;
};

/** The main navigation. A new feature adds one line here (and its label in the translation files). */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: paths.home, label: 'home', end: true },
  { to: paths.safetyPlan, label: 'safetyPlan' },
  { to: paths.recoveryPlan, label: 'recoveryPlan' },
  { to: paths.barc10, label: 'barc10' },
  { to: paths.checkIn, label: 'checkIn' },
  { to: paths.trends, label: 'trends' },
  { to: paths.clocks, label: 'clocks' },
  { to: paths.reasons, label: 'reasons' },
  { to: paths.messages, label: 'messages' },
  { to: paths.partners, label: 'partners', roles: ['member'] },
  { to: paths.coaching, label: 'coaching', roles: ['member'] },
  { to: paths.coachProfile, label: 'coachProfile', roles: ['coach'] },
  { to: paths.caseload, label: 'caseload', roles: ['coach'] },
  { to: paths.supervision, label: 'supervision', roles: ['supervisor', 'admin'] },
  { to: paths.profile, label: 'profile' },
  { to: paths.privacy, label: 'privacy' },
  { to: paths.security, label: 'security' },
  { to: paths.admin.root, label: 'admin', roles: ['admin', 'supervisor'] },
];

/** The sections inside Admin; supervisors see only the break-glass log. */
export const ADMIN_NAV_ITEMS: readonly NavItem[] = [
  { to: paths.admin.people, label: 'people', roles: ['admin'] },
  { to: paths.admin.settings, label: 'settings', roles: ['admin'] },
  { to: paths.admin.outbox, label: 'outbox', roles: ['admin'] },
  { to: paths.admin.audit, label: 'audit', roles: ['admin'] },
  { to: paths.admin.breakGlass, label: 'breakGlass', roles: ['admin', 'supervisor'] },
];
