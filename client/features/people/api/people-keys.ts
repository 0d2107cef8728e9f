const all = ['people'] as const;

/** The query keys of people: cards, search and the break-glass log, under one root. */
export const peopleKeys = {
  all,
  card: (id: string) => [...all, id, 'card'] as const,
  search: (q: string) => [...all, 'search', q] as const,
  breakGlassLog: [...all, 'break-glass'] as const,
};
