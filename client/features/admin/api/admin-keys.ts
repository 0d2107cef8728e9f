const all = ['admin'] as const;

/** The query keys of every admin page, under one root. */
export const adminKeys = {
  all,
  people: [...all, 'people'] as const,
  settings: [...all, 'settings'] as const,
  outbox: [...all, 'outbox'] as const,
  audit: [...all, 'audit'] as const,
  invites: [...all, 'invites'] as const,
};
