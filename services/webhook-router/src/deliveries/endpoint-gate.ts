interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Attempts in flight per endpoint in this process. A one-delivery job that finds its endpoint full hands
 * the job back (deferred) instead of waiting; a delivery of a job of several waits at most `maxWaitMs`
 * for a place (first come, first served), then is deferred alone. So a slow or dead endpoint holds at
 * most `limit` attempts, and the jobs waiting on it are let go within `maxWaitMs`.
 */
export function createEndpointGate(limit: number) {
  const inFlight = new Map<string, number>();
  const waiting = new Map<string, Waiter[]>();
  const tryEnter = (endpointId: string): boolean => {
    const n = inFlight.get(endpointId) ?? 0;
    if (n >= limit) return false;
    inFlight.set(endpointId, n + 1);
    return true;
  };
  return {
    tryEnter,
    /** Resolves true once this attempt has a place (the caller must `leave`), false after `maxWaitMs` without one. */
    enter(endpointId: string, maxWaitMs: number): Promise<boolean> {
      const queue = waiting.get(endpointId);
      if (!queue?.length && tryEnter(endpointId)) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const waiter: Waiter = {
          admit: () => resolve(true),
          timer: setTimeout(() => {
            const list = waiting.get(endpointId) ?? [];
            list.splice(list.indexOf(waiter), 1);
            if (!list.length) waiting.delete(endpointId);
            resolve(false);
          }, maxWaitMs),
        };
        if (queue) queue.push(waiter);
        else waiting.set(endpointId, [waiter]);
      });
    },
    leave(endpointId: string): void {
      const next = waiting.get(endpointId)?.shift();
      if (next) {
        if (!waiting.get(endpointId)?.length) waiting.delete(endpointId);
        clearTimeout(next.timer);
        next.admit();
        return;
      }
      const n = (inFlight.get(endpointId) ?? 1) - 1;
      if (n <= 0) inFlight.delete(endpointId);
      else inFlight.set(endpointId, n);
    },
  };
}
export type EndpointGate = ReturnType<typeof createEndpointGate>;
