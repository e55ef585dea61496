import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Producer } from '@vocalia/service-kit';
import { bearer, jobsSettled, queuedWebhookAttempt, queueProducers, startTestApp, type QueueProducers, type TestApp, type TestSession } from './support';

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const NOW = new Date('2026-11-15T12:00:00.000Z');

describe('call-events and usage-events workers', () => {
  let t: TestApp;
  let producers: QueueProducers;
  let calls: Producer<'call-events'>;
  let usage: Producer<'usage-events'>;
  let turns: Producer<'conversation-events'>;
  beforeAll(async () => {
    t = await startTestApp({ clock: () => NOW });
    producers = queueProducers(t);
    calls = producers.producer('call-events');
    usage = producers.producer('usage-events');
    turns = producers.producer('conversation-events');
  });
  afterAll(async () => {
    await producers.close();
    await t.close();
  });

  const envelope = (s: TestSession, at: Date) => ({ v: 1 as const, eventId: randomUUID(), tenantId: s.tenantId, requestId: randomUUID(), at: at.toISOString() });

  it('when call events arrive (even out of order), then the call shows its final status, masked number, recording and transcript', async () => {
    const s = await t.register();
    const callSid = `CA${randomUUID().replace(/-/g, '')}`;
    const started = new Date(NOW.getTime() - 120_000);
    await calls.add({ ...envelope(s, started), type: 'call.started', callSid, direction: 'inbound', from: '+212612345678', to: '+212522000000' });
    await turns.add({ ...envelope(s, new Date(started.getTime() + 5000)), type: 'turn.completed', sessionId: callSid, channel: 'phone', language: 'fr', intent: 'booking', userText: 'Je voudrais un rendez-vous', assistantText: 'Pour quel jour ?', provider: 'local', latencyMs: 10, handoff: false });
    const recordingSid = `RE${'a1'.repeat(16)}`;
    await calls.add({ ...envelope(s, NOW), type: 'call.completed', callSid, status: 'completed', durationSec: 95, recordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC${'0'.repeat(32)}/Recordings/${recordingSid}` });
    const list = await eventually(
      () => request(t.app).get('/api/v1/calls').set(bearer(s)),
      (r) => r.body.items?.[0]?.status === 'completed' && r.body.items?.[0]?.conversationId,
    );
    // A late, stale status must not reopen a finished call.
    await jobsSettled(calls.queue, [await calls.add({ ...envelope(s, started), type: 'call.status', callSid, status: 'ringing' })]);
    const detail = await request(t.app).get(`/api/v1/calls/${list.body.items[0].id}`).set(bearer(s));
    expect(detail.body).toMatchObject({ callSid, direction: 'inbound', from: '+********5678', status: 'completed', durationSec: 95, recordingUrl: `/api/v1/calls/${list.body.items[0].id}/recording` });
    expect(detail.text).not.toContain('api.twilio.com');
    expect((await t.deps.prisma.call.findFirst({ where: { callSid } }))?.recordingSid).toBe(recordingSid);
    expect(detail.body.endedAt).toBe(NOW.toISOString());
    expect(detail.body.transcript.map((m: { text: string }) => m.text)).toEqual(['Je voudrais un rendez-vous', 'Pour quel jour ?']);
    expect(JSON.stringify(await t.deps.prisma.call.findMany({ where: { tenantId: s.tenantId } }))).not.toContain('612345678');
    const other = await t.register();
    expect((await request(t.app).get(`/api/v1/calls/${list.body.items[0].id}`).set(bearer(other))).status).toBe(404);
  });

  it('when a call starts and ends, then call.started and call.completed are emitted once each to the webhook endpoints, even with replays and late events', async () => {
    const s = await t.register();
    await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://hooks.example/calls', secret: `whsec_${randomUUID()}` } });
    const callSid = `CA${randomUUID().replace(/-/g, '')}`;
    const started = { ...envelope(s, new Date(NOW.getTime() - 60_000)), type: 'call.started' as const, callSid, direction: 'inbound' as const, from: '+212612345678', to: '+212522000000', sequence: 0 };
    const completed = { ...envelope(s, NOW), type: 'call.completed' as const, callSid, status: 'completed', durationSec: 58, sequence: 3 };
    await jobsSettled(calls.queue, [await calls.add(started)]);
    const ids = [
      await calls.add(completed),
      await calls.add({ ...completed, eventId: randomUUID() }),
      await calls.add({ ...envelope(s, new Date(started.at)), type: 'call.status', callSid, status: 'ringing', sequence: 1 }),
      await calls.add(started, { jobId: `${started.eventId}-replayed` }),
    ];
    await jobsSettled(calls.queue, ids);
    const deliveries = await t.deps.prisma.webhookDelivery.findMany({ where: { tenantId: s.tenantId }, orderBy: { eventType: 'asc' } });
    expect(deliveries.map((d) => d.eventType)).toEqual(['call.completed', 'call.started']);
    const call = await t.deps.prisma.call.findFirstOrThrow({ where: { callSid } });
    expect(call).toMatchObject({ status: 'completed', durationSec: 58, endedAt: NOW });
    expect((deliveries[0]?.payload as { data: unknown }).data).toEqual({
      callId: call.id, callSid, direction: 'inbound', from: '+********5678', to: '+212522000000', status: 'completed', agentId: null, conversationId: null,
      startedAt: started.at, endedAt: NOW.toISOString(), durationSec: 58, recorded: false,
    });
    expect(JSON.stringify(deliveries)).not.toContain('612345678');
    for (const d of deliveries) expect(await queuedWebhookAttempt(t.deps.producers.webhooks, d.id)).toMatchObject({ deliveryId: d.id, eventType: d.eventType });
    expect(await t.deps.prisma.callEvent.count({ where: { callId: call.id } })).toBe(4);
  });

  it('when a completed call gets its transcript, lead score and recording, then call.analyzed is emitted once, with no null field, only after the last of them', async () => {
    const s = await t.register();
    await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://hooks.example/analyzed', secret: `whsec_${randomUUID()}`, eventTypes: ['call.analyzed'] } });
    const callSid = `CA${randomUUID().replace(/-/g, '')}`;
    const started = new Date(NOW.getTime() - 90_000);
    const bant = { budget: 15, authority: 20, need: 20, timeline: 10 };
    await jobsSettled(calls.queue, [await calls.add({ ...envelope(s, started), type: 'call.started', callSid, direction: 'inbound', from: '+212612345678', to: '+212522000000', sequence: 0 })]);
    await jobsSettled(turns.queue, [
      await turns.add({ ...envelope(s, new Date(started.getTime() + 5000)), type: 'turn.completed', sessionId: callSid, channel: 'phone', language: 'fr', intent: 'quote', userText: 'Je voudrais un devis', assistantText: 'Pour combien de postes ?', provider: 'local', latencyMs: 10, handoff: false, lead: { score: 65, bant } }),
    ]);
    await jobsSettled(calls.queue, [await calls.add({ ...envelope(s, NOW), type: 'call.completed', callSid, status: 'completed', durationSec: 88, sequence: 1 })]);
    expect(await t.deps.prisma.webhookDelivery.count({ where: { tenantId: s.tenantId } })).toBe(0);
    const recording = { ...envelope(s, new Date(NOW.getTime() + 5000)), type: 'call.recording' as const, callSid, recordingSid: `RE${'d4'.repeat(16)}`, recordingDurationSec: 85, sequence: 2 };
    await jobsSettled(calls.queue, [await calls.add(recording), await calls.add({ ...envelope(s, NOW), type: 'call.status', callSid, status: 'completed', sequence: 3 })]);
    const deliveries = await t.deps.prisma.webhookDelivery.findMany({ where: { tenantId: s.tenantId } });
    expect(deliveries.map((d) => d.eventType)).toEqual(['call.analyzed']);
    const call = await t.deps.prisma.call.findFirstOrThrow({ where: { callSid } });
    const data = (deliveries[0]?.payload as { data: Record<string, unknown> }).data;
    expect(data).toEqual({
      callId: call.id, callSid, direction: 'inbound', conversationId: call.conversationId, startedAt: started.toISOString(), endedAt: NOW.toISOString(), durationSec: 88,
      leadScore: 65, bant,
      transcript: [
        { role: 'user', text: 'Je voudrais un devis', at: new Date(started.getTime() + 5000).toISOString() },
        { role: 'assistant', text: 'Pour combien de postes ?', at: new Date(started.getTime() + 5001).toISOString() },
      ],
      recording: { url: `/api/v1/calls/${call.id}/recording`, durationSec: 85 },
    });
    expect(JSON.stringify(data)).not.toContain('null');
    expect(await t.deps.producers.webhooks.queue.getJob(deliveries[0]!.id)).toBeDefined();
  });

  it('when the transcript is the last piece (turn stored after the recording), then that turn emits call.analyzed, once', async () => {
    const s = await t.register();
    await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://hooks.example/analyzed', secret: `whsec_${randomUUID()}`, eventTypes: ['call.analyzed'] } });
    const callSid = `CA${randomUUID().replace(/-/g, '')}`;
    const started = new Date(NOW.getTime() - 60_000);
    await jobsSettled(calls.queue, [await calls.add({ ...envelope(s, started), type: 'call.started', callSid, direction: 'outbound', to: '+212612345678', sequence: 0 })]);
    await jobsSettled(calls.queue, [await calls.add({ ...envelope(s, NOW), type: 'call.completed', callSid, status: 'completed', durationSec: 60, recordingSid: `RE${'e5'.repeat(16)}`, recordingDurationSec: 58, sequence: 1 })]);
    expect(await t.deps.prisma.webhookDelivery.count({ where: { tenantId: s.tenantId } })).toBe(0);
    const late = { ...envelope(s, new Date(started.getTime() + 3000)), type: 'turn.completed' as const, sessionId: callSid, channel: 'phone' as const, language: 'fr' as const, intent: 'callback', userText: 'Rappelez-moi demain', assistantText: 'Entendu.', provider: 'local', latencyMs: 10, handoff: false, lead: { score: 40, bant: { budget: 10, authority: 10, need: 10, timeline: 10 } } };
    await jobsSettled(turns.queue, [await turns.add(late), await turns.add(late, { jobId: `${late.eventId}-again` })]);
    const deliveries = await t.deps.prisma.webhookDelivery.findMany({ where: { tenantId: s.tenantId } });
    expect(deliveries.map((d) => d.eventType)).toEqual(['call.analyzed']);
    expect((deliveries[0]?.payload as { data: unknown }).data).toMatchObject({ callSid, direction: 'outbound', leadScore: 40, durationSec: 60, recording: { durationSec: 58 }, transcript: [{ text: 'Rappelez-moi demain' }, { text: 'Entendu.' }] });
    expect(await t.deps.producers.webhooks.queue.getJob(deliveries[0]!.id)).toBeDefined();
  });

  it('when the same event id arrives again with other values (a replayed callback), then nothing changes', async () => {
    const s = await t.register();
    const callSid = `CA${randomUUID().replace(/-/g, '')}`;
    const recording = { ...envelope(s, NOW), type: 'call.recording' as const, callSid, recordingSid: `RE${'b2'.repeat(16)}`, recordingDurationSec: 41, sequence: 2 };
    await jobsSettled(calls.queue, [await calls.add(recording)]);
    const before = await t.deps.prisma.call.findFirstOrThrow({ where: { callSid } });
    expect(before).toMatchObject({ recordingSid: recording.recordingSid, recordingDurationSec: 41 });
    await jobsSettled(calls.queue, [await calls.add({ ...recording, recordingSid: `RE${'c3'.repeat(16)}`, recordingDurationSec: 99, status: 'failed' }, { jobId: `${recording.eventId}-again` })]);
    expect(await t.deps.prisma.call.findFirstOrThrow({ where: { callSid } })).toEqual(before);
  });

  it('when usage events are delivered (one twice), then GET /usage sums this period once, with telephony cost at 0.24 EUR/min', async () => {
    const s = await t.register();
    const telephony = { ...envelope(s, NOW), kind: 'telephony_seconds' as const, quantity: 300 };
    const ids = [
      await usage.add(telephony),
      await usage.add(telephony, { jobId: `${telephony.eventId}-redelivered` }),
      await usage.add({ ...envelope(s, NOW), kind: 'voice_seconds', quantity: 90 }),
      await usage.add({ ...envelope(s, NOW), kind: 'api_call', quantity: 3 }),
      await usage.add({ ...envelope(s, new Date('2026-10-31T23:59:00.000Z')), kind: 'api_call', quantity: 100 }),
    ];
    await jobsSettled(usage.queue, ids);
    expect(await t.deps.prisma.usageRecord.count({ where: { tenantId: s.tenantId } })).toBe(4);
    await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ title: 'A', kind: 'text', language: 'en', content: 'twelve bytes' }).expect(201);
    const res = await request(t.app).get('/api/v1/usage').set(bearer(s));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      plan: 'starter',
      // Registration starts a trial subscription: its period is the one in force.
      period: { start: NOW.toISOString(), end: expect.any(String), basis: 'subscription' },
      voiceMinutes: { used: 1.5, quota: 0 },
      telephonyMinutes: { used: 5, quota: 0, costEur: 1.2, eurPerMinute: 0.24 },
      conversations: { used: 0, quota: 1000 },
      apiCalls: { used: 3, quota: 10000 },
      knowledgeBaseBytes: { used: 12, quota: 10 * 1024 * 1024 },
      agents: { used: 0, quota: 1 },
      // Starter has no streaming voice; the phone lines are the tenant's default.
      live: { voiceSessions: { used: 0, quota: 0 }, calls: { used: 0, quota: 5 } },
    });
    expect(await t.deps.prisma.usageRecord.count({ where: { tenantId: s.tenantId } })).toBe(4);
  });

  it('when the subscription period covers now, then usage follows it; without one, the calendar month (UTC)', async () => {
    const s = await t.register();
    await t.deps.prisma.subscription.update({ where: { tenantId: s.tenantId }, data: { currentPeriodStart: new Date('2026-11-10T00:00:00Z'), currentPeriodEnd: new Date('2026-12-10T00:00:00Z') } });
    const res = await request(t.app).get('/api/v1/usage').set(bearer(s));
    expect(res.body.period).toEqual({ start: '2026-11-10T00:00:00.000Z', end: '2026-12-10T00:00:00.000Z', basis: 'subscription' });
    await t.deps.prisma.subscription.delete({ where: { tenantId: s.tenantId } });
    const month = await request(t.app).get('/api/v1/usage').set(bearer(s));
    expect(month.body.period).toEqual({ start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z', basis: 'calendar_month' });
  });
});
