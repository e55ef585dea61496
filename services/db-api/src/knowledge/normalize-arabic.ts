// Harakat, Quranic marks, superscript alef and tatweel: optional in Arabic script, rarely typed, and they break matching.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/**
 * Applied to stored chunks and to queries alike, so both sides match: Darija has no stemmer ('simple'
 * configuration), and Arabic text typed with or without vowel marks should find the same chunks.
 * Only Arabic-script marks are touched; other scripts pass through unchanged.
 */
export function stripArabicMarks(text: string): string {
  return text.replace(ARABIC_MARKS, '');
}
