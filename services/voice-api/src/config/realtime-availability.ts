import { realtimeReadyKey } from '@vocalia/contracts';
import type { Logger, Redis } from '@vocalia/service-kit';

export interface RealtimeAvailability {
  /** The realtime service announced within its TTL that it serves `/realtime` sessions. */
  ready(): Promise<boolean>;
}

export interface RealtimeAvailabilityOptions {
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
  /** How long one answer is reused (every /config would otherwise cost a Redis read). */
  cacheMs?: number;
  now?: () => number;
}

/** Streaming voice is offered only while the realtime service says it serves it: an unserved socket loses paid plans their voice. */
export function createRealtimeAvailability(opts: RealtimeAvailabilityOptions): RealtimeAvailability {
  const now = opts.now ?? Date.now;
  const cacheMs = opts.cacheMs ?? 2000;
  const key = realtimeReadyKey(opts.keyPrefix);
  let known: { ready: boolean; at: number } | undefined;
  let reading: Promise<boolean> | undefined;
  const read = () =>
    opts.redis.exists(key).then(
      (count) => count > 0,
      (err: unknown) => {
        opts.logger.warn('realtime availability unknown; browser voice only', { error: err instanceof Error ? err.message : String(err) });
        return false;
      },
    );
  return {
    ready() {
      if (known && now() - known.at < cacheMs) return Promise.resolve(known.ready);
      reading ??= read().then((ready) => {
        known = { ready, at: now() };
        reading = undefined;
        return ready;
      });
      return reading;
    },
  };
}
