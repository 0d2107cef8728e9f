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
  admin: {
    root: '/admin',
    people: '/admin/people',
    settings: '/admin/settings',
    outbox: '/admin/outbox',
    audit: '/admin/audit',
    breakGlass: '/admin/break-glass',
  },
} as const;
