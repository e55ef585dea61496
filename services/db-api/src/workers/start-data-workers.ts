import { createRedis } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { createCallEventsWorker } from './call-events.worker';
import { createConversationEventsWorker } from './conversation-events.worker';
import { createInboundEventsWorker } from './inbound-events.worker';
import { createUsageEventsWorker } from './usage-events.worker';

export interface RunningWorkers {
  /** Stops taking jobs, waits for the ones in flight, then closes the workers' Redis connection. */
  close(): Promise<void>;
}

/** The queues db-api consumes for its data features, on one worker-role Redis connection (maxRetriesPerRequest: null). */
export function startDataWorkers(deps: Deps): RunningWorkers {
  const connection = createRedis(deps.env.REDIS_URL, 'worker');
  const workers = [createConversationEventsWorker(deps, connection), createCallEventsWorker(deps, connection), createUsageEventsWorker(deps, connection), createInboundEventsWorker(deps, connection)];
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await connection.quit().catch(() => undefined);
    },
  };
}
