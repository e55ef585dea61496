import type { Language, TenantSnapshot } from '@vocalia/contracts';
import { REPLIES, resolvePersona, SECURITY_RULES, splitInstructions } from '@vocalia/agent';

/** Knowledge given to the speech model up front (it cannot call our retrieval mid-sentence). */
const MAX_KNOWLEDGE_CHARS = 8000;

/** The agent's persona, public instructions and knowledge as one system prompt for a spoken session. */
export function sessionInstructions(snapshot: TenantSnapshot, language: Language): string {
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
    persona.instructions.replaceAll('{business}', business),
    `You are ${snapshot.agent?.name ?? 'the assistant'} of ${business}, speaking with a website visitor. Speak ${REPLIES.en.languageNames[language]} unless the visitor switches; keep answers short, as in a phone call.`,
    own,
    knowledge.length ? `What ${business} has published (answer from it; say so when it does not say):\n${knowledge.join('\n')}` : '',
    SECURITY_RULES,
  ]
    .filter((part) => part.length > 0)
    .join('\n\n');
}
