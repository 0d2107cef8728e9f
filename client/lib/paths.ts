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
  /** Conversations with my coach, my clients or my accountability partners. */
  messages: '/messages',
  thread: {
    pattern: '/messages/:id',
    to: (id: string) => `/messages/${encodeURIComponent(id)}`,
  },
  /** Accountability partners (members). */
  partners: '/partners',
  /** One coaching relationship: its sessions, notes and referrals (the coach, the member, supervisors). */
  coachingRelationship: {
    pattern: '/coaching/relationships/:id',
    to: (id: string) => `/coaching/relationships/${encodeURIComponent(id)}`,
  },
  /** Peer coaching for members: ask for a coach, answer a proposal, my coach. */
  coaching: '/coaching',
  /** A coach's caseload: every client, most in need first, with risk flags. */
  caseload: '/caseload',
  /** A coach's own coach profile. */
  coachProfile: '/coaching/profile',
  /** Supervisors: caseloads, people waiting, sessions, notes to sign off. */
  supervision: '/supervision',
  /** Supervisors: suggest and approve matches. */
  supervisionMatching: '/supervision/matching',
  /** Supervisors: coaching notes waiting for sign-off. */
  supervisionNotes: '/supervision/notes',
  /** A person's page: their community card, what they share with me, and break-glass for staff. */
  person: {
    pattern: '/people/:id',
    to: (id: string) => `/people/${encodeURIComponent(id)}`,
  },
  /** The public meeting finder (no sign-in). */
  meetings: '/meetings',
  meeting: {
    pattern: '/meetings/:id',
    to: (id: string) => `/meetings/${encodeURIComponent(id)}`,
  },
  /** Saved meetings, attendance, the private calendar address. */
  myMeetings: '/my-meetings',
  /** Sober social events and workshops. */
  events: '/events',
  event: {
    pattern: '/events/:id',
    to: (id: string) => `/events/${encodeURIComponent(id)}`,
  },
  /** First-meeting buddies: my requests, and for volunteers the requests waiting. */
  buddies: '/buddies',
  admin: {
    root: '/admin',
    /** Meeting sources and imports. */
    meetingSources: '/admin/meetings',
    /** The organization's own groups. */
    ownMeetings: '/admin/meetings/own',
    /** "What to expect" guides. */
    meetingGuides: '/admin/guides',
    people: '/admin/people',
    settings: '/admin/settings',
    outbox: '/admin/outbox',
    audit: '/admin/audit',
    breakGlass: '/admin/break-glass',
  },
} as const;

/** What a link to sign-in carries in its location state: the page to come back to once signed in. */
export type SignInState = { from?: string } | null;
