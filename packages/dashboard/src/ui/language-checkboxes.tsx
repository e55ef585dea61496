import { LANGUAGES, type Language } from '@vocalia/contracts';
import { LANGUAGE_NAMES } from '../i18n';

/** A fieldset of the five languages, as checkboxes. */
export function LanguageCheckboxes({ legend, name, value, onChange, error }: { legend: string; name: string; value: Language[]; onChange: (v: Language[]) => void; error?: string }) {
  const toggle = (lang: Language, on: boolean) => onChange(on ? [...value, lang] : value.filter((l) => l !== lang));
  return (
    <fieldset class="field">
      <legend>{legend}</legend>
      <div class="checks">
        {LANGUAGES.map((lang) => (
          <label key={lang}>
            <input type="checkbox" name={name} value={lang} checked={value.includes(lang)} onChange={(e) => toggle(lang, (e.currentTarget as HTMLInputElement).checked)} /> {LANGUAGE_NAMES[lang]}
          </label>
        ))}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
