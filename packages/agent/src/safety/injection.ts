import { foldText, wordTokens } from '../text/fold';
import { CUES, DELIMITERS, type Cue } from './injection-cues';

/** A message scoring this much or more is treated as an attempt to extract or take over (see `scoreInjection`). */
export const INJECTION_THRESHOLD = 1;

export interface InjectionScore {
  score: number;
  /** The concepts the message mentioned, for logs and tests. */
  cues: Cue[];
}

const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;
/** "i g n o r e", "s.y.s.t.e.m": four or more single letters joined by separators become one word. */
const SPACED_LETTERS = /(?<![\p{L}\p{N}])(?:\p{L}[\s.\-_*]+){3,}\p{L}(?![\p{L}\p{N}])/gu;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

function words(folded: string): string[] {
  return wordTokens(folded.replace(SPACED_LETTERS, (run) => run.replace(/[\s.\-_*]+/g, '')));
}

/** Latin words mixing letters and digits or symbols read as letters ("1gn0re", "pr0mpt"), Arabizi included. */
function unleet(text: string): string {
  return text.replace(/[\p{L}\p{N}@$]+/gu, (w) => (/\p{L}/u.test(w) && /[\d@$]/.test(w) && !/[\u0600-\u06ff]/.test(w) ? w.replace(/[013457@$]/g, (c) => LEET[c]!) : w));
}

function scoreView(tokens: readonly string[], raw: string): InjectionScore {
  const hit: Set<Cue> = CUES.labelsIn(tokens);
  if (DELIMITERS.test(raw)) hit.add('delimiters');
  const has = (cue: Cue): boolean => hit.has(cue);
  const privateRules = (has('rules') || has('notes')) && has('privileged');
  const strong = has('configuration') || has('toldYou') || privateRules;
  const aboutConfiguration = strong || has('rules');
  let score = 0;
  if (strong) score += 0.6;
  else if (has('rules')) score += 0.3;
  if (privateRules) score += 0.3;
  if (has('rules') && has('toldYou')) score += 0.3;
  if (aboutConfiguration && (has('self') || has('toldYou'))) score += 0.3;
  if (aboutConfiguration && has('extract')) score += 0.5;
  if (aboutConfiguration && has('override')) score += 1;
  if (has('exfilForm')) score += 0.5;
  if (has('beforeConversation')) score += 0.5;
  if (has('roleplay')) score += 0.7;
  if (has('jailbreak')) score += 0.7;
  if (has('secretObject') && has('privileged')) score += 1;
  if (has('credentials') || has('delimiters')) score += 1;
  if (has('other') && has('customerData')) score += 1;
  // "Is my data shared with other companies?" is a fair question; which others use the service is not.
  else if (has('other') && has('businesses')) score += has('users') ? 1 : 0.6;
  if (has('platform') && (has('users') || has('businesses'))) score += 1;
  return { score: Math.round(score * 10) / 10, cues: [...hit] };
}

/**
 * How strongly a message tries to read the agent's instructions, configuration or secrets, to
 * change its role, or to reach other tenants: concepts found on normalised text (folded, invisible
 * characters removed, spaced-out letters and leetspeak rejoined) in fr/en/es/ar/ary, combined.
 */
export function scoreInjection(message: string): InjectionScore {
  const raw = foldText(message.replace(INVISIBLE, ''));
  const plain = scoreView(words(raw), raw);
  const leeted = unleet(raw);
  if (leeted === raw) return plain;
  const leet = scoreView(words(leeted), raw);
  return leet.score > plain.score ? leet : plain;
}

/** True when the message tries to read the instructions, change the agent's role, or reach secrets or other tenants. */
export function isPromptInjection(message: string): boolean {
  return scoreInjection(message).score >= INJECTION_THRESHOLD;
}
