import { randomUUID } from 'node:crypto';
import type { Logger, Places } from '@vocalia/service-kit';
import type { EndpointGate } from './endpoint-gate';

/** Gives an attempt's place back, in this process and across the fleet. */
export type Leave = () => Promise<void>;

/**
 * An endpoint's places for attempts, across every replica of webhook-router: first this process's gate
 * (where a delivery of a job of several may wait), then a place in the fleet's sorted set of the
 * endpoint (`<prefix>:wh:active:<endpointId>`), held as long as an attempt can last, so a replica that
 * dies mid-attempt frees it by itself. Both come back null when the endpoint is full: the caller defers.
 */
export interface AttemptGate {
  /** A place now, or null. */
  tryEnter(endpointId: string): Promise<Leave | null>;
  /** A place in this process within `maxWaitMs` and then in the fleet at once, or null. */
  enter(endpointId: string, maxWaitMs: number): Promise<Leave | null>;
}

export interface FleetPlaces {
  places: Places;
  /** Attempts in flight per endpoint across the fleet. */
  limit: number;
  /** How long a place is held: longer than an attempt (its claim, POST and record) can take. */
  holdMs: number;
  logger: Logger;
}

export function createAttemptGate(local: EndpointGate, fleet: FleetPlaces): AttemptGate {
  async function fleetPlace(endpointId: string): Promise<Leave | null> {
    const member = randomUUID();
    try {
      if (!(await fleet.places.acquire(endpointId, member, fleet.limit, fleet.holdMs))) return null;
    } catch (err) {
      // Redis away: this process's gate alone bounds the endpoint, as before the fleet counted.
      fleet.logger.warn('endpoint places unavailable; counting this process only', { endpointId, error: err instanceof Error ? err.message : String(err) });
      return async () => undefined;
    }
    return () => fleet.places.release(endpointId, member).catch(() => undefined);
  }
  async function admit(endpointId: string, hasLocalPlace: boolean): Promise<Leave | null> {
    if (!hasLocalPlace) return null;
    const leaveFleet = await fleetPlace(endpointId);
    if (!leaveFleet) {
      local.leave(endpointId);
      return null;
    }
    // The fleet's place first: a delivery waiting here for this process's place then finds it free too.
    return async () => {
      await leaveFleet();
      local.leave(endpointId);
    };
  }
  return {
    tryEnter: (endpointId) => admit(endpointId, local.tryEnter(endpointId)),
    enter: async (endpointId, maxWaitMs) => admit(endpointId, await local.enter(endpointId, maxWaitMs)),
  };
}
