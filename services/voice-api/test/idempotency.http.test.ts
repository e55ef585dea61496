import request from 'supertest';
import { ConversationEventsJob, conversationTurnsOf } from '@vocalia/contracts';
import { sessionKeys } from '@vocalia/conversation';
import { eventually, snapshotFor } from '@vocalia/conversation/testing';
import { createProducer, type Producer } from '@vocalia/service-kit';
import { ANSWER_TTL_SEC } from '../src/respond/idempotency';
import { startHarness, waitReady, type Harness } from './support/harness';

const SHOP = 'https://shop.example.com';
/** The hold of a key without news of its request (15 s in production). */
const HOLD_MS = 600;
let h: Harness;
let turns: Producer<'conversation-events'>;

beforeAll(async () => {
  h = await startHarness('idempotency', { idempotencyHoldMs: HOLD_MS });
  await waitReady(h.redis);
  h.addTenant(snapshotFor({ id: 'idem-shop', plan: 'pro', origins: [SHOP] }));
  turns = createProducer('conversation-events', { connection: h.redis, prefix: h.queuePrefix });
});
afterAll(async () => {
  await turns.queue.close();
  await h.close();
});

const say = (sessionId: string, message: string, key?: string) => {
  const req = request(h.app).post('/respond').set('Origin', SHOP).set('Authorization', `Bearer ${h.tokenFor('idem-shop', SHOP)}`);
  if (key !== undefined) req.set('Idempotency-Key', key);
  return req.send({ tenantId: 'idem-shop', sessionId, message });
};
const historyOf = (sessionId: string) => h.redis.lrange(sessionKeys(h.keyPrefix, 'idem-shop', sessionId).history, 0, -1);
const turnsOf = async (sessionId: string) =>
  (await turns.queue.getJobs(['waiting', 'active', 'completed'])).flatMap((j) => conversationTurnsOf(ConversationEventsJob.parse(j.data))).filter((t) => t.sessionId === sessionId);

describe('POST /respond with an Idempotency-Key', () => {
  it('when a message is sent again with its key (the answer was lost on the way back), then the first answer comes back and no second turn is taken', async () => {
    const first = await say('session-idem-0001', 'Do you deliver to Rabat?', 'key-0001-abcdef').expect(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await say('session-idem-0001', 'Do you deliver to Rabat?', 'key-0001-abcdef').expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(h.engine.inputs.filter((i) => i.message === 'Do you deliver to Rabat?')).toHaveLength(1);
    await eventually(async () => expect(await historyOf('session-idem-0001')).toHaveLength(2));
    await eventually(async () => expect(await turnsOf('session-idem-0001')).toHaveLength(1));

    const streamed = await say('session-idem-0001', 'Do you deliver to Rabat?', 'key-0001-abcdef').set('Accept', 'text/event-stream').expect(200);
    expect(streamed.text).toBe(`event: done\ndata: ${JSON.stringify(first.body)}\n\n`);

    const fresh = await say('session-idem-0001', 'Do you deliver to Rabat?', 'key-0002-abcdef').expect(200);
    expect(fresh.body.answer).not.toBe(first.body.answer);
    expect(await historyOf('session-idem-0001')).toHaveLength(4);
    const ttl = await h.redis.ttl((await h.redis.keys(`${h.keyPrefix}:idem:idem-shop:session-idem-0001:*`))[0]!);
    expect(ttl).toBeGreaterThan(ANSWER_TTL_SEC - 60);
  });

  it('when the key comes with another message, then 400 says the key is taken, and nothing is answered', async () => {
    await say('session-idem-0002', 'What are your hours?', 'key-reused-0002').expect(200);
    const before = h.engine.inputs.length;
    const res = await say('session-idem-0002', 'And on Sunday?', 'key-reused-0002').expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'headers.idempotency-key' }] });
    expect(h.engine.inputs.length).toBe(before);
    expect(await historyOf('session-idem-0002')).toHaveLength(2);
  });

  it('when the retry comes while the first is still being answered, then 409 and one turn', async () => {
    h.engine.delayMs = 40;
    try {
      const [a, b] = await Promise.all([say('session-idem-0003', 'Is the shop open now?', 'key-slow-0003'), say('session-idem-0003', 'Is the shop open now?', 'key-slow-0003')]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect((a.status === 409 ? a : b).body).toMatchObject({ code: 'CONFLICT' });
    } finally {
      h.engine.delayMs = 0;
    }
    await eventually(async () => expect(await historyOf('session-idem-0003')).toHaveLength(2));
  });

  it('when a turn outlasts the hold (a slow model), then its replica keeps holding the key: a retry meanwhile gets 409, and the key would free soon after a dead replica', async () => {
    // The scripted model waits before each of its 9 words: the turn takes three holds.
    h.engine.delayMs = HOLD_MS / 3;
    try {
      const first = say('session-idem-0008', 'Can you call me back tomorrow?', 'key-long-0008').then((r) => r);
      await new Promise((r) => setTimeout(r, 1.6 * HOLD_MS));
      const [key] = await h.redis.keys(`${h.keyPrefix}:idem:idem-shop:session-idem-0008:*`);
      const ttl = await h.redis.pttl(key!);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(HOLD_MS);
      const during = await say('session-idem-0008', 'Can you call me back tomorrow?', 'key-long-0008');
      expect([during.status, during.body.code]).toEqual([409, 'CONFLICT']);
      expect((await first).status).toBe(200);
    } finally {
      h.engine.delayMs = 0;
    }
    expect(h.engine.inputs.filter((i) => i.message === 'Can you call me back tomorrow?')).toHaveLength(1);
    const replayed = await say('session-idem-0008', 'Can you call me back tomorrow?', 'key-long-0008').expect(200);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
  });

  it('when the turn fails, then the key is free again and the retry is answered', async () => {
    const respond = h.engine.respond.bind(h.engine);
    h.engine.respond = async () => {
      throw new Error('model down');
    };
    try {
      await say('session-idem-0004', 'Can I book for tonight?', 'key-failing-0004').expect((res) => expect(res.status).toBeGreaterThanOrEqual(500));
    } finally {
      h.engine.respond = respond;
    }
    const retry = await say('session-idem-0004', 'Can I book for tonight?', 'key-failing-0004').expect(200);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('when the key is malformed, then 400 names the header, and nothing is answered', async () => {
    const before = h.engine.inputs.length;
    const res = await say('session-idem-0005', 'Hello?', 'short').expect(400);
    expect(res.body.errors).toEqual([{ path: 'headers.idempotency-key', message: 'at least 8 characters', rule: 'too_short', limit: 8 }]);
    expect(h.engine.inputs.length).toBe(before);
  });

  it("when two sessions use the same key, then each gets its own answer: a key names nothing outside its tenant's session", async () => {
    const a = await say('session-idem-0006', 'Where are you?', 'shared-key-0006').expect(200);
    const b = await say('session-idem-0007', 'Where are you?', 'shared-key-0006').expect(200);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.body.sessionId).toBe('session-idem-0007');
    expect(a.body.sessionId).toBe('session-idem-0006');
  });
});
