import { Language } from '@vocalia/contracts';

/** A mail's language: the one the request asked for (account mails), else the tenant's default language, else English. */
export function mailLanguage(asked: Language | undefined, tenantLanguage?: string): Language {
  return asked ?? Language.catch('en').parse(tenantLanguage ?? 'en');
}
