import { foldText, isArabicScript } from '../text/fold';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regex for '|' separated phrases, matched on folded text. Latin phrases need word boundaries;
 * Arabic ones may carry clitics (و, ب, ال...) so only their end is bounded.
 */
export function phraseRegex(list: string, flags = 'u'): RegExp {
  const parts = list
    .split('|')
    .map((p) => foldText(p.trim()).replace(/['’]/g, ' ').replace(/\s+/g, ' '))
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const body = escape(p).replace(/ /g, "[\\s'’-]+");
      return isArabicScript(p) ? `${body}(?![\\p{L}\\p{N}])` : `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
    });
  return new RegExp(parts.join('|'), flags);
}
