import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, LANGUAGES, type LanguageCode } from '../../lib/language.ts';
import type { Translation } from './en.ts';

/**
 * Each language's strings are a file of their own, loaded when that language is used: a first visit downloads
 * one language, not all of them (the server preloads the file for the visitor's Accept-Language with the HTML).
 */
const BUNDLES: Record<LanguageCode, () => Promise<Translation>> = {
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
};

/** i18next asks this for a language the first time it is needed (at start, or when the person switches). */
const bundledLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = BUNDLES[language as LanguageCode];
    if (!load) return callback(new Error(`no strings for ${language}`), false);
    load().then(
      (strings) => callback(null, strings),
      (error: Error) => callback(error, false),
    );
  },
};

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
}

export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', applyToDocument);
  await i18next
    .use(bundledLanguages)
    .use(initReactI18next)
    .init({
      lng: detectLanguage(),
      // Spanish has every English key (checked by TypeScript), so no second language is loaded as a fallback.
      fallbackLng: false,
      supportedLngs: LANGUAGES.map((language) => language.code),
      load: 'languageOnly',
      interpolation: { escapeValue: false },
    });
  applyToDocument(i18next.language);
}
