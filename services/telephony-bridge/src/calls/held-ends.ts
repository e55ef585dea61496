import type { Logger } from '@vocalia/service-kit';
import type { CallEvents } from './call-events';
import type { CallState, CallStore } from './call-store';

/** At most this many ends wait; past that the oldest is recorded at once (as the publisher caps its buffer). */
const MAX_HELD = 10_000;

interface HeldEnd {
  call: CallState;
  status: string;
  durationSec: number;
}

export interface HeldEnds {
  /**
   * The end of a call whose state Redis could not give (away, not empty): the call may be one we refused,
   * kept `refused` there. Its `call.completed` and seconds wait until Redis can say, then are recorded
   * unless it was refused. They could not reach db-api sooner anyway: the publisher waits for the same Redis.
   */
  hold(call: CallState, status: string, durationSec: number): void;
  /** Settles what Redis answers now, then records the rest (the publisher's close reports what Redis never took). */
  close(): Promise<void>;
}

export function createHeldEnds(deps: { calls: Pick<CallStore, 'get'>; events: Pick<CallEvents, 'recordEnd'>; logger: Logger; retryEveryMs: number }): HeldEnds {
  const held = new Map<string, HeldEnd>();
  let settling: Promise<void> | undefined;

  const record = ({ call, status, durationSec }: HeldEnd) => deps.events.recordEnd(call, status, durationSec);
  const settleOnce = async () => {
    for (const [callSid, end] of held) {
      let stored: CallState | null;
      try {
        stored = await deps.calls.get(callSid);
      } catch {
        return;
      }
      held.delete(callSid);
      // A state Redis lost (restarted empty) says nothing against the call: recorded, as any rebuilt call.
      if (stored?.refused) deps.logger.info('end of a refused call not recorded nor billed (its callback came while Redis was away)', { callSid, tenantId: end.call.tenantId, requestId: end.call.requestId });
      else record(end);
    }
  };
  const settle = () => (settling ??= settleOnce().finally(() => (settling = undefined)));
  const timer = setInterval(() => void (held.size > 0 && settle()), deps.retryEveryMs);
  timer.unref();

  return {
    hold(call, status, durationSec) {
      const oldest = held.size >= MAX_HELD ? held.entries().next().value : undefined;
      if (oldest) {
        held.delete(oldest[0]);
        deps.logger.error('too many call ends waiting for Redis: oldest recorded without checking for a refusal', { callSid: oldest[0], maxHeld: MAX_HELD });
        record(oldest[1]);
      }
      held.set(call.callSid, { call, status, durationSec });
    },
    async close() {
      clearInterval(timer);
      await settle();
      for (const end of held.values()) record(end);
      held.clear();
    },
  };
}
