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
