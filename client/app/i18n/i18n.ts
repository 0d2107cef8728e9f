import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, LANGUAGES } from '../../lib/language.ts';
import { en } from './en.ts';
import { es } from './es.ts';

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
}

export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', applyToDocument);
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng: detectLanguage(),
    fallbackLng: 'en',
    supportedLngs: LANGUAGES.map((language) => language.code),
    interpolation: { escapeValue: false },
  });
  applyToDocument(i18next.language);
}
