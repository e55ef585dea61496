import { resolvePersona } from '@vocalia/agent';
import { handsOver, type Language, type TenantSnapshot } from '@vocalia/contracts';
import { withChosenAgent, type ConversationRuntime } from '@vocalia/conversation';
import { AppError } from '@vocalia/service-kit';
import type { PhoneAgent, PhoneTurns } from './phone-turns';

const withBusiness = (text: string, snapshot: TenantSnapshot) => text.replaceAll('{business}', snapshot.tenant.name);

/** The agent speaks the tenant's language when it can, else its own first one. */
export function languageOf(snapshot: TenantSnapshot): Language {
  const spoken = snapshot.agent?.languages ?? [];
  return spoken.length === 0 || spoken.includes(snapshot.tenant.defaultLanguage) ? snapshot.tenant.defaultLanguage : (spoken[0] as Language);
}

function phoneAgent(snapshot: TenantSnapshot): PhoneAgent {
  const language = languageOf(snapshot);
  const greeting = snapshot.agent?.greeting[language] ?? resolvePersona(snapshot).greeting[language];
  return {
    agentId: snapshot.agent?.id ?? null,
    language,
    greeting: withBusiness(greeting, snapshot),
    ...(snapshot.agent?.transferNumber ? { transferNumber: snapshot.agent.transferNumber } : {}),
  };
}

/** A suspended account, a plan without telephony, or phone minutes used up for the period: no call is answered or placed. */
const answersCalls = (snapshot: TenantSnapshot) =>
  snapshot.tenant.status !== 'suspended' && snapshot.tenant.features.includes('telephony') && !snapshot.tenant.telephonyMinutesReached;

/** Phone turns on the shared turn runtime: channel `phone`, the call SID as session id, no page origin. */
export function conversationTurns(runtime: ConversationRuntime): PhoneTurns {
  const snapshotOf = async (tenantId: string, agentId: string | null) => {
    const snapshot = await runtime.snapshots.get(tenantId);
    return snapshot && withChosenAgent(snapshot, agentId ?? undefined);
  };
  return {
    async agentFor(tenantId, agentId) {
      const snapshot = await snapshotOf(tenantId, agentId);
      return snapshot && answersCalls(snapshot) ? phoneAgent(snapshot) : null;
    },
    async answer(input) {
      const snapshot = await snapshotOf(input.tenantId, input.agentId);
      if (!snapshot) throw new AppError('NOT_FOUND', 'The tenant of this call is no longer known.');
      const reply = await runtime.respond({
        snapshot,
        sessionId: input.callSid,
        channel: 'phone',
        origin: null,
        requestId: input.requestId,
        text: input.message,
        ...(snapshot.agent ? { agentId: snapshot.agent.id } : {}),
      });
      return { answer: reply.answer, language: reply.language, intent: reply.intent, handoff: handsOver(reply.actions) };
    },
    async lastExchange(tenantId, callSid) {
      const [snapshot, { history }] = await Promise.all([runtime.snapshots.get(tenantId), runtime.loadSession(tenantId, callSid)]);
      const answer = history.findLast((t) => t.role === 'assistant');
      const question = history.findLast((t) => t.role === 'user');
      return snapshot && answer && question ? { businessName: snapshot.tenant.name, question: question.text, answer: answer.text } : null;
    },
  };
}
