import { eventually, testLogger } from '@vocalia/conversation/testing';
import type { CallEvents } from '../src/calls/call-events';
import { createCallStore, type CallState, type CallStore } from '../src/calls/call-store';
import { createHeldEnds, type HeldEnds } from '../src/calls/held-ends';
import { failingRedis, type FailingRedis } from './support/failing-redis';
import { newCallSid } from './support/fake-twilio-rest';
import { DEFAULT_SETTINGS } from './support/fixtures';

let store: FailingRedis;
let calls: CallStore;
let held: HeldEnds;
/** What reached the publisher: [callSid, status, seconds]. */
const recorded: [string, string, number][] = [];
const events: Pick<CallEvents, 'recordEnd'> = { recordEnd: (call, status, durationSec) => void recorded.push([call.callSid, status, durationSec]) };

const callState = (callSid: string, extra: Partial<CallState> = {}): CallState => ({
  callSid,
  tenantId: 'acme',
  agentId: 'agent-acme',
  direction: 'inbound',
  language: 'en',
  settings: DEFAULT_SETTINGS,
  startedAt: Date.now(),
  silences: 0,
  slot: callSid,
  requestId: 'req-held',
  ended: false,
  ...extra,
});

beforeEach(async () => {
  store = await failingRedis();
  calls = createCallStore({ redis: store.redis, keyPrefix: `test-tel-held-ends-${process.pid}` });
  held = createHeldEnds({ calls, events, logger: testLogger(), retryEveryMs: 20 });
  recorded.length = 0;
});
afterEach(async () => {
  await held.close();
  await store.close();
});

describe('call ends held until Redis can say whether the call was refused', () => {
  it('when Redis cannot say yet, then the end waits, and is recorded once Redis answers that the call was not refused', async () => {
    const callSid = newCallSid();
    await calls.save(callState(callSid));
    store.failing.add('get');
    held.hold(callState(callSid), 'completed', 40);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(recorded).toEqual([]);
    store.failing.clear();
    await eventually(() => expect(recorded).toEqual([[callSid, 'completed', 40]]));
  });

  it('when Redis says the call was refused at its answer, then nothing is recorded; a call Redis lost is recorded', async () => {
    const refused = newCallSid();
    const lost = newCallSid();
    await calls.save(callState(refused, { ended: true, refused: true }));
    held.hold(callState(refused), 'completed', 3);
    held.hold(callState(lost), 'completed', 9);
    await eventually(() => expect(recorded).toEqual([[lost, 'completed', 9]]));
  });

  it('when the service stops while Redis still cannot say, then the held end goes to the publisher', async () => {
    const callSid = newCallSid();
    store.failing.add('get');
    held.hold(callState(callSid), 'no-answer', 0);
    await held.close();
    expect(recorded).toEqual([[callSid, 'no-answer', 0]]);
  });
});
