import type { HistoryTurn } from '@vocalia/agent';

/** The client event id prefix of history items: a provider's `error` naming one leaves the session up, without that item. */
const HISTORY_EVENT_PREFIX = 'vocalia-history-';

/**
 * A session's conversation so far as realtime `conversation.item.create` events (GA content types: the
 * caller's `input_text`, the assistant's `output_text`), sent before any audio so the model carries on
 * instead of starting over.
 */
export function realtimeHistoryItems(history: readonly HistoryTurn[]): Array<Record<string, unknown>> {
  return history.map((turn, index) => ({
    type: 'conversation.item.create',
    event_id: `${HISTORY_EVENT_PREFIX}${index}`,
    item: { type: 'message', role: turn.role, content: [{ type: turn.role === 'user' ? 'input_text' : 'output_text', text: turn.text }] },
  }));
}

/** Whether a realtime `error` is about one of those items (the provider does not take that shape). */
export const isHistoryItemError = (eventId: string | undefined): boolean => eventId?.startsWith(HISTORY_EVENT_PREFIX) ?? false;
