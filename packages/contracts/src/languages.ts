import { z } from 'zod';

/** The five languages every surface speaks; `ary` is Moroccan Darija (ISO 639-3). */
export const LANGUAGES = ['fr', 'en', 'es', 'ar', 'ary'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const RTL_LANGUAGES: readonly Language[] = ['ar', 'ary'];

export function isRtl(language: Language): boolean {
  return RTL_LANGUAGES.includes(language);
}

export function textDirection(language: Language): 'rtl' | 'ltr' {
  return isRtl(language) ? 'rtl' : 'ltr';
}
