import { VocaliaApiError } from '@vocalia/sdk';
import { fieldMessage, label, t } from '../i18n';

export interface FormProblem {
  /** The server's own words for the whole request (a pointer to the fields when the fault is in them). */
  message: string;
  /** By field name (`email` for `body.email`), what is wrong with that field, in the interface's language when the server named the rule. */
  fields: Record<string, string>;
}

/** Turns any failure into words: problem+json detail and per-field messages, or a generic sentence. */
export function toProblem(err: unknown): FormProblem {
  if (err instanceof VocaliaApiError) {
    const fields: Record<string, string> = {};
    let onFields = false;
    for (const e of err.fieldErrors ?? []) {
      const name = e.path.replace(/^(body|query)\./, '');
      // A token only ever comes from a mailed link: whatever is wrong with it (cut short, used, expired), the link is what failed.
      fields[name] = name === 'token' ? label('fieldRule', 'invalid_token') : fieldMessage(e);
      onFields ||= name !== e.path;
    }
    if (err.code === 'PLAN_REQUIRED') return { message: t('upgradeNeeded'), fields };
    // The detail repeats every field's message with its path ("body.title: ...; body.content: ..."): they show by their fields.
    if (onFields) return { message: t('checkFields'), fields };
    return { message: err.problem.detail ?? err.problem.title, fields };
  }
  return { message: t('errorGeneric'), fields: {} };
}
