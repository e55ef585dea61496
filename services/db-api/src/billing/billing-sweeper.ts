import type { Deps } from '../deps';
import { reportMeteredUsage } from './report-metered-usage';
import { sweepBilling } from './sweep-billing';

export interface BillingSweeper {
  /** Stops the timer and waits for a pass in flight. */
  close(): Promise<void>;
}

/** Every BILLING_SWEEP_INTERVAL_MS: `sweepBilling`, then `reportMeteredUsage` (never two passes at once in this process). */
export function startBillingSweeper(deps: Deps): BillingSweeper {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = sweepBilling(deps)
      .then(async (moved) => {
        if (moved.toGrace || moved.restricted) deps.logger.info('billing sweep moved tenants', moved);
        const metered = await reportMeteredUsage(deps);
        if (metered.reported || metered.failed) deps.logger.info('metered usage reported to Stripe', metered);
      })
      .catch((err: unknown) => {
        deps.logger.error('billing sweep failed', { error: err instanceof Error ? err.message : String(err) });
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, deps.env.BILLING_SWEEP_INTERVAL_MS);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
