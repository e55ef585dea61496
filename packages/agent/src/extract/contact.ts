import type { Contact } from '@vocalia/contracts';
import { STOPWORDS } from '../text/stopwords';
import { foldText } from '../text/fold';

export const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE = /(?:\+|00)?\d[\d\s.()-]{6,}\d/g;
const NAME_CUE = /(?:je m['’ ]?appelle|mon nom est|moi c['’]est|au nom de|nom ?:|(?:my |the )?name is|my name's|name ?:|i am called|under the name(?: of)?|in the name of|me llamo|mi nombre es|a nombre de|nombre ?:|اسمي|سميتي|إسمي|باسم|بسمية|على سمية|smiti|ismi|esmi|bsmiya|3la smiya)\s+([^\d\s,.;:!?؟،]+(?:\s+[^\d\s,.;:!?؟،]+){0,2})/iu;
const NOT_NAME = new Set(['email', 'mail', 'courriel', 'phone', 'telephone', 'numero', 'number', 'correo', 'telefono', 'rqmi', 'ورقمي', 'ونمرتي']);

/** Phone numbers: 9 to 15 digits, optional + or 00, separators allowed. */
export function findPhones(text: string): string[] {
  return (text.match(PHONE) ?? []).map((p) => p.trim()).filter((p) => {
    const digits = p.replace(/\D/g, '').length;
    return digits >= 9 && digits <= 15;
  });
}

function isStop(word: string): boolean {
  const w = foldText(word);
  return NOT_NAME.has(w) || Object.values(STOPWORDS).some((set) => set.has(w));
}

function titleCase(word: string): string {
  return /^[a-z]/.test(word) ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** "je m'appelle Karim Benali, ...", "au nom de Karim Benali" -> "Karim Benali": up to three words, stopping at a connector. */
export function findName(text: string): string | undefined {
  const m = text.match(NAME_CUE);
  if (!m?.[1]) return undefined;
  const words: string[] = [];
  for (const word of m[1].split(/\s+/)) {
    if (isStop(word) || (words.length > 0 && /^و\S{3,}/.test(word))) break;
    words.push(titleCase(word));
  }
  return words.length > 0 ? words.join(' ') : undefined;
}

/** The contact details one message gives (only the fields it gives). */
export function contactIn(text: string): Contact {
  const contact: Contact = {};
  const email = text.match(EMAIL)?.[0];
  if (email) contact.email = email.toLowerCase();
  const phone = findPhones(text.replace(EMAIL, ' '))[0];
  if (phone) contact.phone = phone.replace(/[\s.()-]/g, '');
  const name = findName(text);
  if (name) contact.name = name;
  return contact;
}

/** Each message's details (oldest first) merged into a new object: a later value replaces an earlier one. */
export function mergeContacts(parts: readonly Contact[]): Contact | undefined {
  const contact: Contact = {};
  for (const part of parts) Object.assign(contact, part);
  return Object.keys(contact).length > 0 ? contact : undefined;
}

/** Contact details from the visitor's messages (oldest first); a later value replaces an earlier one. */
export function extractContact(texts: readonly string[]): Contact | undefined {
  return mergeContacts(texts.map(contactIn));
}
