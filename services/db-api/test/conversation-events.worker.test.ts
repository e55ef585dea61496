import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DomainEvent, parseDomainEventData, WebhookDeliveriesJob, type ConversationTurnJob } from '@vocalia/contracts';
import { webhookDeliveriesOf, type Producer } from '@vocalia/service-kit';
import { domainEventId, recordDomainEvent } from '../src/conversations/domain-events';
import { bearer, jobsSettled, queuedWebhookAttempt, queueProducers, startTestApp, type QueueProducers, type TestApp, type TestSession } from './support';

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('conversation-events worker', () => {
  let t: TestApp;
  let producers: QueueProducers;
  let turns: Producer<'conversation-events'>;
  beforeAll(async () => {
    t = await startTestApp();
    producers = queueProducers(t);
    turns = producers.producer('conversation-events');
  });
  afterAll(async () => {
    await producers.close();
    await t.close();
  });

  function turn(s: TestSession, sessionId: string, extra: Partial<ConversationTurnJob> = {}): ConversationTurnJob {
    return {
      v: 1, eventId: randomUUID(), tenantId: s.tenantId, requestId: randomUUID(), at: new Date().toISOString(), type: 'turn.completed',
      sessionId, channel: 'widget', language: 'fr', intent: 'pricing', userText: 'Combien coûte un détartrage ?', assistantText: 'Le détartrage coûte 300 MAD.',
      provider: 'local', latencyMs: 42, handoff: false, ...extra,
    };
  }

  const listFor = (s: TestSession, query: Record<string, string> = {}) => request(t.app).get('/api/v1/conversations').query(query).set(bearer(s));

  it('when a turn is enqueued, then the conversation and both messages can be read; a redelivery adds nothing', async () => {
    const s = await t.register();
    const job = turn(s, 'session-aaaa-1111', { contact: { email: 'amina@example.test' } });
    await turns.add(job);
    const list = await eventually(() => listFor(s), (r) => r.body.items?.length === 1);
    expect(list.body.items[0]).toMatchObject({ sessionId: 'session-aaaa-1111', channel: 'widget', messageCount: 2, status: 'open', contact: { email: 'amina@example.test' } });

    // The same event delivered again (new BullMQ job id, same event id), as after a stalled job.
    const ids = [
      await turns.add(job, { jobId: `${job.eventId}-again` }),
      await turns.add(turn(s, 'session-aaaa-1111', { userText: 'Et le blanchiment ?', assistantText: 'Le blanchiment coûte 1500 MAD.', at: new Date(Date.now() + 1000).toISOString() })),
    ];
    await jobsSettled(turns.queue, ids);
    const detail = await request(t.app).get(`/api/v1/conversations/${list.body.items[0].id}`).set(bearer(s));
    const again = await request(t.app).get(`/api/v1/conversations/${list.body.items[0].id}`).set(bearer(s));
    expect(again.body.messageCount).toBe(4);
    expect(again.body.messages.map((m: { role: string; text: string }) => `${m.role}: ${m.text}`)).toEqual([
      'user: Combien coûte un détartrage ?',
      'assistant: Le détartrage coûte 300 MAD.',
      'user: Et le blanchiment ?',
      'assistant: Le blanchiment coûte 1500 MAD.',
    ]);
    expect(detail.status).toBe(200);
    expect(await t.deps.prisma.message.count({ where: { tenantId: s.tenantId } })).toBe(4);
    expect(await turns.queue.getJobCounts('failed')).toEqual({ failed: 0 });
  });

  it('when a job carries a batch of turns, then each is stored in its own conversation as a lone turn would be, a redelivered batch adds nothing, and a turn that fails does not stop the ones after it', async () => {
    const s = await t.register();
    const first = turn(s, 'session-batch-0001');
    const second = turn(s, 'session-batch-0002', { userText: 'Vous êtes ouverts samedi ?', assistantText: 'Oui, de 9 h à 13 h.' });
    const batch = { v: 1 as const, type: 'turn.completed.batch' as const, eventId: `turns-batch-${randomUUID()}`, tenantId: s.tenantId, requestId: randomUUID(), at: new Date().toISOString(), turns: [first, second] };
    const stored = await turns.add(batch);
    await jobsSettled(turns.queue, [stored]);
    expect((await turns.queue.getJob(stored))?.returnvalue).toMatchObject({ inserted: 4 });
    const list = await listFor(s);
    expect(list.body.items.map((c: { sessionId: string; messageCount: number }) => [c.sessionId, c.messageCount]).sort()).toEqual([['session-batch-0001', 2], ['session-batch-0002', 2]]);

    const again = await turns.add(batch, { jobId: `${batch.eventId}-again` });
    await jobsSettled(turns.queue, [again]);
    expect((await turns.queue.getJob(again))?.returnvalue).toEqual({ inserted: 0, events: [] });
    expect(await t.deps.prisma.message.count({ where: { tenantId: s.tenantId } })).toBe(4);

    const broken = turn(s, 'session-batch-0003', { userText: 'nul \u0000 here' });
    const after = turn(s, 'session-batch-0004');
    const failing = await turns.add({ ...batch, eventId: `turns-batch-${randomUUID()}`, turns: [broken, after] });
    await jobsSettled(turns.queue, [failing]);
    const failed = await turns.queue.getJob(failing);
    expect(await failed?.getState()).toBe('failed');
    expect(await t.deps.prisma.conversation.count({ where: { tenantId: s.tenantId, sessionId: 'session-batch-0004' } })).toBe(1);
    // Out of the dead letters the last test of this file counts.
    await failed?.remove();
  });

  it('when a visitor only asks questions (score 0, no contact), then no lead is listed; once a contact is given, the lead appears', async () => {
    const s = await t.register();
    const zero = { score: 0, bant: { budget: 0, authority: 0, need: 0, timeline: 0 } };
    await jobsSettled(turns.queue, [await turns.add(turn(s, 'session-nolead-001', { lead: zero }))]);
    expect((await listFor(s)).body.items).toHaveLength(1);
    expect((await request(t.app).get('/api/v1/leads').set(bearer(s))).body.items).toEqual([]);

    await jobsSettled(turns.queue, [await turns.add(turn(s, 'session-nolead-001', { at: new Date(Date.now() + 1000).toISOString(), lead: zero, contact: { email: 'sara@example.test' } }))]);
    expect((await request(t.app).get('/api/v1/leads').set(bearer(s))).body.items).toEqual([expect.objectContaining({ email: 'sara@example.test', score: 0 })]);
  });

  it('when the lead score crosses the threshold, then lead.qualified is recorded once, with a webhook delivery queued', async () => {
    const s = await t.register();
    const endpoint = await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://hooks.example/vocalia', secret: 'whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0', eventTypes: ['lead.qualified'] } });
    const bant = { budget: 20, authority: 15, need: 20, timeline: 15 };
    await turns.add(turn(s, 'session-lead-0001', { lead: { score: 30, bant: { budget: 10, authority: 5, need: 10, timeline: 5 } } }));
    await turns.add(turn(s, 'session-lead-0001', { at: new Date(Date.now() + 1000).toISOString(), lead: { score: 70, bant }, contact: { name: 'Youssef', phone: '+212612345678' }, booking: { date: 'demain', time: '10h', service: 'détartrage' } }));
    await turns.add(turn(s, 'session-lead-0001', { at: new Date(Date.now() + 2000).toISOString(), lead: { score: 80, bant: { ...bant, budget: 25, timeline: 20 } } }));
    // Turns may be processed in any order (concurrency 8): wait for all three.
    const list = await eventually(() => listFor(s, { minLeadScore: '75' }), (r) => r.body.items?.[0]?.messageCount === 6);
    expect(list.body.items[0].leadScore).toBe(80);

    const detail = await request(t.app).get(`/api/v1/conversations/${list.body.items[0].id}`).set(bearer(s));
    expect(detail.body.lead).toMatchObject({ score: 80, status: 'qualified', name: 'Youssef', phone: '+212612345678' });
    expect(detail.body.bookings).toEqual([expect.objectContaining({ requestedDate: 'demain', requestedTime: '10h', service: 'détartrage', status: 'requested' })]);

    const deliveries = await t.deps.prisma.webhookDelivery.findMany({ where: { tenantId: s.tenantId } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ endpointId: endpoint.id, eventType: 'lead.qualified', status: 'pending' });
    expect(deliveries[0]?.payload).toMatchObject({ type: 'lead.qualified', data: { conversationId: list.body.items[0].id, score: expect.any(Number) } });
    const job = await t.deps.producers.webhooks.queue.getJob(deliveries[0]!.id);
    expect(job?.data).toMatchObject({ deliveryId: deliveries[0]!.id, endpointId: endpoint.id, eventType: 'lead.qualified', tenantId: s.tenantId });
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'lead.qualified' } })).toBe(1);
  });

  it('when a conversation starts and its turns arrive (one twice), then conversation.started once and conversation.turn once per turn reach an endpoint, shaped as their contracts', async () => {
    const s = await t.register();
    await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://hooks.example/all', secret: `whsec_${randomUUID()}` } });
    const first = turn(s, 'session-events-0001', { origin: 'https://shop.example' });
    const second = turn(s, 'session-events-0001', { at: new Date(Date.now() + 1000).toISOString(), userText: 'Et le blanchiment ?' });
    await jobsSettled(turns.queue, [await turns.add(first)]);
    await jobsSettled(turns.queue, [await turns.add(second), await turns.add(second, { jobId: `${second.eventId}-again` })]);
    const deliveries = await t.deps.prisma.webhookDelivery.findMany({ where: { tenantId: s.tenantId }, orderBy: { createdAt: 'asc' } });
    expect(deliveries.map((d) => d.eventType).sort()).toEqual(['conversation.started', 'conversation.turn', 'conversation.turn']);
    for (const d of deliveries) {
      const payload = DomainEvent.parse(d.payload);
      expect(parseDomainEventData(payload.type, payload.data)).toEqual(payload.data);
      expect(await queuedWebhookAttempt(t.deps.producers.webhooks, d.id)).toMatchObject({ deliveryId: d.id, eventType: d.eventType });
    }
    const started = deliveries.find((d) => d.eventType === 'conversation.started');
    expect((started?.payload as { data: unknown }).data).toMatchObject({ sessionId: 'session-events-0001', channel: 'widget', origin: 'https://shop.example', language: 'fr' });
    const texts = deliveries.filter((d) => d.eventType === 'conversation.turn').map((d) => (d.payload as { data: { userText: string; turnId: string } }).data);
    expect(texts.map((x) => x.turnId).sort()).toEqual([first.eventId, second.eventId].sort());
  });

  it("when a stored turn's deliveries never reached the queue (the enqueue failed after the commit), then its redelivered job hands them over", async () => {
    const s = await t.register();
    await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://hooks.example/lost', secret: `whsec_${randomUUID()}` } });
    const job = turn(s, 'session-lost-0001');
    await jobsSettled(turns.queue, [await turns.add(job)]);
    const deliveries = await t.deps.prisma.webhookDelivery.findMany({ where: { tenantId: s.tenantId } });
    expect(deliveries.map((d) => d.eventType).sort()).toEqual(['conversation.started', 'conversation.turn']);
    const ids = new Set(deliveries.map((d) => d.id));
    for (const queued of await t.deps.producers.webhooks.queue.getJobs(['waiting', 'delayed', 'prioritized'])) {
      const data = WebhookDeliveriesJob.parse(queued.data);
      if (webhookDeliveriesOf(data).some((d) => ids.has(d.deliveryId))) await queued.remove();
    }
    for (const d of deliveries) expect(await queuedWebhookAttempt(t.deps.producers.webhooks, d.id)).toBeUndefined();

    await jobsSettled(turns.queue, [await turns.add(job, { jobId: `${job.eventId}-again` })]);
    for (const d of deliveries) expect(await queuedWebhookAttempt(t.deps.producers.webhooks, d.id)).toMatchObject({ deliveryId: d.id, eventType: d.eventType });
  });

  it('when an event is recorded with data that does not match its contract, then it throws and nothing is stored', async () => {
    const s = await t.register();
    await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://hooks.example/all', secret: `whsec_${randomUUID()}` } });
    const wrong = { id: domainEventId('test', randomUUID()), type: 'handoff.requested' as const, data: { conversationId: 'c1', sessionId: 's1', channel: 'fax' } };
    await expect(t.deps.prisma.$transaction((tx) => recordDomainEvent(tx, s.tenantId, wrong, new Date()))).rejects.toThrow(/channel/);
    expect(await t.deps.prisma.webhookDelivery.count({ where: { tenantId: s.tenantId } })).toBe(0);
  });

  it('when filters are given, then only matching conversations come back, a page at a time', async () => {
    const s = await t.register();
    for (let i = 0; i < 3; i++) await turns.add(turn(s, `session-page-000${i}`, { channel: i === 2 ? 'voice' : 'widget', at: new Date(Date.now() - (3 - i) * 60_000).toISOString() }));
    await eventually(() => listFor(s), (r) => r.body.items?.length === 3);
    const first = await listFor(s, { limit: '1', channel: 'widget' });
    expect(first.body.items.map((c: { sessionId: string }) => c.sessionId)).toEqual(['session-page-0001']);
    const second = await listFor(s, { limit: '1', channel: 'widget', cursor: first.body.nextCursor });
    expect(second.body.items.map((c: { sessionId: string }) => c.sessionId)).toEqual(['session-page-0000']);
    expect(second.body.nextCursor).toBeNull();
    expect((await listFor(s, { from: new Date(Date.now() + 3600_000).toISOString() })).body.items).toEqual([]);
    expect((await listFor(s, { status: 'handoff' })).body.items).toEqual([]);
  });

  it.each([
    [{ limit: '101' }, 'query.limit'],
    [{ channel: 'fax' }, 'query.channel'],
    [{ from: 'yesterday' }, 'query.from'],
    [{ minLeadScore: '-1' }, 'query.minLeadScore'],
    [{ cursor: 'not-a-cursor' }, 'query.cursor'],
  ])('when the query is %j, then 400 names %s', async (query, path) => {
    const s = await t.register();
    const res = await listFor(s, query);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("when another tenant's conversation is read, then 404", async () => {
    const a = await t.register();
    const b = await t.register();
    await turns.add(turn(a, 'session-mine-0001'));
    const list = await eventually(() => listFor(a), (r) => r.body.items?.length === 1);
    expect((await request(t.app).get(`/api/v1/conversations/${list.body.items[0].id}`).set(bearer(b))).status).toBe(404);
    expect((await listFor(b)).body.items).toEqual([]);
  });

  it('when a turn names an agent of another tenant, then the conversation is stored without it', async () => {
    const a = await t.register();
    const b = await t.register();
    const foreign = await t.deps.prisma.agent.create({ data: { tenantId: b.tenantId, name: 'B', personaId: 'dental', languages: ['fr'] } });
    await turns.add(turn(a, 'session-agent-0001', { agentId: foreign.id }));
    const list = await eventually(() => listFor(a), (r) => r.body.items?.length === 1);
    expect(list.body.items[0].agentId).toBeNull();
  });

  it('when a turn contains a NUL, then its job fails once with the reason, stays in the failed set with bounded retention, and /ready counts it', async () => {
    const s = await t.register();
    const job = turn(s, 'session-nul-0001', { userText: 'bonjour\u0000' });
    await turns.add(job);
    const stored = await eventually(() => turns.queue.getJob(job.eventId), (j) => j?.finishedOn !== undefined);
    expect(await stored?.getState()).toBe('failed');
    expect(stored?.attemptsMade).toBe(1);
    expect(stored?.opts.attempts).toBeGreaterThan(1);
    expect(stored?.failedReason).toMatch(/22021/);
    expect(stored?.opts.removeOnFail).toEqual({ count: expect.any(Number), age: expect.any(Number) });
    expect(await t.deps.prisma.message.count({ where: { tenantId: s.tenantId } })).toBe(0);
    const ready = await request(t.app).get('/ready');
    expect(ready.body.details).toEqual({ deadLetters: { 'conversation-events': 1, 'call-events': 0, 'usage-events': 0, 'audit-events': 0, 'inbound-events': 0 } });
  });
});
