/** Every route path in one place. The reset and invite paths are also built by the server into emails. */
export const paths = {
  home: '/',
  setup: '/setup',
  signIn: '/sign-in',
  signUp: '/sign-up',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  acceptInvite: '/accept-invite',
  /** The daily check-in: today's, or a missed day of the last 30. */
  checkIn: '/check-in',
  trends: '/trends',
  clocks: '/clocks',
  reasons: '/reasons',
  profile: '/profile',
  privacy: '/privacy',
  security: '/security',
  /** The person's own safety plan: one tap from every page (header), also offline and printable. */
  safetyPlan: '/safety-plan',
  /** The recovery plan: goals by life domain, triggers and coping strategies, support people; versioned. */
  recoveryPlan: '/plan',
  barc10: '/barc-10',
  /** The notification centre: reminders and milestones. */
  notifications: '/notifications',
  /** A person's page: their community card, what they share with me, and break-glass for staff. */
  person: {
    pattern: '/people/:id',
    to: (id: string) => `/people/${encodeURIComponent(id)}`,
  },
  admin: {
    root: '/admin',
    people: '/admin/people',
    settings: '/admin/settings',
    outbox: '/admin/outbox',
    audit: '/admin/audit',
    breakGlass: '/admin/break-glass',
  },
} as const;
