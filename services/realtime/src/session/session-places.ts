import { keepHeld, type Logger, type Places } from '@vocalia/service-kit';

/** How long a session's place is held without news of it: a replica that died gives its places back this soon. */
export const PLACE_HOLD_MS = 30_000;

export interface SessionPlaces {
  /**
   * Takes a place among the tenant's live sessions on every replica; false when it has `max` already.
   * With Redis away the session is let in (each process still counts its own).
   */
  take(tenantId: string, requestId: string, max: number): Promise<boolean>;
  /**
   * Holds the place while the session lives (again every third of PLACE_HOLD_MS, for at most `maxMs`, its
   * longest length); the returned function gives it back.
   */
  hold(tenantId: string, requestId: string, maxMs: number): () => void;
  /** Gives a place back that no session took (the process full). */
  release(tenantId: string, requestId: string): void;
}

/** A tenant's concurrent voice sessions (its plan's `concurrentSessions`) counted across the fleet, in Redis. */
export function sessionPlaces(slots: Places, logger: Logger, holdMs = PLACE_HOLD_MS): SessionPlaces {
  const giveBack = (tenantId: string, requestId: string) =>
    slots.release(tenantId, requestId).catch((err: unknown) => logger.warn('voice session place not given back (Redis away?): it frees itself', { requestId, tenantId, err }));
  return {
    take: (tenantId, requestId, max) =>
      slots.acquire(tenantId, requestId, max, holdMs).catch((err: unknown) => {
        logger.warn('voice session places unavailable (Redis away?): counted in this process only', { requestId, tenantId, err });
        return true;
      }),
    hold(tenantId, requestId, maxMs) {
      const stop = keepHeld(() => slots.renew(tenantId, requestId, holdMs), holdMs, maxMs);
      return () => {
        stop();
        void giveBack(tenantId, requestId);
      };
    },
    release: (tenantId, requestId) => void giveBack(tenantId, requestId),
  };
}
