import type { ComponentChildren } from 'preact';
import { LANGUAGES, type Language } from '@vocalia/contracts';
import { label } from '../i18n';

interface CheckboxesProps<T extends string> {
  legend: string;
  name: string;
  options: readonly T[];
  /** The option as the owner reads it (code, such as an event type's name, goes in a `<code dir="ltr">` of its own). */
  label: (option: T) => ComponentChildren;
  value: T[];
  onChange: (v: T[]) => void;
  error?: string;
  hint?: ComponentChildren;
}

/** A fieldset of checkboxes, one per option, with the problem that names it below. */
export function Checkboxes<T extends string>({ legend, name, options, label, value, onChange, error, hint }: CheckboxesProps<T>) {
  const toggle = (option: T, on: boolean) => onChange(on ? [...value, option] : value.filter((v) => v !== option));
  return (
    <fieldset class="field">
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      <div class="checks">
        {options.map((option) => (
          <label key={option}>
            <input type="checkbox" name={name} value={option} checked={value.includes(option)} onChange={(e) => toggle(option, (e.currentTarget as HTMLInputElement).checked)} /> {label(option)}
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

/** The five languages, as checkboxes named in the interface's language. */
export function LanguageCheckboxes(props: Omit<CheckboxesProps<Language>, 'options' | 'label'>) {
  return <Checkboxes {...props} options={LANGUAGES} label={(lang) => label('language', lang)} />;
}
