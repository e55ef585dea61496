import { VocaliaApiError } from '@vocalia/sdk';
import { t } from '../i18n';

export interface FormProblem {
  /** The server's own words for the whole request. */
  message: string;
  /** By field name (`email` for `body.email`), the server's message for that field. */
  fields: Record<string, string>;
}

/** Turns any failure into words: problem+json detail and per-field messages, or a generic sentence. */
export function toProblem(err: unknown): FormProblem {
  if (err instanceof VocaliaApiError) {
    const fields: Record<string, string> = {};
    for (const e of err.fieldErrors ?? []) fields[e.path.replace(/^(body|query)\./, '')] = e.message;
    if (err.code === 'PLAN_REQUIRED') return { message: t('upgradeNeeded'), fields };
    return { message: err.problem.detail ?? err.problem.title, fields };
  }
  return { message: t('errorGeneric'), fields: {} };
}
