import { applyLanguage, LANGUAGE_NAMES, t, UI_LANGUAGES, uiLanguage, type UiLanguage } from '../i18n';

export function LanguagePicker() {
  return (
    <label class="lang-picker">
      <span class="visually-hidden">{t('language')}</span>
      <select name="ui-language" value={uiLanguage.value} onChange={(e) => applyLanguage((e.currentTarget as HTMLSelectElement).value as UiLanguage)}>
        {UI_LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </label>
  );
}
