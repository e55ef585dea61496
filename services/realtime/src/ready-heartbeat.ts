import { REALTIME_READY_TTL_SEC, realtimeReadyKey } from '@vocalia/contracts';
import type { Logger, Redis } from '@vocalia/service-kit';

export interface ReadyHeartbeat {
  stop(): Promise<void>;
}

/**
 * While this process serves `/realtime` with a speech model, it says so in Redis every few seconds
 * (the key expires on its own when no replica does); voice-api offers `voice.realtime` only then.
 */
export function startReadyHeartbeat(redis: Redis, keyPrefix: string, logger: Logger, everyMs = (REALTIME_READY_TTL_SEC * 1000) / 3): ReadyHeartbeat {
  const key = realtimeReadyKey(keyPrefix);
  const beat = () =>
    redis.set(key, String(process.pid), 'EX', REALTIME_READY_TTL_SEC).catch((err: unknown) => logger.warn('realtime heartbeat not written', { error: err instanceof Error ? err.message : String(err) }));
  void beat();
  const timer = setInterval(() => void beat(), everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
    },
  };
}
