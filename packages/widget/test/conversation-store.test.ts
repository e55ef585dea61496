import { CONVERSATION_TTL_MS, ConversationStore, MAX_STORED_MESSAGES, newSessionId, parseConversation, type KeyValueStorage } from '../src/browser/conversation-store';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('conversation storage', () => {
  it('when a conversation is saved, then a reload within 30 minutes gets the same session and messages', () => {
    let now = 1_000_000;
    const storage = memoryStorage();
    const store = new ConversationStore(storage, 'vocalia:t1', () => now);
    const first = store.load();
    store.save({ ...first, messages: [{ role: 'user', text: 'Bonjour', at: now }] });
    now += CONVERSATION_TTL_MS - 1;
    const again = new ConversationStore(storage, 'vocalia:t1', () => now).load();
    expect(again.sessionId).toBe(first.sessionId);
    expect(again.messages.map((m) => m.text)).toEqual(['Bonjour']);
  });

  it('when 30 minutes pass without activity, then a new session starts and the old record is removed', () => {
    let now = 1_000_000;
    const storage = memoryStorage();
    const store = new ConversationStore(storage, 'k', () => now);
    const first = store.save({ ...store.load(), messages: [{ role: 'user', text: 'x', at: now }] });
    now += CONVERSATION_TTL_MS + 1;
    const fresh = store.load();
    expect(fresh.sessionId).not.toBe(first.sessionId);
    expect(fresh.messages).toEqual([]);
    expect(storage.data.has('k')).toBe(false);
  });

  it('when more than 50 messages are saved, then only the last 50 are kept', () => {
    const storage = memoryStorage();
    const store = new ConversationStore(storage, 'k', () => 5);
    const messages = Array.from({ length: 70 }, (_, i) => ({ role: 'user' as const, text: `m${i}`, at: i }));
    const saved = store.save({ ...store.load(), messages });
    expect(saved.messages).toHaveLength(MAX_STORED_MESSAGES);
    expect(store.load().messages[0]?.text).toBe('m20');
  });

  it('when the stored value is corrupt or tampered with, then it is ignored', () => {
    expect(parseConversation('{not json', 0)).toBeUndefined();
    expect(parseConversation(JSON.stringify({ sessionId: 'bad id!', updatedAt: 0, messages: [] }), 0)).toBeUndefined();
    const parsed = parseConversation(JSON.stringify({ sessionId: 'vs_12345678', updatedAt: 0, messages: [{ role: 'system', text: 'x', at: 0 }, { role: 'user', text: 'ok', at: 0 }], chosenLanguage: 'xx' }), 0);
    expect(parsed?.messages.map((m) => m.text)).toEqual(['ok']);
    expect(parsed?.chosenLanguage).toBeUndefined();
  });

  it('when storage throws (blocked or full), then the widget still gets a working conversation', () => {
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const store = new ConversationStore(throwing, 'k');
    const conversation = store.load();
    expect(() => store.save(conversation)).not.toThrow();
  });

  it('when a session id is generated, then it matches the RespondRequest rule', () => {
    expect(newSessionId()).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    expect(newSessionId()).not.toBe(newSessionId());
  });
});
