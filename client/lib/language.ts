import i18next from 'i18next';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'kinship.language';

export function isSupportedLanguage(code: string | null | undefined): code is LanguageCode {
  return LANGUAGES.some((language) => language.code === code);
}

/** A saved choice wins; otherwise the first of the browser's languages we speak; otherwise English. */
export function detectLanguage(): LanguageCode {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isSupportedLanguage(saved)) return saved;
  } catch {
    // Storage can be blocked (private mode); detection still works.
  }
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isSupportedLanguage(base)) return base;
  }
  return 'en';
}

/** A choice the person made: remembered on this device. */
export async function chooseLanguage(code: LanguageCode): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not saved; the choice still holds for this visit.
  }
  await i18next.changeLanguage(code);
}

export function currentLanguage(): LanguageCode {
  const base = i18next.language?.split('-')[0];
  return isSupportedLanguage(base) ? base : 'en';
}
