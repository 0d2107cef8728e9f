// The demo organization's people, consent grants and reads: clearly fake content, kept apart from
// the seeding logic in seed-demo.ts so either can be read on its own.

import type { Scope } from '../shared/contracts/consent.ts';
import type { RecoveryPathway } from '../shared/contracts/people.ts';
import type { Role } from '../shared/contracts/roles.ts';

/** Demo only: printed on screen and in the docs, so it must never guard anything real. */
export const DEMO_PASSWORD = 'kinship-demo-password';
export const DEMO_ADMIN_EMAIL = 'admin@demo.kinship.invalid';
export const DEMO_ORGANIZATION_NAME = 'Lakeside Recovery Community (demo, fake data)';
export const TIMEZONE = 'America/Chicago';

export type PersonKey =
  | 'alex'
  | 'sam'
  | 'jordan'
  | 'casey'
  | 'robin'
  | 'taylor'
  | 'morgan'
  | 'riley'
  | 'avery'
  | 'quinn'
  | 'drew'
  | 'parker'
  | 'rosa'
  | 'eli'
  | 'kai'
  | 'lupe';

export interface DemoPerson {
  key: PersonKey;
  alias: string;
  email: string;
  roles: Role[];
  /** Why this person is here, for the printed list. */
  about: string;
  legalName?: string;
  pronouns: string | null;
  languages: string[];
  pathways: RecoveryPathway[];
  pathwaysVisibility: 'private' | 'shared';
}

const email = (name: string) => `${name}@demo.kinship.invalid`;

/** The admin comes first: the organization is set up with them, as on a real first run. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    key: 'alex',
    alias: 'Demo Alex',
    email: DEMO_ADMIN_EMAIL,
    roles: ['admin', 'member'],
    about: 'runs the organization; in recovery too',
    pronouns: 'they/them',
    languages: ['en'],
    pathways: ['smart_recovery'],
    pathwaysVisibility: 'shared',
  },
  {
    key: 'sam',
    alias: 'Demo Sam',
    email: email('supervisor'),
    roles: ['supervisor'],
    about: 'program lead; opened one break-glass read',
    pronouns: 'she/her',
    languages: ['en', 'es'],
    pathways: [],
    pathwaysVisibility: 'private',
  },
  {
    key: 'jordan',
    alias: 'Demo Jordan',
    email: email('coach'),
    roles: ['coach', 'member'],
    about: 'peer coach who is also a member in recovery',
    pronouns: 'he/him',
    languages: ['en'],
    pathways: ['twelve_step', 'medication_assisted'],
    pathwaysVisibility: 'shared',
  },
  {
    key: 'casey',
    alias: 'Demo Casey',
    email: email('casey'),
    roles: ['coach'],
    about: 'peer coach, coaches in Spanish and English',
    pronouns: 'she/her',
    languages: ['es', 'en'],
    pathways: ['recovery_dharma'],
    pathwaysVisibility: 'shared',
  },
  {
    key: 'robin',
    alias: 'Demo Robin',
    email: email('member'),
    roles: ['member'],
    about: 'member; shares her plan and safety plan with coach Jordan, her clock with sister Avery',
    legalName: 'Robin Example',
    pronouns: 'she/her',
    languages: ['en'],
    pathways: ['twelve_step'],
    pathwaysVisibility: 'shared',
  },
  {
    key: 'taylor',
    alias: 'Demo Taylor',
    email: email('taylor'),
    roles: ['member'],
    about: 'member; shares with coach Casey and friend Quinn; partner of Morgan',
    pronouns: 'they/them',
    languages: ['en'],
    pathways: ['smart_recovery', 'harm_reduction'],
    pathwaysVisibility: 'private',
  },
  {
    key: 'morgan',
    alias: 'Demo Morgan',
    email: email('morgan'),
    roles: ['member'],
    about:
      "member in sober housing, coached by Jordan, cravings rising (a risk flag); one expiring and one revoked grant; Taylor's accountability partner",
    pronouns: 'he/him',
    languages: ['en'],
    pathways: ['medication_assisted'],
    pathwaysVisibility: 'private',
  },
  {
    key: 'riley',
    alias: 'Demo Riley',
    email: email('riley'),
    roles: ['member'],
    about: 'member, Spanish speaker; read once under break-glass',
    pronouns: 'she/her',
    languages: ['es'],
    pathways: ['faith_based'],
    pathwaysVisibility: 'shared',
  },
  {
    key: 'avery',
    alias: 'Demo Avery',
    email: email('ally'),
    roles: ['ally'],
    about: "Robin's sister",
    pronouns: 'she/her',
    languages: ['en'],
    pathways: [],
    pathwaysVisibility: 'private',
  },
  {
    key: 'quinn',
    alias: 'Demo Quinn',
    email: email('quinn'),
    roles: ['ally'],
    about: "Taylor's friend",
    pronouns: 'he/him',
    languages: ['en'],
    pathways: [],
    pathwaysVisibility: 'private',
  },
  {
    key: 'drew',
    alias: 'Demo Drew',
    email: email('house-manager'),
    roles: ['house_manager', 'member'],
    about: 'sober-house manager, alumnus of the house',
    pronouns: 'he/him',
    languages: ['en'],
    pathways: ['twelve_step'],
    pathwaysVisibility: 'shared',
  },
  {
    key: 'parker',
    alias: 'Demo Parker',
    email: email('moderator'),
    roles: ['moderator', 'member'],
    about: 'community moderator, in recovery',
    pronouns: 'they/them',
    languages: ['en'],
    pathways: ['secular'],
    pathwaysVisibility: 'shared',
  },
  {
    key: 'rosa',
    alias: 'Demo Rosa',
    email: email('rosa'),
    roles: ['coach'],
    about: 'peer coach, Spanish and English, has free seats',
    pronouns: 'she/her',
    languages: ['es', 'en'],
    pathways: ['medication_assisted'],
    pathwaysVisibility: 'shared',
  },
  {
    key: 'eli',
    alias: 'Demo Eli',
    email: email('eli'),
    roles: ['coach'],
    about: 'peer coach for young adults, has free seats',
    pronouns: 'he/him',
    languages: ['en'],
    pathways: ['secular', 'harm_reduction'],
    pathwaysVisibility: 'shared',
  },
  {
    key: 'kai',
    alias: 'Demo Kai',
    email: email('kai'),
    roles: ['member'],
    about: 'member waiting for a coach (see Matching)',
    pronouns: 'they/them',
    languages: ['en'],
    pathways: ['harm_reduction'],
    pathwaysVisibility: 'private',
  },
  {
    key: 'lupe',
    alias: 'Demo Lupe',
    email: email('lupe'),
    roles: ['member'],
    about: 'member waiting for a Spanish-speaking coach',
    pronouns: 'she/her',
    languages: ['es'],
    pathways: ['medication_assisted'],
    pathwaysVisibility: 'private',
  },
];

export interface DemoGrant {
  from: PersonKey;
  to: PersonKey;
  scopes: Scope[];
  purpose: string;
  expiresInDays?: number;
  revoke?: boolean;
}

/** Sharing outside coaching. Coaching grants are made by accepting a coach (demo-coaching.ts), as in the app. */
export const DEMO_GRANTS: readonly DemoGrant[] = [
  { from: 'robin', to: 'avery', scopes: ['clock', 'sos'], purpose: 'Family support: my sister sees my clock and my SOS' },
  { from: 'taylor', to: 'quinn', scopes: ['profile', 'sos'], purpose: 'Accountability friend' },
  {
    from: 'morgan',
    to: 'drew',
    scopes: ['profile', 'clock'],
    purpose: 'House manager at my sober home, for my first two months there',
    expiresInDays: 60,
  },
  { from: 'morgan', to: 'quinn', scopes: ['clock'], purpose: 'Old accountability partnership', revoke: true },
];

/** Reads of a profile through the consent policy: each one lands in the subject's access log. */
export const DEMO_READS: readonly { reader: PersonKey; subject: PersonKey }[] = [
  { reader: 'jordan', subject: 'robin' },
  { reader: 'casey', subject: 'taylor' },
  { reader: 'quinn', subject: 'taylor' },
  { reader: 'jordan', subject: 'morgan' },
  { reader: 'drew', subject: 'morgan' },
  { reader: 'casey', subject: 'riley' },
  { reader: 'jordan', subject: 'robin' },
];

export const BREAK_GLASS = {
  reader: 'sam' as PersonKey,
  subject: 'riley' as PersonKey,
  reason: 'Demo scenario: Riley missed three check-ins and her coach could not reach her; checking her contact details.',
};
export const PENDING_INVITE = { email: email('newcomer'), roles: ['member'] as Role[] };
