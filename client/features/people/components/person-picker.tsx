import { useTranslation } from 'react-i18next';
import type { PersonCard } from '../../../../shared/contracts/people.ts';
import { Radio, RadioGroup } from '../../../components/ui/radio-group.tsx';
import { PersonSearchField } from './person-search-field.tsx';
import { usePersonSearch } from './use-person-search.ts';

type Props = {
  selfId: string;
  value: PersonCard | null;
  onChange: (person: PersonCard | null) => void;
  /** Shown on the list when there is one, else on the search box. */
  error: string | undefined;
};

/** Search by alias, then choose one person from the results (a form field). */
export function PersonPicker({ selfId, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const { query, setQuery, results, noResults } = usePersonSearch(selfId);
  const options = value && !results.some((card) => card.id === value.id) ? [value, ...results] : results;

  return (
    <>
      <PersonSearchField
        query={query}
        onQueryChange={setQuery}
        noResults={noResults && options.length === 0}
        error={options.length === 0 ? error : undefined}
      />
      {options.length > 0 ? (
        <RadioGroup
          label={t('people.search.person')}
          value={value?.id ?? null}
          onChange={(id) => onChange(options.find((card) => card.id === id) ?? null)}
          error={error}
        >
          {options.map((card) => (
            <Radio key={card.id} value={card.id} description={card.pronouns ?? undefined}>
              {card.alias}
            </Radio>
          ))}
        </RadioGroup>
      ) : null}
    </>
  );
}
