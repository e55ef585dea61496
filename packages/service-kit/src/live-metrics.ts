import { Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from './metrics';

/** A gauge read at scrape time from whatever the process registered (several servers in one process add up). */
function liveGauge(name: string, help: string) {
  const readers = new Set<() => number>();
  new Gauge({
    name,
    help,
    registers: [metricsRegistry],
    collect() {
      let total = 0;
      for (const read of readers) total += read();
      this.set(total);
    },
  });
  /** Counts `read()` until the returned function is called (the server stopped). */
  return (read: () => number): (() => void) => {
    readers.add(read);
    return () => void readers.delete(read);
  };
}

/** telephony-bridge: phone calls whose media stream this process bridges to a realtime model. */
export const trackActiveCalls = liveGauge('telephony_active_calls', 'Phone calls whose media stream this process bridges now (streaming mode)');

/** realtime: browser voice sessions this process holds open. */
export const trackVoiceSessions = liveGauge('realtime_active_sessions', 'Browser voice sessions this process holds open now');

const modelLatency = new Histogram({
  name: 'model_request_duration_seconds',
  help: 'Time one conversation model provider took to answer a turn (or fail), by provider and outcome',
  labelNames: ['provider', 'outcome'] as const,
  buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30],
  registers: [metricsRegistry],
});

/** The engine's `onProviderCall`: one observation per provider attempt, fallbacks included. */
export function observeModelLatency(provider: string, ms: number, outcome: 'ok' | 'error'): void {
  modelLatency.observe({ provider, outcome }, ms / 1000);
}
