import type { Language } from '@vocalia/contracts';

/** Kept local (not imported from contracts) so the bundle does not pull in zod. */
export const WIDGET_LANGUAGES = ['fr', 'en', 'es', 'ar', 'ary'] as const satisfies readonly Language[];
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];
/** Fails to compile if contracts gain a language the widget does not list. */
export const ALL_CONTRACT_LANGUAGES_LISTED: [Exclude<Language, WidgetLanguage>] extends [never] ? true : never = true;

const SPEECH_LOCALES: Record<WidgetLanguage, string> = { fr: 'fr-FR', en: 'en-US', es: 'es-ES', ar: 'ar-SA', ary: 'ar-MA' };

export function speechLocale(language: WidgetLanguage): string {
  return SPEECH_LOCALES[language];
}

export function isRtlLanguage(language: WidgetLanguage): boolean {
  return language === 'ar' || language === 'ary';
}

export function isWidgetLanguage(value: unknown): value is WidgetLanguage {
  return typeof value === 'string' && (WIDGET_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The widget languages a BCP 47 tag can mean, best first: `ar-MA` and `ary` are Darija, with
 * Modern Standard Arabic as the fallback (and the other way round for plain `ar`).
 */
export function languagesForTag(tag: string | null | undefined): WidgetLanguage[] {
  const lower = (tag ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (!lower) return [];
  const [primary, region] = lower.split('-');
  if (primary === 'ary' || (primary === 'ar' && region === 'ma')) return ['ary', 'ar'];
  if (primary === 'ar') return ['ar', 'ary'];
  return isWidgetLanguage(primary) ? [primary] : [];
}

export interface LanguageSignals {
  /** `?vocalia_lang=` or `?lang=` of the page URL. */
  urlParam?: string | null;
  /** A language the visitor picked in the widget earlier in this session. */
  chosen?: string | null;
  /** `language` set by the integrator (script attribute or `window.VocaliaConfig`). */
  integrator?: string | null;
  /** `<html lang>`. */
  documentLang?: string | null;
  /** `navigator.languages` (or `[navigator.language]`). */
  browser?: readonly string[];
}

/** The first signal the tenant supports wins; otherwise the tenant's default (or its first language). */
export function pickLanguage(signals: LanguageSignals, tenantLanguages: readonly string[], tenantDefault: string): WidgetLanguage {
  const allowed = tenantLanguages.filter(isWidgetLanguage);
  const ordered = [signals.urlParam, signals.chosen, signals.integrator, signals.documentLang, ...(signals.browser ?? [])];
  for (const tag of ordered) {
    const match = languagesForTag(tag).find((candidate) => allowed.includes(candidate));
    if (match) return match;
  }
  if (isWidgetLanguage(tenantDefault) && allowed.includes(tenantDefault)) return tenantDefault;
  return allowed[0] ?? 'fr';
}

/**
 * The language the visitor or integrator asked for (URL, the visitor's pick, the integrator's setting):
 * answers are pinned to it. Without one, the page's or browser's language only sets the interface, and
 * the agent answers in the language the visitor writes in.
 */
export function pinnedLanguage(signals: LanguageSignals, tenantLanguages: readonly string[]): WidgetLanguage | undefined {
  const allowed = tenantLanguages.filter(isWidgetLanguage);
  for (const tag of [signals.urlParam, signals.chosen, signals.integrator]) {
    const match = languagesForTag(tag).find((candidate) => allowed.includes(candidate));
    if (match) return match;
  }
  return undefined;
}

/** The language asked for in a page URL, `vocalia_lang` first because `lang` may mean something else to the site. */
export function languageFromUrl(href: string): string | null {
  try {
    const params = new URL(href).searchParams;
    return params.get('vocalia_lang') ?? params.get('lang');
  } catch {
    return null;
  }
}
