import i18next from 'i18next';

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

export function formatDateTime(value: string | Date): string {
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(value));
}

export function formatDate(value: string | Date): string {
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium' }).format(toDate(value));
}

/** A list of words joined the way the current language joins them ("a, b and c"). */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(i18next.language, { style: 'long', type: 'conjunction' }).format(items);
}

/** Language tags ("en", "es-MX") as names in the current language ("English, Mexican Spanish"); unknown tags as typed. */
export function formatLanguages(tags: string[]): string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(i18next.language, { type: 'language' });
  } catch {
    names = null;
  }
  return formatList(
    tags.map((tag) => {
      try {
        return names?.of(tag) ?? tag;
      } catch {
        return tag;
      }
    }),
  );
}
