import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/text-field.tsx';

type Props = { query: string; onQueryChange: (query: string) => void; noResults: boolean; error?: string | undefined };

/** The alias search box (see usePersonSearch), and "nobody found" under it when the search came back empty. */
export function PersonSearchField({ query, onQueryChange, noResults, error }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        name="personSearch"
        type="search"
        label={t('people.search.label')}
        description={t('people.search.hint')}
        value={query}
        onChange={onQueryChange}
        autoComplete="off"
        spellCheck={false}
        error={error}
      />
      {noResults ? (
        <p className="empty" role="status">
          {t('people.search.noResults')}
        </p>
      ) : null}
    </>
  );
}
