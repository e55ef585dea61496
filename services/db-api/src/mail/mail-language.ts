import { Language } from '@vocalia/contracts';

/** An account mail's language: the one the request asked for, else the tenant's default language, else English. */
export function mailLanguage(asked: Language | undefined, tenantLanguage?: string): Language {
  return asked ?? Language.catch('en').parse(tenantLanguage ?? 'en');
}
