import { eventually } from '@vocalia/conversation/testing';
import { startStreamHarness, type StreamHarness } from './support/stream-harness';

const SHOP = { id: 'downshop', number: '+212522000061', transferNumber: '+212522777761', settings: { maxConcurrentCalls: 50 } };
let s: StreamHarness;

beforeAll(async () => {
  // Nothing listens on port 1: the realtime model cannot be reached at all.
  s = await startStreamHarness('model-down', [SHOP], { url: 'ws://127.0.0.1:1/v1/realtime' });
});
afterAll(() => s.close());

describe('realtime model unreachable', () => {
  it('when the model cannot be reached as the stream starts, then the caller hears the apology with the transfer key and carries on turn by turn', async () => {
    const { callSid, parameters } = await s.answer(SHOP.number);
    const client = await s.streamFor(callSid, parameters);
    const update = await eventually(() => {
      const found = s.h.twilioRest.updates.find((u) => u.callSid === callSid);
      expect(found).toBeDefined();
      return found!;
    });
    expect(update.twiml).toContain('Sorry, I had a technical problem. Tell me how I can help, or press 0 to speak with a person.');
    expect(update.twiml).toContain('<Gather');
    client.close();
  });
});
