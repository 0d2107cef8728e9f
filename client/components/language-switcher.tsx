import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, isSupportedLanguage, LANGUAGES } from '../lib/language.ts';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  // Re-render on language change comes through useTranslation; currentLanguage reads the same instance.
  const value = i18n.language ? currentLanguage() : 'en';
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('common.language')}</label>
      <select
        id={id}
        className="input select select-compact"
        value={value}
        onChange={(event) => {
          const code = event.target.value;
          if (isSupportedLanguage(code)) void chooseLanguage(code);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
