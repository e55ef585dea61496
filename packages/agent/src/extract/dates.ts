import { foldText, wordTokens } from '../text/fold';
import { MONTHS, RELATIVE_DAYS, WEEKDAYS } from './calendar-words';

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');
export const isoDay = (d: CalendarDay): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

function fromUtc(ms: number): CalendarDay {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(d: CalendarDay, days: number): CalendarDay {
  return fromUtc(Date.UTC(d.year, d.month - 1, d.day) + days * 86_400_000);
}

const weekday = (d: CalendarDay): number => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      format = dayFormat('UTC');
    }
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The last day computed per time zone, and the UTC minute it was computed for. */
const todays = new Map<string, { minute: number; day: Readonly<CalendarDay> }>();

/**
 * Today's date where the tenant is (an unknown time zone falls back to UTC). Formatting a date in a
 * time zone is slow and every turn asks: the answer is kept for the rest of its UTC minute, during
 * which no time zone of whole-minute offset can change day.
 */
export function localToday(now: Date, timeZone: string): CalendarDay {
  const minute = Math.floor(now.getTime() / 60_000);
  const known = todays.get(timeZone);
  if (known && known.minute === minute) return known.day;
  const parts = dayFormat(timeZone).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const day = Object.freeze({ year: get('year'), month: get('month'), day: get('day') });
  todays.set(timeZone, { minute, day });
  return day;
}

function valid(year: number, month: number, day: number): CalendarDay | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = fromUtc(Date.UTC(year, month - 1, day));
  return d.month === month ? d : undefined;
}

/** A day and month with no year means the next such date from today. */
function upcoming(today: CalendarDay, month: number, day: number, year?: number): CalendarDay | undefined {
  if (year !== undefined) return valid(year < 100 ? 2000 + year : year, month, day);
  const thisYear = valid(today.year, month, day);
  if (thisYear && isoDay(thisYear) >= isoDay(today)) return thisYear;
  return valid(today.year + 1, month, day);
}

const DAY_AFTER_TOMORROW = /apres[\s-]+demain|day after tomorrow|pasado manana|بعد غدا|بعد غدوه|ba3d ghda/u;
const SPANISH_TOMORROW = /(?<!(?:la|esta|por)\s)(?<![\p{L}])manana(?![\p{L}])/u;

function fromWords(folded: string, today: CalendarDay): CalendarDay | undefined {
  if (DAY_AFTER_TOMORROW.test(folded)) return addDays(today, 2);
  const tokens = wordTokens(folded);
  const num = (i: number): number | undefined => {
    const n = Number(tokens[i]?.replace(/(st|nd|rd|th|er)$/, ''));
    return Number.isInteger(n) && n >= 1 ? n : undefined;
  };
  const yearAt = (i: number): number | undefined => (/^\d{4}$/.test(tokens[i] ?? '') ? Number(tokens[i]) : undefined);
  for (let i = 0; i < tokens.length; i++) {
    const month = MONTHS.get(tokens[i]!);
    if (!month) continue;
    const before = tokens[i - 1] === 'de' ? num(i - 2) : num(i - 1);
    if (before !== undefined) return upcoming(today, month, before, yearAt(i + 1) ?? (tokens[i + 1] === 'de' ? yearAt(i + 2) : undefined));
    const after = num(i + 1);
    if (after !== undefined) return upcoming(today, month, after, yearAt(i + 2));
  }
  for (const t of tokens) {
    const offset = RELATIVE_DAYS.get(t);
    if (offset !== undefined) return addDays(today, offset);
  }
  if (SPANISH_TOMORROW.test(folded)) return addDays(today, 1);
  for (const t of tokens) {
    const wd = WEEKDAYS.get(t);
    if (wd !== undefined) return addDays(today, ((wd - weekday(today) + 6) % 7) + 1);
  }
  return undefined;
}

/** The first date a message names (ISO, dd/mm[/yyyy], "12 mars", "March 12", "demain", "lundi"...), as YYYY-MM-DD. */
export function parseDate(text: string, today: CalendarDay): string | undefined {
  const folded = foldText(text);
  const iso = folded.match(/(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/);
  if (iso) {
    const d = valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (d) return isoDay(d);
  }
  const numeric = folded.match(/(?<![\d:])(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?(?![\d:])/);
  if (numeric) {
    const d = upcoming(today, Number(numeric[2]), Number(numeric[1]), numeric[3] ? Number(numeric[3]) : undefined);
    if (d) return isoDay(d);
  }
  const worded = fromWords(folded, today);
  return worded ? isoDay(worded) : undefined;
}

const EVENING = /(?<![\p{L}])(pm|p m|soir|apres midi|tarde|noche|evening|afternoon|night|tonight|مساء|ليلا|العشيه|بالليل|فالليل|الليل|الليله|l3chiya|f l3chiya|fllil|lil)(?![\p{L}])/u;
const NOON = /(?<![\p{L}])(midi|noon|mediodia|الظهر|طناش)(?![\p{L}])/u;

/** The first time of day a message names ("14h", "14h30", "3pm", "a las 5 de la tarde", "الساعة 10"), as HH:MM. */
export function parseTime(text: string): string | undefined {
  const folded = foldText(text);
  const patterns = [
    /(?<![\d/.])(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.\s?m\.?|p\.\s?m\.?)(?![\p{L}])/u,
    /(?<![\d/.])(\d{1,2})\s*(?:h|heures?|:)\s*(\d{2})?(?![\p{L}\d])/u,
    /(?<![\p{L}])(?:a las|at|vers|الساعه|مع|m3a)\s+(\d{1,2})(?::(\d{2}))?(?![\d/.%\p{L}])/u,
  ];
  for (const re of patterns) {
    const m = folded.match(re);
    if (!m) continue;
    let hour = Number(m[1]);
    const minute = m[2] ? Number(m[2]) : 0;
    const meridiem = m[3]?.replace(/[\s.]/g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    if (!meridiem && hour < 12 && (EVENING.test(folded) || (re === patterns[2] && hour < 8))) hour += 12;
    if (hour <= 23 && minute <= 59) return `${pad(hour)}:${pad(minute)}`;
  }
  return NOON.test(folded) ? '12:00' : undefined;
}
