import { queues } from '../src';

const job = { v: 1, eventId: 'evt_12345678', tenantId: 't1', requestId: 'r1', at: new Date().toISOString(), kind: 'api_call', quantity: 1 };
const turn = { v: 1, eventId: 'turn_12345678', tenantId: 't1', requestId: 'r1', at: new Date().toISOString(), type: 'turn.completed', sessionId: 'session-1', channel: 'widget', language: 'en', intent: 'hours', userText: 'Open on Sunday?', assistantText: 'From 10 to 13.', provider: 'local', latencyMs: 1 };
const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('the trace context a job carries', () => {
  it('when a job carries none, or a W3C traceparent (with its tracestate), then it is valid', () => {
    expect(queues['usage-events'].schema.safeParse(job).success).toBe(true);
    expect(queues['usage-events'].schema.parse({ ...job, trace: { traceparent, tracestate: 'vendor=1' } }).trace).toEqual({ traceparent, tracestate: 'vendor=1' });
  });

  it.each([
    ['not W3C', { traceparent: 'abc' }],
    ['upper-case hex', { traceparent: traceparent.toUpperCase() }],
    ['no traceparent', { tracestate: 'vendor=1' }],
    ['an oversized tracestate', { traceparent, tracestate: 'x'.repeat(513) }],
  ])('when its trace is %s, then the job is refused naming the field', (_what, trace) => {
    const result = queues['conversation-events'].schema.safeParse({ ...turn, trace });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining([expect.stringMatching(/^trace\./)]));
  });
});
