import type { ProblemField } from '@vocalia/contracts';
import { signal } from '@preact/signals';
import { CATALOGUES, UI_LANGUAGES, VALUE_LABELS, type UiLanguage } from './catalogues';
import type { MessageKey } from './en';
import { knownLabelIn, labelIn, type ValueKind } from './value-labels';

export { UI_LANGUAGES, type UiLanguage };
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { fr: 'Français', en: 'English', es: 'Español', ar: 'العربية', ary: 'الدارجة' };
const RTL = new Set<UiLanguage>(['ar', 'ary']);
const STORAGE_KEY = 'vocalia.lang';

function initialLanguage(): UiLanguage {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (UI_LANGUAGES as readonly string[]).includes(stored)) return stored as UiLanguage;
  const browser = navigator.language.toLowerCase();
  if (browser.startsWith('ar-ma')) return 'ary';
  return UI_LANGUAGES.find((l) => browser.startsWith(l)) ?? 'en';
}

export const uiLanguage = signal<UiLanguage>(initialLanguage());

/** Sets <html lang dir> so the whole page (and logical CSS properties) flips for Arabic and Darija. */
export function applyLanguage(lang: UiLanguage): void {
  uiLanguage.value = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = RTL.has(lang) ? 'rtl' : 'ltr';
}

type Vars = Record<string, string | number | undefined>;
const fill = (text: string, vars: Vars) => text.replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? ''));

export function t(key: MessageKey, vars: Vars = {}): string {
  return fill(CATALOGUES[uiLanguage.value][key], vars);
}

/** An API value (a status, channel, intent, language or role) in the interface's language; an unknown one as it is. */
export function label(kind: ValueKind, value: string): string {
  return labelIn(VALUE_LABELS[uiLanguage.value], kind, value);
}

/** An API value's label with its placeholders filled, or undefined when this build does not know the value (the caller falls back to the API's own words). */
export function knownLabel(kind: ValueKind, value: string, vars: Vars = {}): string | undefined {
  const text = knownLabelIn(VALUE_LABELS[uiLanguage.value], kind, value);
  return text === undefined ? undefined : fill(text, vars);
}

/** A refused field's message in the interface's language when the API named its rule, else the API's own (English) words. */
export function fieldMessage(field: Pick<ProblemField, 'message' | 'rule' | 'limit'>): string {
  return (field.rule && knownLabel('fieldRule', field.rule, { limit: field.limit })) ?? field.message;
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(uiLanguage.value === 'ary' ? 'ar-MA' : uiLanguage.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export type { MessageKey };
