import type { ConversationTurnJob } from '@vocalia/contracts';
import { createWorker, type Redis } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { ingestConversationTurn } from '../conversations/ingest-turn';
import { workerOptions } from './worker-options';

/**
 * A batch's turns in the order they were published, each stored as a lone turn is. A turn that fails
 * does not stop the ones after it; the job then fails with the first error, and its retry stores only
 * what is missing (every turn is stored once per event id).
 */
async function ingestTurns(deps: Deps, turns: ConversationTurnJob[]): Promise<{ inserted: number; events: string[] }> {
  let inserted = 0;
  const events: string[] = [];
  let failure: { err: unknown } | undefined;
  for (const turn of turns) {
    try {
      const stored = await ingestConversationTurn(deps, turn);
      inserted += stored.inserted;
      events.push(...stored.events);
    } catch (err) {
      failure ??= { err };
    }
  }
  if (failure) throw failure.err;
  return { inserted, events };
}

/** `conversation-events` -> conversations, messages, leads, bookings, domain events; a job carries one turn or a batch of them. */
export function createConversationEventsWorker(deps: Deps, connection: Redis) {
  return createWorker('conversation-events', (job) => (job.type === 'turn.completed.batch' ? ingestTurns(deps, job.turns) : ingestConversationTurn(deps, job)), workerOptions(deps, connection));
}
