import { createLogger, type Places } from '@vocalia/service-kit';
import { createAttemptGate } from '../src/deliveries/attempt-gate';
import { createEndpointGate } from '../src/deliveries/endpoint-gate';

/** The fleet's places as a map of sets (the sorted set's semantics without expiry), or a Redis that refuses. */
function fakePlaces(refuse = false): Places & { held: Map<string, Set<string>> } {
  const held = new Map<string, Set<string>>();
  const fail = () => Promise.reject(new Error('connect ECONNREFUSED'));
  return {
    held,
    async acquire(owner, member, max) {
      if (refuse) return fail();
      const set = held.get(owner) ?? new Set<string>();
      if (set.size >= max) return false;
      held.set(owner, set.add(member));
      return true;
    },
    renew: async () => true,
    async release(owner, member) {
      held.get(owner)?.delete(member);
    },
    count: async (owner) => held.get(owner)?.size ?? 0,
  };
}

const logger = createLogger('webhook-router', 'silent');

describe('an endpoint attempt gate: this process, then the fleet', () => {
  it('when other replicas hold the endpoint\'s places, then an attempt here is refused and gives this process\'s place back', async () => {
    const places = fakePlaces();
    places.held.set('ep1', new Set(['elsewhere-1', 'elsewhere-2']));
    const local = createEndpointGate(2);
    const gate = createAttemptGate(local, { places, limit: 2, holdMs: 1000, logger });
    expect(await gate.tryEnter('ep1')).toBeNull();
    expect(await gate.enter('ep1', 50)).toBeNull();
    expect(local.tryEnter('ep1') && local.tryEnter('ep1')).toBe(true);
  });

  it('when an attempt leaves, then its fleet place is free before this process\'s, and the next attempt takes both', async () => {
    const places = fakePlaces();
    const gate = createAttemptGate(createEndpointGate(1), { places, limit: 1, holdMs: 1000, logger });
    const leave = await gate.tryEnter('ep1');
    expect(leave).not.toBeNull();
    expect(await places.count('ep1')).toBe(1);
    const waiting = gate.enter('ep1', 1000);
    await leave?.();
    const next = await waiting;
    expect(next).not.toBeNull();
    expect(await places.count('ep1')).toBe(1);
  });

  it('when Redis cannot count, then this process\'s limit alone applies', async () => {
    const gate = createAttemptGate(createEndpointGate(1), { places: fakePlaces(true), limit: 1, holdMs: 1000, logger });
    const leave = await gate.tryEnter('ep1');
    expect(leave).not.toBeNull();
    expect(await gate.tryEnter('ep1')).toBeNull();
    await leave?.();
    expect(await gate.tryEnter('ep1')).not.toBeNull();
  });
});
