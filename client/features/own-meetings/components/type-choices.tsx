import { getTypesForLanguage } from '@code4recovery/spec';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESSIBILITY_TYPE_CODES, LANGUAGE_TYPE_CODES, OWN_MEETING_TYPE_CODES } from '../../../../shared/contracts/own-meetings.ts';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';

const accessibility = new Set<string>(ACCESSIBILITY_TYPE_CODES);
// ASL is offered once, under accessibility.
const languages = new Set<string>(LANGUAGE_TYPE_CODES.filter((code) => !accessibility.has(code)));

/** The Meeting Guide names of the type codes in the page's language (the spec has English and Spanish, among others). */
export function useTypeNames(): Record<string, string> {
  const { i18n } = useTranslation();
  const language = i18n.language.startsWith('es') ? 'es' : 'en';
  return useMemo(() => getTypesForLanguage(language) as Record<string, string>, [language]);
}

type Props = { value: string[]; onChange: (types: string[]) => void; error?: string | undefined };

/** Accessibility first (always open), then languages and the other types behind a disclosure each. */
export function TypeChoices({ value, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const names = useTypeNames();
  const groups = useMemo(() => {
    const byName = (a: string, b: string) => (names[a] ?? a).localeCompare(names[b] ?? b, i18n.language);
    return {
      accessibility: [...ACCESSIBILITY_TYPE_CODES] as string[],
      languages: [...languages].sort(byName),
      other: OWN_MEETING_TYPE_CODES.filter((code) => !accessibility.has(code) && !languages.has(code)).sort(byName),
    };
  }, [names, i18n.language]);

  const group = (key: keyof typeof groups, label: string, showError: boolean) => {
    const codes = groups[key];
    const chosen = value.filter((code) => codes.includes(code));
    return (
      <CheckboxGroup
        label={label}
        name={`types-${key}`}
        value={chosen}
        error={showError ? error : undefined}
        onChange={(next) => onChange([...value.filter((code) => !codes.includes(code)), ...next])}
      >
        <div className="checkbox-list">
          {codes.map((code) => (
            <Checkbox key={code} value={code}>
              {names[code] ?? code}
            </Checkbox>
          ))}
        </div>
      </CheckboxGroup>
    );
  };
  const count = (key: keyof typeof groups) => value.filter((code) => groups[key].includes(code)).length;

  return (
    <>
      {group('accessibility', t('ownMeetings.fields.accessibility'), true)}
      <details className="disclosure" open={count('languages') > 0 || undefined}>
        <summary>
          {t('ownMeetings.fields.languages')} · {t('ownMeetings.fields.selected', { count: count('languages') })}
        </summary>
        {group('languages', t('ownMeetings.fields.languages'), false)}
      </details>
      <details className="disclosure" open={count('other') > 0 || undefined}>
        <summary>
          {t('ownMeetings.fields.otherTypes')} · {t('ownMeetings.fields.selected', { count: count('other') })}
        </summary>
        {group('other', t('ownMeetings.fields.otherTypes'), false)}
      </details>
    </>
  );
}
