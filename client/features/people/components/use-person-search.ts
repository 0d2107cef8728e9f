import { useDeferredValue, useState } from 'react';
import { usePeopleSearch } from '../api/search-people.ts';

/** The typed alias and the people it finds (never the searcher themself); "none found" only once an answer came. */
export function usePersonSearch(selfId: string) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const search = usePeopleSearch(deferredQuery);
  const active = deferredQuery.trim().length > 0;
  const results = active ? (search.data ?? []).filter((card) => card.id !== selfId) : [];
  return { query, setQuery, results, noResults: active && search.isSuccess && results.length === 0 };
}
