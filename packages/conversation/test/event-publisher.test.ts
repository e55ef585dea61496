import { ConversationEventsJob, conversationTurnsOf, queues, USAGE_EVENTS_PER_JOB, usageEventsOf, UsageEventsJob } from '@vocalia/contracts';
import { createProducer, createRedis } from '@vocalia/service-kit';
import { createEventPublisher } from '../src/events/event-publisher';
import { eventually, recordSocketWrites, testLogger } from '../testing';
import { REDIS_URL, waitReady } from '../testing';

const prefix = `test-conversation-publisher-${process.pid}-${Date.now()}`;
const logger = testLogger();
const usage = (n: number) => ({ v: 1 as const, eventId: `usage-event-${n}`, tenantId: 'acme', requestId: 'req-00000001', at: new Date().toISOString(), kind: 'api_call' as const, quantity: 1 });

const turn = (n: number) => ({
  v: 1 as const,
  eventId: `turn-event-${n}`,
  tenantId: 'acme',
  requestId: 'req-00000001',
  at: new Date().toISOString(),
  type: 'turn.completed' as const,
  sessionId: `session-${n}`,
  channel: 'widget' as const,
  language: 'en' as const,
  intent: 'hours',
  userText: 'When are you open?',
  assistantText: 'From 9 to 5.',
  provider: 'local',
  latencyMs: 1,
  lead: { score: 0, bant: { budget: 0, authority: 0, need: 0, timeline: 0 } },
  handoff: false,
  leadQualified: false,
});

describe('event publisher', () => {
  const redis = createRedis(REDIS_URL, 'producer');
  const producer = createProducer('usage-events', { connection: redis, prefix });
  const turns = createProducer('conversation-events', { connection: redis, prefix });
  beforeAll(() => waitReady(redis));
  afterAll(async () => {
    await Promise.all([producer.queue.obliterate({ force: true }), turns.queue.obliterate({ force: true })]);
    await Promise.all([producer.close(), turns.close()]);
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

  it('when jobs for two queues are published in the same turn of the event loop, then they go to Redis in one write, the usage events as one job carrying each event', async () => {
    await Promise.all([producer.queue.waitUntilReady(), turns.queue.waitUntilReady()]);
    const socket = recordSocketWrites(redis);
    const pipelines = jest.spyOn(redis, 'pipeline');
    const events = createEventPublisher({ producers: { 'usage-events': producer, 'conversation-events': turns }, connection: redis, logger });
    for (let n = 10; n < 14; n++) events.publish('usage-events', usage(n));
    events.publish('conversation-events', turn(1));
    await events.close();
    socket.restore();
    // The publisher's own key (set when it starts, to notice a Redis that comes back empty) is not a job write.
    expect(socket.writes.filter((chunk) => !chunk.includes(':event-publisher:'))).toHaveLength(1);
    // Sent corked on the connection: no ioredis pipeline (each copies every BullMQ script) is built.
    expect(pipelines).not.toHaveBeenCalled();
    pipelines.mockRestore();
    const usageJobs = (await producer.queue.getJobs(['waiting'])).filter((j) => j.id?.startsWith('usage-batch-'));
    expect(usageJobs).toHaveLength(1);
    expect(usageEventsOf(UsageEventsJob.parse(usageJobs[0]?.data)).map((e) => e.eventId)).toEqual(['usage-event-10', 'usage-event-11', 'usage-event-12', 'usage-event-13']);
    expect(usageJobs[0]?.opts.attempts).toBe(queues['usage-events'].retry.attempts);
    const turnJob = await turns.queue.getJob('turn-event-1');
    expect(turnJob?.data).toMatchObject({ type: 'turn.completed', sessionId: 'session-1' });
    expect(turnJob?.opts.attempts).toBe(queues['conversation-events'].retry.attempts);
  });

  it('when turns of several tenants and sessions complete in the same turn of the event loop, then they land as one conversation-events job carrying each turn once, whose id the same turns always give', async () => {
    const publishTurns = async () => {
      const events = createEventPublisher({ producers: { 'conversation-events': turns }, connection: redis, logger });
      events.publish('conversation-events', turn(20));
      events.publish('conversation-events', { ...turn(21), tenantId: 'globex' });
      events.publish('conversation-events', turn(20));
      events.publish('conversation-events', turn(22));
      await events.close();
    };
    const batches = async () => (await turns.queue.getJobs(['waiting'])).filter((j) => j.id?.startsWith('turns-batch-'));
    await publishTurns();
    const [batch, ...others] = await batches();
    expect(others).toHaveLength(0);
    const job = ConversationEventsJob.parse(batch?.data);
    expect(conversationTurnsOf(job).map((t) => [t.eventId, t.tenantId])).toEqual([['turn-event-20', 'acme'], ['turn-event-21', 'globex'], ['turn-event-22', 'acme']]);
    expect(job.tenantId).toBeNull();
    expect(batch?.opts.attempts).toBe(queues['conversation-events'].retry.attempts);
    await publishTurns();
    expect((await batches()).map((j) => j.id)).toEqual([batch?.id]);
  });

  it('when more usage events than a job carries are published in one turn, then they land as full jobs whose ids the same events always give, each event once', async () => {
    const count = USAGE_EVENTS_PER_JOB * 2 + 1;
    const publishAll = async () => {
      const events = createEventPublisher({ producers: { 'usage-events': producer }, connection: redis, logger });
      for (let n = 0; n < count; n++) events.publish('usage-events', { ...usage(n), eventId: `bulk-usage-${n}` });
      await events.close();
    };
    const landed = async () => {
      const jobs = (await producer.queue.getJobs(['waiting'])).map((j) => ({ id: j.id, events: usageEventsOf(UsageEventsJob.parse(j.data)) }));
      return jobs.filter((j) => j.events.every((e) => e.eventId.startsWith('bulk-usage-')));
    };
    await publishAll();
    const first = await landed();
    expect(first.map((j) => j.events.length).sort((a, b) => a - b)).toEqual([1, USAGE_EVENTS_PER_JOB, USAGE_EVENTS_PER_JOB]);
    expect(new Set(first.flatMap((j) => j.events.map((e) => e.eventId))).size).toBe(count);
    await publishAll();
    expect((await landed()).map((j) => j.id).sort()).toEqual(first.map((j) => j.id).sort());
  });

  it('when commands ride alongside a turn\'s jobs, then all leave in one write, each gets its own reply, and a read sent after them sees them', async () => {
    await producer.queue.waitUntilReady();
    const socket = recordSocketWrites(redis);
    const events = createEventPublisher({ producers: { 'usage-events': producer }, connection: redis, logger });
    const key = `${prefix}:alongside`;
    const pushed = events.writeAlongside((target) => target.rpush(key, 'a', 'b'));
    events.publish('usage-events', usage(40));
    const counted = events.writeAlongside((target) => target.incr(`${key}:count`));
    const queued = events.sendQueued();
    if (queued) await queued;
    const read = redis.lrange(key, 0, -1);
    expect(await Promise.all([pushed, counted, read])).toEqual([2, 1, ['a', 'b']]);
    socket.restore();
    const batchWrites = socket.writes.filter((chunk) => chunk.includes('alongside'));
    expect(batchWrites).toHaveLength(2);
    expect(batchWrites[0]).toContain('usage-event-40');
    await events.close();
    expect(await producer.queue.getJob('usage-event-40')).toBeDefined();
  });

  it('when Redis refuses a batch, then its jobs wait in the buffer and land on the next flush', async () => {
    await producer.queue.waitUntilReady();
    const send = redis.sendCommand.bind(redis);
    let refused = 0;
    const refusing = jest.spyOn(redis, 'sendCommand').mockImplementation((command, ...rest) => {
      if (command.name !== 'evalsha' || refused > 0) return send(command, ...rest);
      refused++;
      command.reject(new Error('READONLY You can\'t write against a read only replica.'));
      return command.promise;
    });
    const events = createEventPublisher({ producers: { 'usage-events': producer }, connection: redis, logger, retryEveryMs: 20 });
    events.publish('usage-events', usage(20));
    events.publish('usage-events', usage(21));
    await eventually(() => expect(refused).toBe(1));
    await eventually(() => expect(events.buffered).toBe(0));
    const landed = await Promise.all(['usage-event-20', 'usage-event-21'].map(async (id) => (await producer.queue.getJob(id))?.id));
    expect(landed).toEqual(['usage-event-20', 'usage-event-21']);
    refusing.mockRestore();
    await events.close();
  });

  it('when Redis comes back without its data, then the jobs it had accepted lately are added again, once each', async () => {
    const events = createEventPublisher({ producers: { 'usage-events': producer }, connection: redis, logger, retryEveryMs: 20 });
    events.publish('usage-events', usage(30));
    events.publish('usage-events', usage(31));
    const queuedEventIds = async () => (await producer.queue.getJobs(['waiting'])).flatMap((j) => usageEventsOf(UsageEventsJob.parse(j.data)).map((e) => e.eventId));
    await eventually(async () => expect(await queuedEventIds()).toContain('usage-event-31'));
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await eventually(() => expect(redis.status).toBe('end'));
    await redis.connect();
    await waitReady(redis);
    await eventually(async () => {
      const ids = (await producer.queue.getJobs(['waiting'])).map((j) => j.id).sort();
      expect(ids).toEqual(['usage-event-30', 'usage-event-31']);
    });
    await events.close();
  });
});

/** What a restart without persistence does to this file's keys. */
async function deleteKeys(redis: ReturnType<typeof createRedis>, keyPrefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}
