import { createProducer, createRedis } from '@vocalia/service-kit';
import { createEventPublisher } from '../src/events/event-publisher';
import { eventually, testLogger } from '../testing';
import { REDIS_URL, waitReady } from '../testing';

const prefix = `test-conversation-publisher-${process.pid}-${Date.now()}`;
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

  it('when jobs are published in the same turn of the event loop, then they go to Redis in one addBulk and land once each', async () => {
    const addBulk = jest.spyOn(producer.queue, 'addBulk');
    const events = createEventPublisher({ producers: { 'usage-events': producer }, connection: redis, logger });
    for (let n = 10; n < 14; n++) events.publish('usage-events', usage(n));
    await events.close();
    expect(addBulk).toHaveBeenCalledTimes(1);
    addBulk.mockRestore();
    const ids = (await producer.queue.getJobs(['waiting'])).map((j) => j.id);
    expect(ids.filter((id) => /^usage-event-1[0-3]$/.test(id ?? '')).sort()).toEqual(['usage-event-10', 'usage-event-11', 'usage-event-12', 'usage-event-13']);
  });

  it('when Redis refuses a batch, then its jobs wait in the buffer and land on the next flush', async () => {
    const addBulk = jest.spyOn(producer.queue, 'addBulk').mockRejectedValueOnce(new Error('READONLY'));
    const events = createEventPublisher({ producers: { 'usage-events': producer }, connection: redis, logger, retryEveryMs: 20 });
    events.publish('usage-events', usage(20));
    events.publish('usage-events', usage(21));
    await eventually(() => expect(addBulk).toHaveBeenCalledTimes(1));
    await eventually(() => expect(events.buffered).toBe(0));
    const landed = await Promise.all(['usage-event-20', 'usage-event-21'].map(async (id) => (await producer.queue.getJob(id))?.id));
    expect(landed).toEqual(['usage-event-20', 'usage-event-21']);
    addBulk.mockRestore();
    await events.close();
  });
});
