const all = ['people'] as const;

/** The query keys of people: cards, shared profiles, search and the break-glass log, under one root. */
export const peopleKeys = {
  all,
  card: (id: string) => [...all, id, 'card'] as const,
  profile: (id: string) => [...all, id, 'profile'] as const,
  search: (q: string) => [...all, 'search', q] as const,
  breakGlassLog: [...all, 'break-glass'] as const,
};
