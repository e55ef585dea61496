import { foldText } from '../text/fold';

/** The agent's instructions as the model may see them, and what was kept out. */
export interface SplitInstructions {
  /** The instructions with every internal part removed: the only part placed in a prompt. */
  prompt: string;
  /** The internal parts, still guarded on the way out in case a model knows them anyway. */
  internal: string[];
  /** Short secrets found in the internal parts (codes, quoted strings), guarded character by character. */
  secrets: string[];
}

const LABELS = [
  'internal', 'internal note', 'internal notes', 'private', 'private note', 'private notes', 'confidential', 'staff only', 'for staff only',
  'interne', 'note interne', 'notes internes', 'prive', 'privee', 'confidentiel', 'reserve au personnel',
  'interno', 'nota interna', 'notas internas', 'privado', 'confidencial', 'solo para el personal',
  'ملاحظه داخليه', 'ملاحظات داخليه', 'داخلي', 'سري', 'خاص بالموظفين',
];
/** "Internal note: ..." (any of the labels, in the five languages) at the start of a line: the line is internal. */
const LABELLED_LINE = new RegExp(`^[\\s*•-]*(?:${LABELS.join('|')})\\s*:`, 'u');
/** "[internal] ... [/internal]" (or private, confidential, interne...): the block is internal; unclosed runs to the end. */
const BLOCK = /\[(internal|private|confidential|interne|prive|confidentiel|interno|privado|confidencial)\]([\s\S]*?)(?:\[\/\1\]|$)/giu;
const CODE_LIKE = /[\p{L}\p{N}]+(?:[-_./][\p{L}\p{N}]+)*/gu;
const QUOTED = /["“«`'‘]([^"”»`'’\n]{4,40})["”»`'’]/gu;

const compactLength = (s: string): number => (foldText(s).match(/[\p{L}\p{N}]/gu) ?? []).length;

/** Codes and quoted strings of 5+ letters/digits: a code holds a digit or is written in capitals ("ATLAS-STAFF-30", "99812"). */
function secretsIn(text: string): string[] {
  const codes = [...text.matchAll(CODE_LIKE)].map((m) => m[0]).filter((t) => compactLength(t) >= 5 && (/\p{N}/u.test(t) || (/\p{Lu}{2}/u.test(t) && t === t.toUpperCase())));
  const quoted = [...text.matchAll(QUOTED)].map((m) => m[1]!.trim()).filter((t) => compactLength(t) >= 5);
  return [...new Set([...codes, ...quoted])];
}

/**
 * Splits an agent's instructions into what a model may read and what is internal. The agent's
 * configuration has one free-text `instructions` field; a business marks a part internal with a
 * label line ("Internal note: ...", "Note interne : ...") or a block ("[internal]...[/internal]").
 */
export function splitInstructions(instructions: string): SplitInstructions {
  const internal: string[] = [];
  const unblocked = instructions.replace(BLOCK, (_all, _tag: string, body: string) => {
    if (body.trim()) internal.push(body.trim());
    return '';
  });
  const kept: string[] = [];
  for (const line of unblocked.split('\n')) {
    if (LABELLED_LINE.test(foldText(line))) internal.push(line.trim());
    else kept.push(line);
  }
  const prompt = kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { prompt, internal, secrets: internal.flatMap(secretsIn) };
}
