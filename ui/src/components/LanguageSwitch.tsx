import { language, chooseLanguage, LANGUAGES, type Language } from '../state/language';
import { t } from '../i18n';

/** German or English; the choice is remembered in localStorage (the only thing kept there). */
export function LanguageSwitch() {
  return (
    <label class="language">
      <span class="visually-hidden">{t('app.language')}</span>
      <select value={language.value} onChange={(e) => chooseLanguage((e.currentTarget as HTMLSelectElement).value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {code === 'de' ? 'Deutsch' : 'English'}
          </option>
        ))}
      </select>
    </label>
  );
}

