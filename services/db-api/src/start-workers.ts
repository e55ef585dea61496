import { createRedis } from '@vocalia/service-kit';
import type { Deps } from './deps';
import { startBillingSweeper } from './billing/billing-sweeper';
import { startInboundRetention } from './inbound/inbound-retention';
import { startDisabledEndpointNotifier } from './webhooks/disabled-endpoint-notifier';
import { startAuditEventsWorker } from './workers/audit-events.worker';
import { startDataWorkers } from './workers/start-data-workers';

export interface RunningWorkers {
  /** Stops taking jobs and waits for the ones in flight (BullMQ close), then closes the connections. */
  close(): Promise<void>;
}

/** Every queue consumer db-api runs (the audit chain here, the data features' workers in src/workers) the billing sweeper, the disabled webhook endpoint notice and the inbound bodies' retention. */
export function startWorkers(deps: Deps): RunningWorkers {
  const connection = createRedis(deps.env.REDIS_URL, 'worker');
  const audit = startAuditEventsWorker(deps, connection);
  const data = startDataWorkers(deps);
  const sweeper = startBillingSweeper(deps);
  const notifier = startDisabledEndpointNotifier(deps);
  const retention = startInboundRetention(deps);
  return {
    async close() {
      await Promise.all([audit.close(), data.close(), sweeper.close(), notifier.close(), retention.close()]);
      await connection.quit().catch(() => undefined);
    },
  };
}
