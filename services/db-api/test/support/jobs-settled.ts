import type { Producer } from '@vocalia/service-kit';
import type { QueueName } from '@vocalia/contracts';

/**
 * Resolves once BullMQ is done with every job named (completed, or failed with no attempt left):
 * then whatever those jobs were going to change has changed, and "nothing else happened" can be checked.
 */
export async function jobsSettled(queue: Producer<QueueName>['queue'], ids: string[], timeoutMs = 15000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (const id of ids) {
    for (;;) {
      const state = await queue.getJobState(id);
      if (state === 'completed' || state === 'failed') break;
      if (Date.now() > until) throw new Error(`job ${id} still ${state} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
