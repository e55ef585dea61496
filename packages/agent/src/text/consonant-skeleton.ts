import { isArabicScript } from './fold';

/** Arabic letters (already folded) to the consonant class Latin Darija writes for them; long vowels and glides drop. */
const ARABIC: Record<string, string> = {
  'ب': 'b', 'ت': 't', 'ث': 't', 'ج': 'j', 'ح': 'h', 'خ': 'x', 'د': 'd', 'ذ': 'd', 'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'c',
  'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'd', 'ع': '3', 'غ': 'G', 'ف': 'f', 'ڤ': 'f', 'ق': 'q', 'ك': 'k', 'گ': 'g', 'ل': 'l',
  'م': 'm', 'ن': 'n', 'ه': 'h', 'پ': 'b', 'ا': '', 'و': '', 'ي': '', 'ء': '', 'ئ': '', 'ؤ': '',
};

/** Latin Darija (Arabizi) digraphs and digits first, then single letters; vowels and glides drop. */
const LATIN: [RegExp, string][] = [
  [/ch|sh/g, 'c'], [/kh/g, 'x'], [/gh/g, 'G'], [/dj/g, 'j'], [/g(?=[eiy])/g, 'j'], [/ou/g, ''],
  [/7/g, 'h'], [/9/g, 'q'], [/3/g, '3'], [/[25]/g, ''], [/v/g, 'f'], [/p/g, 'b'], [/[aeiouyw]/g, ''],
];

function squeeze(skeleton: string): string {
  const single = skeleton.replace(/(.)\1+/g, '$1');
  // The article (al-/l-) is written joined in both scripts: drop it when enough of the word is left.
  const bare = single.length >= 3 && single.startsWith('l') ? single.slice(1) : single;
  // Ta marbuta, folded to ha, is a vowel in Latin spelling.
  return bare.length >= 3 && bare.endsWith('h') ? bare.slice(0, -1) : bare;
}

/**
 * The consonant skeleton of a folded token, shared by its Arabic-script and Latin (Arabizi)
 * spellings: "lvidange" and "الفيدونج" both give "fdnj", "ch7al" and "شحال" both "chl". Undefined when
 * too short to tell words apart.
 */
export function consonantSkeleton(token: string): string | undefined {
  let s: string;
  const arabicScript = isArabicScript(token);
  if (arabicScript) {
    s = [...token].map((c) => ARABIC[c] ?? '').join('');
  } else {
    s = token;
    for (const [pattern, to] of LATIN) s = s.replace(pattern, to);
    if (/[^a-z3GHcxq]/.test(s)) return undefined;
  }
  const skeleton = squeeze(s);
  // Two consonants tell Arabic words apart; from Latin letters, whose vowels and loanwords blur them, it takes three.
  return skeleton.length >= (arabicScript ? 2 : 3) ? `~${skeleton}` : undefined;
}
