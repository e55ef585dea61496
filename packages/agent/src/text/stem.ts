import type { Language } from '@vocalia/contracts';

const FR = ['issements', 'issement', 'ements', 'ement', 'ations', 'ation', 'ateurs', 'ateur', 'atrices', 'atrice', 'euses', 'euse', 'ances', 'ance', 'ences', 'ence', 'ments', 'ment', 'iques', 'ique', 'ables', 'able', 'ites', 'ite', 'ives', 'ive', 'eux', 'es', 's', 'x', 'e'];
const ES = ['amientos', 'amiento', 'imientos', 'imiento', 'aciones', 'acion', 'uciones', 'ucion', 'idades', 'idad', 'mente', 'es', 's'];
const AR_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const AR_SUFFIXES = ['ات', 'ون', 'ين', 'ان', 'ها', 'هم', 'كم', 'نا', 'ته', 'يه', 'ه', 'ي'];

function stripFirst(token: string, suffixes: readonly string[], minStem: number): string {
  for (const s of suffixes) {
    if (token.endsWith(s) && token.length - s.length >= minStem) return token.slice(0, -s.length);
  }
  return token;
}

function stemEnglish(t: string): string {
  let s = t;
  if (s.length > 4 && s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.length > 3 && /([bdgmnprt])\1$/.test(s)) s = s.slice(0, -1);
  if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1);
  return s;
}

function stemSpanish(t: string): string {
  const s = stripFirst(t, ES, 3);
  return s.length > 4 && /[aoe]$/.test(s) ? s.slice(0, -1) : s;
}

/** Light Arabic stemming: definite article and common clitics/plural endings, keeping at least 3 letters. */
export function stemArabic(t: string): string {
  let s = t;
  for (const p of AR_PREFIXES) {
    if (s.startsWith(p) && s.length - p.length >= 3) {
      s = s.slice(p.length);
      break;
    }
  }
  if (s.length >= 5 && s.startsWith('و')) s = s.slice(1);
  return stripFirst(s, AR_SUFFIXES, 3);
}

/** Stem a folded Latin-script token by language; Arabizi (Latin Darija) is left as written. */
export function stemLatin(token: string, language: Language): string {
  if (/\d/.test(token)) return token;
  switch (language) {
    case 'fr':
      return stripFirst(token, FR, 3);
    case 'en':
      return stemEnglish(token);
    case 'es':
      return stemSpanish(token);
    default:
      return token;
  }
}
