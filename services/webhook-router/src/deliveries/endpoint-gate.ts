/**
 * Attempts in flight per endpoint in this process. A worker slot that finds its endpoint full hands the
 * job back (deferred) instead of waiting, so a slow or dead endpoint holds at most `limit` slots.
 */
export function createEndpointGate(limit: number) {
  const inFlight = new Map<string, number>();
  return {
    tryEnter(endpointId: string): boolean {
      const n = inFlight.get(endpointId) ?? 0;
      if (n >= limit) return false;
      inFlight.set(endpointId, n + 1);
      return true;
    },
    leave(endpointId: string): void {
      const n = (inFlight.get(endpointId) ?? 1) - 1;
      if (n <= 0) inFlight.delete(endpointId);
      else inFlight.set(endpointId, n);
    },
  };
}
export type EndpointGate = ReturnType<typeof createEndpointGate>;
