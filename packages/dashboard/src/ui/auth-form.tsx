import { useState } from 'preact/hooks';
import { Field, FormError } from './field';
import { useSubmit } from './use-submit';

export interface AuthField {
  name: 'company' | 'email' | 'password';
  label: string;
  type?: 'email' | 'password';
  autocomplete: string;
}

/**
 * The auth pages' one form: its fields, each with the server's problem next to it, the rest (an
 * expired mailed token included) above the button, and one submit whose result goes to `onSent`.
 */
export function AuthForm<T>({ fields, submitLabel, send, onSent }: { fields: AuthField[]; submitLabel: string; send: (values: Record<string, string>) => Promise<T>; onSent: (result: T) => void | Promise<void> }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const { busy, problem, submit } = useSubmit();
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const result = await submit(() => send(values));
    if (result !== undefined) await onSent(result);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      {fields.map((f) => (
        <Field
          key={f.name}
          label={f.label}
          name={f.name}
          type={f.type}
          autocomplete={f.autocomplete}
          value={values[f.name] ?? ''}
          onInput={(v) => setValues((prev) => ({ ...prev, [f.name]: v }))}
          error={problem.fields[f.name]}
          required
        />
      ))}
      <FormError message={problem.fields.token ?? problem.message} />
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
