import { getTypesForLanguage } from '@code4recovery/spec';
import i18next from 'i18next';

/** Meeting Guide type codes named in the reader's language (the spec translates them; English otherwise). */
export function typeNames(): Readonly<Record<string, string>> {
  return getTypesForLanguage(i18next.language === 'es' ? 'es' : 'en');
}

export function typeName(code: string): string {
  return typeNames()[code] ?? code;
}

/** Type codes offered as a filter, by name; accessibility codes have their own filter. */
export function typeOptions(): { value: string; label: string }[] {
  const names = typeNames();
  return Object.entries(names)
    .filter(([code]) => code !== 'X' && code !== 'XB' && code !== 'ASL' && code !== 'TC')
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, i18next.language));
}
