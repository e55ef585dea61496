import { ar } from './ar';
import { ary } from './ary';
import { en, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';
import type { ValueLabels } from './value-labels';
import { ar as arValues } from './values/ar';
import { ary as aryValues } from './values/ary';
import { en as enValues } from './values/en';
import { es as esValues } from './values/es';
import { fr as frValues } from './values/fr';

export const UI_LANGUAGES = ['fr', 'en', 'es', 'ar', 'ary'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Every interface string in the five languages (plain data: the browser test reads them too). */
export const CATALOGUES: Record<UiLanguage, Messages> = { fr, en, es, ar, ary };

/** The API's statuses, channels, intents, languages and roles named in the five languages. */
export const VALUE_LABELS: Record<UiLanguage, ValueLabels> = { fr: frValues, en: enValues, es: esValues, ar: arValues, ary: aryValues };
