import { createProducer, createRedis } from '@vocalia/service-kit';
import { createEventPublisher } from '../src/events/event-publisher';
import { eventually } from './support/eventually';
import { REDIS_URL, waitReady } from './support/harness';
import { testLogger } from './support/test-logger';

const prefix = `test-voice-publisher-${process.pid}-${Date.now()}`;
const logger = testLogger();
const usage = (n: number) => ({ v: 1 as const, eventId: `usage-event-${n}`, tenantId: 'acme', requestId: 'req-00000001', at: new Date().toISOString(), kind: 'api_call' as const, quantity: 1 });

describe('event publisher', () => {
  const redis = createRedis(REDIS_URL, 'producer');
  const producer = createProducer('usage-events', { connection: redis, prefix });
  beforeAll(() => waitReady(redis));
  afterAll(async () => {
    await producer.queue.obliterate({ force: true });
    await producer.close();
    await redis.quit();
  });

  it('when a payload breaks the contract, then it is refused at once and never buffered', () => {
    const events = createEventPublisher({ producers: { 'usage-events': producer }, connection: redis, logger });
    events.publish('usage-events', { ...usage(0), quantity: -1 });
    expect(events.buffered).toBe(0);
    return events.close();
  });

  it('when Redis is away longer than the buffer holds, then the oldest jobs go first and the rest land on reconnect, once each', async () => {
    const events = createEventPublisher({ producers: { 'usage-events': producer }, connection: redis, logger, maxBuffered: 3, retryEveryMs: 20 });
    redis.disconnect();
    await eventually(() => expect(redis.status).toBe('end'));
    for (let n = 1; n <= 5; n++) events.publish('usage-events', usage(n));
    expect(events.buffered).toBe(3);
    await redis.connect();
    await waitReady(redis);
    await eventually(() => expect(events.buffered).toBe(0));
    const ids = (await producer.queue.getJobs(['waiting'])).map((j) => j.id).sort();
    expect(ids).toEqual(['usage-event-3', 'usage-event-4', 'usage-event-5']);
    events.publish('usage-events', usage(3));
    await events.close();
    expect(await producer.queue.getWaitingCount()).toBe(3);
  });
});
