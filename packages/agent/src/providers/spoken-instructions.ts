import type { Language, TenantSnapshot } from '@vocalia/contracts';
import { resolvePersona } from '../personas';
import { fill, REPLIES } from '../personas/replies';
import { splitInstructions } from '../safety/private-notes';
import { politeAddress, SECURITY_RULES } from './system-prompt';

/** Knowledge given to a speech model up front (it cannot call our retrieval mid-sentence). */
const MAX_KNOWLEDGE_CHARS = 8000;

const SETTING = {
  voice: 'speaking with a website visitor',
  phone: 'on a phone call with a caller: short spoken sentences, no lists or markup',
} as const;

/**
 * One system prompt for a spoken session (browser voice or phone): the persona's instructions in the
 * session's language, the agent's public instructions (never its internal notes), what the tenant
 * published, and the security rules.
 */
export function spokenSessionInstructions(snapshot: TenantSnapshot, language: Language, channel: keyof typeof SETTING): string {
  const persona = resolvePersona(snapshot);
  const business = snapshot.tenant.name;
  const own = splitInstructions(snapshot.agent?.instructions ?? '').prompt;
  let budget = MAX_KNOWLEDGE_CHARS;
  const knowledge: string[] = [];
  for (const chunk of snapshot.knowledge) {
    const line = `- ${chunk.title}: ${chunk.text}`;
    if (line.length > budget) break;
    knowledge.push(line);
    budget -= line.length;
  }
  return [
    fill(persona.instructions[language], { business }),
    `You are ${snapshot.agent?.name ?? 'the assistant'} of ${business}, ${SETTING[channel]}. Speak ${REPLIES.en.languageNames[language]} unless they switch language; keep answers short.`,
    politeAddress(language),
    own,
    knowledge.length ? `What ${business} has published (answer from it; say so when it does not say):\n${knowledge.join('\n')}` : '',
    SECURITY_RULES,
  ]
    .filter((part) => part.length > 0)
    .join('\n\n');
}
