import { DateTime } from 'luxon';

/**
 * The language of what Kinship sends a person (in-app notices, emails, push banners): the first of
 * their profile's languages that Kinship speaks, English otherwise.
 */
export type MessageLanguage = 'en' | 'es';

/** The person's first profile language that Kinship speaks; English when none. */
export function messageLanguage(languages: readonly string[]): MessageLanguage {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'es') return base;
  }
  return 'en';
}

/** "Tuesday, December 1, 2026, 9:00 AM CST": a moment as a person reads it, in their zone and language. */
export function localDateTime(at: Date, zone: string, language: MessageLanguage): string {
  return DateTime.fromJSDate(at, { zone }).setLocale(language).toLocaleString({
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}
