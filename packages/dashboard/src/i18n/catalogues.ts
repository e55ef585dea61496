import { ar } from './ar';
import { ary } from './ary';
import { en, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';

export const UI_LANGUAGES = ['fr', 'en', 'es', 'ar', 'ary'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Every interface string in the five languages (plain data: the browser test reads them too). */
export const CATALOGUES: Record<UiLanguage, Messages> = { fr, en, es, ar, ary };
