import { foldText, isArabicScript } from '../text/fold';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function wordPattern(word: string): string {
  const prefix = word.endsWith('*');
  const body = escape(foldText(prefix ? word.slice(0, -1) : word));
  // Arabic words carry clitics and suffixes (ال, ك, ديالك...): they match inside a longer word.
  if (isArabicScript(body)) return `\\p{L}*${body}\\p{L}*`;
  return prefix ? `${body}[\\p{L}\\p{N}]*` : body;
}

/**
 * One regex for '|' separated phrases, matched on normalised text (folded, punctuation as spaces).
 * `word*` matches any word starting with `word`; words of a phrase may have up to `gap` other
 * words between them ("repeat [everything] above").
 */
export function cueRegex(list: string, gap = 0): RegExp {
  const between = gap > 0 ? `(?:\\s+[\\p{L}\\p{N}]+){0,${gap}}\\s+` : '\\s+';
  const parts = list
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `(?<![\\p{L}\\p{N}])${p.split(/\s+/).map(wordPattern).join(between)}(?![\\p{L}\\p{N}])`);
  return new RegExp(parts.join('|'), 'u');
}
