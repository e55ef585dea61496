import request from 'supertest';
import { ConversationEventsJob, conversationTurnsOf, ConversationTurnJob, usageEventsOf, UsageEventsJob, type UsageEventJob } from '@vocalia/contracts';
import { createProducer, type Producer } from '@vocalia/service-kit';
import { conversationEventId } from '@vocalia/conversation';
import { startHarness, waitReady, type Harness } from './support/harness';
import { eventually, snapshotFor } from '@vocalia/conversation/testing';

const SHOP = 'https://shop.example.com';
let h: Harness;
let turns: Producer<'conversation-events'>;
let usage: Producer<'usage-events'>;

beforeAll(async () => {
  h = await startHarness('events');
  h.addTenant(snapshotFor({ id: 'acme', origins: [SHOP], leadThreshold: 50 }));
  turns = createProducer('conversation-events', { connection: h.redis, prefix: h.queuePrefix });
  usage = createProducer('usage-events', { connection: h.redis, prefix: h.queuePrefix });
});
afterAll(async () => {
  await Promise.all([turns.queue.close(), usage.queue.close()]);
  await h.close();
});

const say = (sessionId: string, message: string) =>
  request(h.app).post('/respond').set('Origin', SHOP).set('Authorization', `Bearer ${h.tokenFor('acme', SHOP)}`).send({ tenantId: 'acme', sessionId, message, context: { pageUrl: 'https://shop.example.com/cart' } }).expect(200);

async function turnJobs(sessionId: string): Promise<ConversationTurnJob[]> {
  const jobs = await turns.queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
  return jobs.flatMap((j) => conversationTurnsOf(ConversationEventsJob.parse(j.data))).filter((j) => j.sessionId === sessionId).sort((a, b) => a.at.localeCompare(b.at));
}

async function usageJobs(): Promise<(UsageEventJob & { jobId?: string })[]> {
  const jobs = await usage.queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
  return jobs.flatMap((j) => usageEventsOf(UsageEventsJob.parse(j.data)).map((e) => ({ ...e, jobId: j.id })));
}

describe('events of a turn', () => {
  it('when a turn is answered, then a turn.completed job with the right payload lands in conversation-events, keyed by its event id', async () => {
    const res = await say('session-events-1', 'Do you deliver?');
    const [job] = await eventually(async () => {
      const jobs = await turnJobs('session-events-1');
      expect(jobs).toHaveLength(1);
      return jobs;
    });
    expect(job).toMatchObject({
      v: 1,
      type: 'turn.completed',
      tenantId: 'acme',
      requestId: res.headers['x-request-id'],
      sessionId: 'session-events-1',
      channel: 'widget',
      agentId: 'agent-acme',
      origin: SHOP,
      language: 'en',
      userText: 'Do you deliver?',
      assistantText: res.body.answer,
      provider: 'scripted',
      lead: res.body.lead,
      handoff: false,
      leadQualified: false,
    });
    expect(job?.eventId).toMatch(/^turn-[0-9a-f-]{36}$/);
    const stored = await turns.queue.getJob(job!.eventId);
    expect(stored?.id).toBe(job?.eventId);
  });

  it('when a session has three turns, then usage has one conversation and three api_call events, the first turn\'s two in one job', async () => {
    for (const m of ['one', 'two', 'three']) await say('session-events-2', m);
    const conversationId = conversationEventId('acme', 'session-events-2');
    await eventually(async () => {
      const jobs = await usageJobs();
      expect(jobs.filter((j) => j.eventId === conversationId)).toHaveLength(1);
      expect(jobs.filter((j) => j.kind === 'api_call' && j.tenantId === 'acme').length).toBeGreaterThanOrEqual(4);
    });
    const events = await usageJobs();
    const conv = events.find((j) => j.eventId === conversationId);
    expect(conv).toMatchObject({ kind: 'conversation', quantity: 1, jobId: expect.stringMatching(/^usage-batch-/) });
    expect(events.filter((j) => j.jobId === conv?.jobId).map((j) => j.kind).sort()).toEqual(['api_call', 'conversation']);
  });

  it('when the lead score first reaches the threshold, then exactly that turn is flagged leadQualified', async () => {
    for (const m of ['I want to buy', 'buy buy', 'I will buy more', 'thanks']) await say('session-events-3', m);
    const jobs = await eventually(async () => {
      const found = await turnJobs('session-events-3');
      expect(found).toHaveLength(4);
      return found;
    });
    expect(jobs.map((j) => [j.lead?.score, j.leadQualified])).toEqual([
      [25, false],
      [50, true],
      [75, false],
      [75, false],
    ]);
  });

  it('when the engine scores a lead outside the contract, then the score is bounded and the turn is still recorded', async () => {
    const original = h.engine.respond.bind(h.engine);
    h.engine.respond = async (input, onToken) => ({ ...(await original(input, onToken)), lead: { score: 130, bant: { budget: 40, authority: 30, need: 30, timeline: 30 } } });
    try {
      const res = await say('session-events-5', 'I will buy everything');
      expect(res.body.lead).toEqual({ score: 100, bant: { budget: 25, authority: 25, need: 25, timeline: 25 } });
      await eventually(async () => expect((await turnJobs('session-events-5')).map((j) => [j.lead?.score, j.leadQualified])).toEqual([[100, true]]));
    } finally {
      h.engine.respond = original;
    }
  });

  it('when the engine returns a lead in range with a field the contract does not have, then the answer carries only the contract lead', async () => {
    const original = h.engine.respond.bind(h.engine);
    const lead = { score: 30, bant: { budget: 10, authority: 5, need: 10, timeline: 5 }, internalNote: 'not for the visitor' };
    h.engine.respond = async (input, onToken) => ({ ...(await original(input, onToken)), lead });
    try {
      const res = await say('session-events-6', 'hello');
      expect(res.body.lead).toEqual({ score: 30, bant: { budget: 10, authority: 5, need: 10, timeline: 5 } });
    } finally {
      h.engine.respond = original;
    }
  });

  it('when Redis refuses the producer, then the answer is still served and the jobs land once Redis is back', async () => {
    h.producerRedis.disconnect();
    // The producers' Redis comes back only after the answer: an answer that waited for it would never come.
    await say('session-events-4', 'are you there?');
    expect(h.producerRedis.status).not.toBe('ready');
    expect(h.deps.events.buffered).toBe(3);
    expect(await turnJobs('session-events-4')).toHaveLength(0);
    await h.producerRedis.connect();
    await waitReady(h.producerRedis);
    await eventually(async () => expect(await turnJobs('session-events-4')).toHaveLength(1));
    await eventually(() => expect(h.deps.events.buffered).toBe(0));
    expect((await usageJobs()).some((j) => j.eventId === conversationEventId('acme', 'session-events-4'))).toBe(true);
  });
});
