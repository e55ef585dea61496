import { LANGUAGES, type Intent } from '@vocalia/contracts';
import type { EngineInput } from '../engine';
import type { Localized, Persona } from '../personas';
import { fill, REPLIES } from '../personas/replies';
import { foldText, wordTokens } from '../text/fold';

const AFFIRMATIONS = new Set(
  wordTokens(
    foldText(`oui ouais d accord ok okay parfait volontiers bien sur avec plaisir svp yes yeah yep sure please of course go ahead
      si claro vale por supuesto dale نعم ايه اه أكيد طبعا واخا ايوا موافق iyeh ah wakha yallah ewa safi`),
  ),
);

/** "oui", "yes please", "واخا": a short message made only of agreement words. */
export function isAffirmation(tokens: readonly string[]): boolean {
  return tokens.length > 0 && tokens.length <= 4 && tokens.every((t) => AFFIRMATIONS.has(t));
}

function endsWithOneOf(text: string, phrases: Localized): boolean {
  const said = text.trim();
  return LANGUAGES.some((l) => said.endsWith(phrases[l].trim()));
}

/**
 * A "yes" answers the agent's last question: its follow-up (a booking offer for most sectors) or
 * its offer to put the visitor in touch with a person.
 */
export function intentOfAffirmation(input: EngineInput, persona: Persona): Intent | undefined {
  const last = input.history.at(-1);
  if (!last || last.role !== 'assistant') return undefined;
  if (persona.followUpIntent === 'booking' && endsWithOneOf(last.text, persona.followUp)) return 'booking';
  const offers = Object.fromEntries(LANGUAGES.map((l) => [l, fill(REPLIES[l].offerHuman, { staff: persona.staff[l] })])) as Localized;
  if (endsWithOneOf(last.text, persona.fallback) || endsWithOneOf(last.text, offers)) return 'handoff';
  return undefined;
}

/** True when our last message asked for missing booking details (so the visitor's next message answers it). */
export function askedForBookingDetails(input: EngineInput): boolean {
  const last = input.history.at(-1);
  if (!last || last.role !== 'assistant') return false;
  return LANGUAGES.some((l) => last.text.startsWith(REPLIES[l].bookingAsk.split('{missing}')[0]!));
}
