import { queues, USAGE_EVENTS_PER_JOB, usageEventsOf, type UsageEventJob } from '../src';

const at = new Date().toISOString();
const event = (n: number, tenantId = 't1'): UsageEventJob => ({ v: 1, eventId: `evt_${String(n).padStart(8, '0')}`, tenantId, requestId: `r${n}`, at, kind: 'api_call', quantity: 1 });
const batch = (events: UsageEventJob[]) => ({ v: 1, eventId: 'usage-batch-12345678', tenantId: null, requestId: 'r1', at, events });
const schema = queues['usage-events'].schema;

describe('a usage-events job', () => {
  it('when it carries one event (the shape every producer sent before batches), then it is accepted and yields that event', () => {
    const parsed = schema.parse(event(1));
    expect(usageEventsOf(parsed)).toEqual([event(1)]);
  });

  it('when it carries a batch of events of several tenants, then it is accepted and yields each event with its own id and tenant, in order', () => {
    const events = [event(1, 'a'), event(2, 'b'), event(3, 'a')];
    expect(usageEventsOf(schema.parse(batch(events)))).toEqual(events);
  });

  it.each([
    ['fewer than two events', [event(1)]],
    ['more events than a job may carry', Array.from({ length: USAGE_EVENTS_PER_JOB + 1 }, (_, i) => event(i))],
    ['an event of the wrong shape', [event(1), { ...event(2), quantity: -1 }]],
  ])('when a batch has %s, then it is refused', (_what, events) => {
    expect(schema.safeParse(batch(events)).success).toBe(false);
  });
});
