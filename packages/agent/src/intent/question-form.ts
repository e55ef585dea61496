import { foldText, wordTokens } from '../text/fold';

const INTERROGATIVES = new Set(
  wordTokens(
    foldText(`quel quelle quels quelles combien comment pourquoi quand où qui avez pouvez what which how why when where who
      do does did can could is are will would qué cuál cuánto cuánta cómo cuándo dónde quién hay tienen puede هل ما ماذا كيف متى أين لماذا
      كم واش شنو اشنو كيفاش فوقاش وقتاش فين علاش شحال شكون wach chno kifach fin 3lach chhal ch7al`),
  ),
);

/** True when a message asks something (question mark, or it opens with an interrogative), false for a statement. */
export function isQuestion(message: string): boolean {
  if (/[?؟¿]/.test(message)) return true;
  const first = wordTokens(foldText(message)).slice(0, 3);
  // "Est-ce que" and "Qu'est-ce que" ask; their words alone do not ("C'est urgent", "Ce serait pour lundi").
  const [a, b, c] = first;
  if ((a === 'est' && b === 'ce') || (a === 'qu' && b === 'est' && c === 'ce')) return true;
  return first.slice(0, 2).some((w) => INTERROGATIVES.has(w));
}
