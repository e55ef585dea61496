import type { BookingRequest, Language } from '@vocalia/contracts';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB', es: 'es-ES', ar: 'ar-MA', ary: 'ar-MA' };

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | null>();

/** Intl formatters are costly to build: one per locale and currency, kept; null when the currency code is unknown. */
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F | null {
  if (!formats.has(key)) {
    try {
      formats.set(key, make());
    } catch {
      formats.set(key, null);
    }
  }
  return formats.get(key) as F | null;
}

export function formatPrice(price: number, currency: string, language: Language): string {
  const format = cached(`n:${language}:${currency}`, () => new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency, numberingSystem: 'latn' }));
  return format ? format.format(price) : `${price} ${currency}`;
}

/** "2025-03-12" -> "mercredi 12 mars" (left as written when it is not an ISO date). */
export function formatDay(iso: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const format = cached(`d:${language}`, () => new Intl.DateTimeFormat(LOCALES[language], { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC', numberingSystem: 'latn' }));
  return format ? format.format(date) : iso;
}

/** "a, b and c" in the reply language. */
export function joinList(items: readonly string[], and: string, language: Language): string {
  if (items.length <= 1) return items.join('');
  const comma = language === 'ar' || language === 'ary' ? '، ' : ', ';
  return `${items.slice(0, -1).join(comma)} ${and} ${items.at(-1)}`;
}

export function bookingSummary(b: BookingRequest, language: Language): string {
  const day = b.date ? formatDay(b.date, language) : '';
  const arabic = language === 'ar' || language === 'ary';
  const service = b.service ? `${b.service}${arabic ? '، ' : ', '}` : '';
  const who = `${b.name}${b.note ? ` (${b.note})` : ''}`;
  switch (language) {
    case 'fr':
      return `${service}le ${day} à ${b.time}, au nom de ${who}`;
    case 'en':
      return `${service}${day} at ${b.time}, under the name ${who}`;
    case 'es':
      return `${service}el ${day} a las ${b.time}, a nombre de ${who}`;
    case 'ar':
      return `${service}يوم ${day} على الساعة ${b.time} باسم ${who}`;
    case 'ary':
      return `${service}نهار ${day} مع ${b.time} باسم ${who}`;
  }
}
