import type { UpdateTenantRequest } from '@vocalia/contracts';
import type { ProblemField } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** What zod cannot know: real ISO 4217 currencies, real IANA zones, a default language among the languages. */
export function checkLocaleSettings(input: UpdateTenantRequest, current: { defaultLanguage: string; languages: string[] }): void {
  const errors: ProblemField[] = [];
  if (input.currency && !CURRENCIES.has(input.currency)) errors.push({ path: 'body.currency', message: `${input.currency} is not an ISO 4217 currency`, rule: 'invalid_choice' });
  if (input.timezone && !isTimeZone(input.timezone)) errors.push({ path: 'body.timezone', message: `${input.timezone} is not an IANA time zone`, rule: 'invalid_choice' });
  const languages = input.languages ?? current.languages;
  const defaultLanguage = input.defaultLanguage ?? current.defaultLanguage;
  if (!languages.includes(defaultLanguage)) errors.push({ path: 'body.defaultLanguage', message: `${defaultLanguage} must be one of the languages (${languages.join(', ')})`, rule: 'language_not_listed' });
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}
