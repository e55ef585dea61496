import type { Deps } from '../deps';
import { purgeInboundPayloads } from './purge-inbound-payloads';

const PURGE_INTERVAL_MS = 3_600_000;

export interface InboundRetention {
  /** Stops the timer and waits for a pass in flight. */
  close(): Promise<void>;
}

/** Hourly, and once at start: `purgeInboundPayloads` (never two passes at once in this process). */
export function startInboundRetention(deps: Deps): InboundRetention {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = purgeInboundPayloads(deps)
      .then((cleared) => {
        if (cleared) deps.logger.info('inbound event bodies past retention cleared', { cleared, retentionDays: deps.env.INBOUND_PAYLOAD_RETENTION_DAYS });
      })
      .catch((err: unknown) => {
        deps.logger.error('inbound event retention pass failed', { error: err instanceof Error ? err.message : String(err) });
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, PURGE_INTERVAL_MS);
  timer.unref();
  tick();
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
