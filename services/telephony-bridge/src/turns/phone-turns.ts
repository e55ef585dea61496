import type { Language } from '@vocalia/contracts';

/** Who answers a call: the tenant's agent, in its language, and where a transfer goes. */
export interface PhoneAgent {
  agentId: string | null;
  language: Language;
  greeting: string;
  transferNumber?: string;
}

export interface PhoneTurnInput {
  tenantId: string;
  agentId: string | null;
  /** The conversation's session id is the call SID. */
  callSid: string;
  /** What the caller said; the engine detects its language. */
  message: string;
  requestId: string;
}

export interface PhoneTurnReply {
  answer: string;
  language: Language;
  intent: string;
  /** The engine hands the caller over (`transfer_to_human`, a hand-off intent); a person only offered is not. */
  handoff: boolean;
}

/** The last exchange of a call, for the SMS summary. */
export interface CallExchange {
  businessName: string;
  question: string;
  answer: string;
}

/** The turn runtime as a phone call uses it: history, engine, transcript and usage events on channel `phone`. */
export interface PhoneTurns {
  /** null when the tenant is unknown, suspended, or its plan has no telephony. */
  agentFor(tenantId: string, agentId: string | null): Promise<PhoneAgent | null>;
  answer(input: PhoneTurnInput): Promise<PhoneTurnReply>;
  /** The call's last question and answer from its history; null when nothing was said. */
  lastExchange(tenantId: string, callSid: string): Promise<CallExchange | null>;
}
