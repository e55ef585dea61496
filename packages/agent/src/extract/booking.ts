import type { BookingRequest, Contact } from '@vocalia/contracts';
import { foldText, wordTokens } from '../text/fold';
import { STOPWORDS } from '../text/stopwords';
import { MONTHS, RELATIVE_DAYS, WEEKDAYS } from './calendar-words';
import { EMAIL, findPhones } from './contact';
import { parseDate, parseTime, type CalendarDay } from './dates';

/** What follows these words names the service: "rendez-vous pour un détartrage", "book a cleaning", "cita para una limpieza". */
const SERVICE_CUE = /(?<![\p{L}])(?:rendez vous|rdv|reservation|reserver|consultation|booking|appointment|book|reserve|cita|reservar|reserva|موعد|حجز|نحجز|maw3id)(?=\s+(?:(?:pour|de|d|for|of|para|ل|من اجل|ديال|dyal|dial)\s+)?(?:(?:un|une|le|la|l|des|mon|ma|a|an|the|my|una|el|mi)\s+)?([\p{L}\p{N}]+(?:\s+[\p{L}\p{N}]+)?))/gu;
const TIME_WORDS = new Set(['h', 'heures', 'demain', 'tomorrow', 'today', 'hoy', 'manana', 'at', 'a', 'on', 'le', 'next', 'this', 'ce', 'cette', 'prochain', 'semaine', 'week', 'semana', 'matin', 'morning', 'soir', 'evening', 'apres', 'midi', 'afternoon', 'غدا', 'غدوه', 'اليوم', 'يوم', 'نهار', 'ليله', 'صباح', 'مساء', 'الساعه', 'مع', 'rendez', 'vous', 'rdv', 'appointment', 'booking', 'book', 'reservation', 'cita', 'موعد', 'حجز']);

function isServiceWord(word: string): boolean {
  if (/\d/.test(word) || TIME_WORDS.has(word) || WEEKDAYS.has(word) || MONTHS.has(word) || RELATIVE_DAYS.has(word)) return false;
  return !Object.values(STOPWORDS).some((set) => set.has(word));
}

/** The service asked for, in the visitor's own spelling when folding kept the text aligned. */
export function findService(text: string): string | undefined {
  const folded = foldText(text).replace(/['’-]/g, ' ');
  for (const m of folded.matchAll(SERVICE_CUE)) {
    const words: string[] = [];
    for (const w of wordTokens(m[1] ?? '')) {
      if (!isServiceWord(w)) break;
      words.push(w);
    }
    if (words.length === 0) continue;
    const phrase = words.join(' ');
    const start = folded.indexOf(phrase, m.index);
    return folded.length === text.length && start >= 0 ? text.slice(start, start + phrase.length) : phrase;
  }
  return undefined;
}

/** "6 personnes", "8 people", "4 personas", "6 أشخاص", "5 نفار", "table pour 2", "mesa para 4", "samedi à 20h pour 4": how many the booking is for. */
const PARTY = /(?<![\p{L}\d:])(\d{1,3})\s*(?:personnes?|pers|couverts|adultes|people|persons|guests|adults|personas|comensales|adultos|اشخاص|شخص|نفار|ديال الناس|dyal nas|nfar)(?![\p{L}])|(?<![\p{L}])(?:table|mesa|طابله)\s+(?:pour|for|para|de|ديال|dyal)\s+(\d{1,3})(?![\d:.]|\s*(?:h|pm|am|heures?)(?![\p{L}]))|(?<![\p{L}])(?:pour|for|para)\s+(\d{1,2})\s*(?:$|[,.;!?؟])/u;

/** The party size a message gives; the reply words it, in its own language, as the booking's note ("6 personnes"). */
export function findPartySize(text: string): number | undefined {
  const m = foldText(text).match(PARTY);
  const size = Number(m?.[1] ?? m?.[2] ?? m?.[3]);
  return size >= 1 && size <= 500 ? size : undefined;
}

export interface BookingCapture {
  booking: BookingRequest;
  missing: ('date' | 'time' | 'name' | 'contact')[];
  /** How many the booking is for, when the visitor said (the reply words it in the booking's note). */
  party?: number;
}

/** The date, time, service and party size one message gives (only the fields it gives); dates resolve against `today`. */
export type BookingDetails = Pick<BookingRequest, 'date' | 'time' | 'service'> & { party?: number };

export function bookingDetailsIn(raw: string, today: CalendarDay): BookingDetails {
  const details: BookingDetails = {};
  const text = findPhones(raw.replace(EMAIL, ' ')).reduce((t, p) => t.replace(p, ' '), raw.replace(EMAIL, ' '));
  const date = parseDate(text, today);
  if (date) details.date = date;
  const time = parseTime(text);
  if (time) details.time = time;
  const service = findService(text);
  if (service) details.service = service;
  const party = findPartySize(text);
  if (party) details.party = party;
  return details;
}

/**
 * A booking request assembled from the visitor's messages (oldest first, later values win) and the
 * contact details found so far. Dates are resolved against `today` in the tenant's time zone.
 */
export function captureBooking(texts: readonly string[], contact: Contact | undefined, today: CalendarDay): BookingCapture {
  return assembleBooking(texts.map((t) => bookingDetailsIn(t, today)), contact);
}

/** `captureBooking` from each message's details (oldest first), for callers that keep those of past messages. */
export function assembleBooking(details: readonly BookingDetails[], contact: Contact | undefined): BookingCapture {
  const booking: BookingRequest = {};
  let party: number | undefined;
  for (const { party: size, ...fields } of details) {
    Object.assign(booking, fields);
    party = size ?? party;
  }
  if (contact?.name) booking.name = contact.name;
  if (contact?.email) booking.email = contact.email;
  if (contact?.phone) booking.phone = contact.phone;
  const missing: BookingCapture['missing'] = [];
  if (!booking.date) missing.push('date');
  if (!booking.time) missing.push('time');
  if (!booking.name) missing.push('name');
  if (!booking.email && !booking.phone) missing.push('contact');
  return party ? { booking, missing, party } : { booking, missing };
}
