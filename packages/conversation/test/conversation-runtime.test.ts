import { ConversationEventsJob, conversationTurnsOf, ConversationTurnJob, TENANT_UPDATED_CHANNEL, usageEventsOf, type UsageEventJob, UsageEventsJob } from '@vocalia/contracts';
import { createProducer, createRedis, type Producer } from '@vocalia/service-kit';
import { composeConversation, conversationEventId, type Conversation } from '../src';
import { eventually, FakeDbApi, INTERNAL_TOKEN, ScriptedEngine, snapshotFor, testLogger } from '../testing';
import { REDIS_URL, waitReady } from '../testing';

const keyPrefix = `test-conversation-runtime-${process.pid}-${Date.now()}`;
const queuePrefix = `${keyPrefix}-bull`;
const redis = createRedis(REDIS_URL, 'client');
const producerRedis = createRedis(REDIS_URL, 'producer');
const engine = new ScriptedEngine();
const logger = testLogger();
let db: FakeDbApi;
let conversation: Conversation;
let turns: Producer<'conversation-events'>;
let usage: Producer<'usage-events'>;

beforeAll(async () => {
  await Promise.all([waitReady(redis), waitReady(producerRedis)]);
  db = await new FakeDbApi().start();
  db.snapshots.set('acme', snapshotFor({ id: 'acme' }));
  conversation = composeConversation({
    logger,
    producerRedis,
    keyPrefix,
    queuePrefix,
    dbApi: { baseUrl: db.url, internalToken: INTERNAL_TOKEN, timeoutMs: 1000 },
    engine,
    history: { maxTurns: 6, ttlSec: 60 },
    snapshots: { ttlSec: 60 },
  });
  turns = createProducer('conversation-events', { connection: redis, prefix: queuePrefix });
  usage = createProducer('usage-events', { connection: redis, prefix: queuePrefix });
});

afterAll(async () => {
  await conversation.close();
  await Promise.all([turns.queue.obliterate({ force: true }), usage.queue.obliterate({ force: true })]);
  await Promise.all([turns.close(), usage.close()]);
  const keys = await redis.keys(`${keyPrefix}:*`);
  if (keys.length) await redis.del(...keys);
  await Promise.all([redis.quit(), producerRedis.quit(), db.stop()]);
});

async function turnJobs(sessionId: string): Promise<ConversationTurnJob[]> {
  const jobs = await turns.queue.getJobs(['waiting']);
  return jobs.flatMap((j) => conversationTurnsOf(ConversationEventsJob.parse(j.data))).filter((j) => j.sessionId === sessionId).sort((a, b) => a.at.localeCompare(b.at));
}

async function usageJobs(tenantId: string): Promise<UsageEventJob[]> {
  return (await usage.queue.getJobs(['waiting'])).flatMap((j) => usageEventsOf(UsageEventsJob.parse(j.data))).filter((j) => j.tenantId === tenantId);
}

describe('conversation runtime', () => {
  it('when a turn is answered, then its events are checked and its line logged only once the answer is back, and its jobs still land', async () => {
    const snapshot = await conversation.runtime.snapshots.get('acme');
    const info = jest.spyOn(logger, 'info');
    const publish = jest.spyOn(conversation.runtime.events, 'publish');
    const answered = () => info.mock.calls.filter((call) => (call as unknown[])[0] === 'turn answered');
    try {
      const answer = await conversation.runtime.respond({ snapshot: snapshot!, sessionId: 'session-later-1', channel: 'widget', origin: null, requestId: 'req-later-1', text: 'Hello' });
      expect(answer.answer).toBe('You said: Hello (history 0)');
      expect(answered()).toHaveLength(0);
      expect(publish).not.toHaveBeenCalled();
      await new Promise((resolve) => setImmediate(resolve));
      expect(answered()).toHaveLength(1);
      expect(publish.mock.calls.map(([queue]) => queue)).toEqual(['conversation-events', 'usage-events', 'usage-events']);
    } finally {
      info.mockRestore();
      publish.mockRestore();
    }
    await eventually(async () => expect(await turnJobs('session-later-1')).toHaveLength(1));
  });

  it('when a phone caller speaks twice, then the engine sees the first exchange and both turns land with channel phone and no origin', async () => {
    const snapshot = await conversation.runtime.snapshots.get('acme');
    const scope = { snapshot: snapshot!, sessionId: 'CA0000000000000000000000000000001', channel: 'phone' as const, origin: null, requestId: 'req-phone-1' };
    await conversation.runtime.respond({ ...scope, text: 'Are you open on Sunday?', language: 'en' });
    const second = await conversation.runtime.respond({ ...scope, text: 'And on Monday?', language: 'en' });
    expect(second.answer).toBe('You said: And on Monday? (history 2)');
    const jobs = await eventually(async () => {
      const found = await turnJobs(scope.sessionId);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(jobs.map((j) => [j.channel, j.origin, j.userText])).toEqual([
      ['phone', undefined, 'Are you open on Sunday?'],
      ['phone', undefined, 'And on Monday?'],
    ]);
  });

  it('when a speech model answered a voice turn, then it joins the same session history and counts the conversation once', async () => {
    const snapshot = await conversation.runtime.snapshots.get('acme');
    const sessionId = 'voice-session-0001';
    const scope = { snapshot: snapshot!, sessionId, channel: 'voice' as const, origin: 'https://acme.example.com', requestId: 'req-voice-1' };
    await conversation.runtime.recordSpokenTurn({ ...scope, userText: 'Hello, do you deliver?', assistantText: 'Yes, within two days.', language: 'en', provider: 'realtime:fake', startedAt: performance.now() });
    const typed = await conversation.runtime.respond({ ...scope, channel: 'widget', text: 'Great' });
    expect(typed.answer).toBe('You said: Great (history 2)');
    const [spoken] = await eventually(async () => {
      const found = await turnJobs(sessionId);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(spoken).toMatchObject({ channel: 'voice', provider: 'realtime:fake', assistantText: 'Yes, within two days.', language: 'en' });
    await eventually(async () => expect((await usageJobs('acme')).filter((j) => j.eventId === conversationEventId('acme', sessionId))).toHaveLength(1));
  });

  it('when the same usage record is sent twice, then one job holds it', async () => {
    const record = { tenantId: 'acme', requestId: 'req-voice-2', eventId: 'voice-seconds-session-0002', kind: 'voice_seconds' as const, quantity: 42 };
    conversation.runtime.recordUsage(record);
    conversation.runtime.recordUsage(record);
    await eventually(async () => expect((await usageJobs('acme')).filter((j) => j.eventId === record.eventId).map((j) => j.quantity)).toEqual([42]));
  });

  it('when a tenant-updated message arrives, then the next read fetches the snapshot again', async () => {
    const subscriber = createRedis(REDIS_URL, 'subscriber');
    const dropped: string[] = [];
    await conversation.listenForTenantUpdates(subscriber, (update) => dropped.push(update.tenantId));
    const path = '/internal/v1/tenants/acme/snapshot';
    const before = db.hitCount(path);
    await conversation.runtime.snapshots.get('acme');
    expect(db.hitCount(path)).toBe(before);
    await redis.publish(TENANT_UPDATED_CHANNEL, JSON.stringify({ tenantId: 'acme', what: 'agents', at: new Date().toISOString() }));
    await eventually(() => expect(dropped).toEqual(['acme']));
    await conversation.runtime.snapshots.get('acme');
    expect(db.hitCount(path)).toBe(before + 1);
    await subscriber.quit();
  });
});
