import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PersonSearchField } from './person-search-field.tsx';
import { usePersonSearch } from './use-person-search.ts';

type Props = { selfId: string; personHref: (id: string) => string };

/** Search by alias and go to a person's page. */
export function PersonFinder({ selfId, personHref }: Props) {
  const { t } = useTranslation();
  const { query, setQuery, results, noResults } = usePersonSearch(selfId);
  return (
    <div className="stack">
      <PersonSearchField query={query} onQueryChange={setQuery} noResults={noResults} />
      {results.length > 0 ? (
        <ul className="link-list" aria-label={t('people.search.results')}>
          {results.map((card) => (
            <li key={card.id}>
              <Link to={personHref(card.id)} className="link-row">
                <span className="link-row-title">{card.alias}</span>
                {card.pronouns ? <span className="muted">{card.pronouns}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
