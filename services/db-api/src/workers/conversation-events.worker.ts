import { createWorker, type Redis } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { ingestConversationTurn } from '../conversations/ingest-turn';
import { workerOptions } from './worker-options';

/** `conversation-events` -> conversations, messages, leads, bookings, domain events. */
export function createConversationEventsWorker(deps: Deps, connection: Redis) {
  return createWorker('conversation-events', (job) => ingestConversationTurn(deps, job), workerOptions(deps, connection));
}
