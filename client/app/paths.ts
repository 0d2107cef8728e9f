/** Every route path in one place. The reset and invite paths are also built by the server into emails. */
export const paths = {
  home: '/',
  setup: '/setup',
  signIn: '/sign-in',
  signUp: '/sign-up',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  acceptInvite: '/accept-invite',
  profile: '/profile',
  privacy: '/privacy',
  security: '/security',
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
