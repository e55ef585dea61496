import { isWidgetLanguage } from './language';
import type { ChatMessage, Conversation } from './widget-types';

export const CONVERSATION_TTL_MS = 30 * 60 * 1000;
export const MAX_STORED_MESSAGES = 50;

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** `vs_` + 24 hex: matches RespondRequest.sessionId (8..128 of [A-Za-z0-9_-]). */
export function newSessionId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `vs_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function isMessage(value: unknown): value is ChatMessage {
  const m = value as ChatMessage | null;
  return !!m && (m.role === 'user' || m.role === 'assistant') && typeof m.text === 'string' && typeof m.at === 'number';
}

/** The stored conversation if it is well formed and younger than the TTL; otherwise undefined. */
export function parseConversation(raw: string | null, now: number): Conversation | undefined {
  if (!raw) return undefined;
  let value: Partial<Conversation>;
  try {
    value = JSON.parse(raw) as Partial<Conversation>;
  } catch {
    return undefined;
  }
  if (typeof value.sessionId !== 'string' || !/^[A-Za-z0-9_-]{8,128}$/.test(value.sessionId)) return undefined;
  if (typeof value.updatedAt !== 'number' || now - value.updatedAt > CONVERSATION_TTL_MS || value.updatedAt > now + 60_000) return undefined;
  const messages = Array.isArray(value.messages) ? value.messages.filter(isMessage).slice(-MAX_STORED_MESSAGES) : [];
  const chosen = isWidgetLanguage(value.chosenLanguage) ? { chosenLanguage: value.chosenLanguage } : {};
  return { sessionId: value.sessionId, updatedAt: value.updatedAt, messages, ...chosen };
}

/** One conversation per tenant and tab (sessionStorage), sliding 30-minute expiry, last 50 messages. */
export class ConversationStore {
  constructor(
    private readonly storage: KeyValueStorage | undefined,
    private readonly key: string,
    private readonly now: () => number = Date.now,
  ) {}

  load(): Conversation {
    const raw = this.read();
    const stored = parseConversation(raw, this.now());
    if (stored) return stored;
    if (raw !== null) this.remove();
    return { sessionId: newSessionId(), updatedAt: this.now(), messages: [] };
  }

  save(conversation: Conversation): Conversation {
    const kept: Conversation = { ...conversation, updatedAt: this.now(), messages: conversation.messages.slice(-MAX_STORED_MESSAGES) };
    try {
      this.storage?.setItem(this.key, JSON.stringify(kept));
    } catch {
      // Storage full or blocked (private mode): the conversation still works for this page view.
    }
    return kept;
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(this.key) ?? null;
    } catch {
      return null;
    }
  }

  private remove(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing to clean when storage is blocked.
    }
  }
}
