import type { Deps } from '../deps';
import { notifyDisabledEndpoints } from './notify-disabled-endpoints';

export interface DisabledEndpointNotifier {
  /** Stops the timer and waits for a pass in flight. */
  close(): Promise<void>;
}

/** Every WEBHOOK_NOTICE_INTERVAL_MS: `notifyDisabledEndpoints` (never two passes at once in this process). */
export function startDisabledEndpointNotifier(deps: Deps): DisabledEndpointNotifier {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = notifyDisabledEndpoints(deps)
      .then((notified) => {
        if (notified) deps.logger.info('owners told of disabled webhook endpoints', { notified });
      })
      .catch((err: unknown) => {
        deps.logger.error('disabled webhook endpoint notice failed', { error: err instanceof Error ? err.message : String(err) });
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, deps.env.WEBHOOK_NOTICE_INTERVAL_MS);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
