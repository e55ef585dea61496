import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createVocaliaClient } from '@vocalia/sdk';
import { listen, type Producer } from '@vocalia/service-kit';
import { bearer, jobsSettled, problemOf, startFakeTwilio, queueProducers, startTestApp, type FakeTwilio, type QueueProducers, type TestApp, type TestSession } from './support';

/** 10:00 UTC on the next Tuesday: inside the default calling hours (Monday to Saturday, 09:00-20:00 Casablanca). */
function nextWeekdayMorning(): string {
  const at = new Date();
  at.setUTCHours(10, 0, 0, 0);
  do at.setUTCDate(at.getUTCDate() + 1);
  while (at.getUTCDay() !== 2);
  return at.toISOString();
}

describe('calls: detail with transcript, recording and usage', () => {
  let twilio: FakeTwilio;
  let t: TestApp;
  let producers: QueueProducers;
  let calls: Producer<'call-events'>;
  let turns: Producer<'conversation-events'>;
  beforeAll(async () => {
    twilio = await startFakeTwilio();
    t = await startTestApp({ env: twilio.env });
    producers = queueProducers(t);
    calls = producers.producer('call-events');
    turns = producers.producer('conversation-events');
  });
  afterAll(async () => {
    await producers.close();
    await t.close();
    await twilio.close();
  });

  const envelope = (s: TestSession, at = new Date()) => ({ v: 1 as const, eventId: randomUUID(), tenantId: s.tenantId, requestId: randomUUID(), at: at.toISOString() });

  async function telephonyTenant(): Promise<TestSession> {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'telephony' } });
    return s;
  }

  /** A recorded inbound call with one turn, through the queues as telephony-bridge sends it. */
  async function recordedCall(s: TestSession, audio: Buffer | null): Promise<{ id: string; callSid: string; recordingSid: string }> {
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    const recordingSid = `RE${randomBytes(16).toString('hex')}`;
    if (audio) twilio.recordings.set(recordingSid, audio);
    const started = new Date(Date.now() - 90_000);
    await jobsSettled(calls.queue, [await calls.add({ ...envelope(s, started), type: 'call.started', callSid, direction: 'inbound', from: '+212612345678', to: '+212522000101', sequence: 0 })]);
    const jobs = [
      await turns.add({ ...envelope(s, new Date(started.getTime() + 4000)), type: 'turn.completed', sessionId: callSid, channel: 'phone', language: 'fr', intent: 'hours', userText: 'Vous ouvrez à quelle heure ?', assistantText: 'Nous ouvrons à 9 h.', provider: 'local', latencyMs: 20, handoff: false }),
    ];
    await jobsSettled(turns.queue, jobs);
    await jobsSettled(calls.queue, [
      await calls.add({ ...envelope(s), type: 'call.recording', callSid, recordingSid, recordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${twilio.accountSid}/Recordings/${recordingSid}`, recordingDurationSec: 84, sequence: 2 }),
      await calls.add({ ...envelope(s), type: 'call.completed', callSid, status: 'completed', durationSec: 90, sequence: 3 }),
    ]);
    const row = await t.deps.prisma.call.findFirstOrThrow({ where: { callSid } });
    return { id: row.id, callSid, recordingSid };
  }

  it('when a recorded call has ended, then its detail has the transcript, recording link and billable seconds, and the recording streams from Twilio', async () => {
    const s = await telephonyTenant();
    const audio = Buffer.concat([Buffer.from('ID3'), randomBytes(64 * 1024)]);
    const call = await recordedCall(s, audio);
    const detail = await request(t.app).get(`/api/v1/calls/${call.id}`).set(bearer(s));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      callSid: call.callSid, status: 'completed', durationSec: 90, recordingUrl: `/api/v1/calls/${call.id}/recording`, recordingDurationSec: 84,
      usage: { telephonySeconds: 90, costEur: 0.36 },
    });
    expect(detail.body.transcript.map((m: { role: string; text: string }) => `${m.role}: ${m.text}`)).toEqual(['user: Vous ouvrez à quelle heure ?', 'assistant: Nous ouvrons à 9 h.']);
    expect(detail.text).not.toMatch(/twilio|RE[0-9a-f]{32}/i);

    const recording = await request(t.app).get(detail.body.recordingUrl).set(bearer(s)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(recording.status).toBe(200);
    expect(recording.headers['content-type']).toBe('audio/mpeg');
    expect(recording.headers['cache-control']).toBe('private, no-store');
    expect(Buffer.compare(recording.body as Buffer, audio)).toBe(0);
    expect(twilio.requests.at(-1)?.path).toBe(`/2010-04-01/Accounts/${twilio.accountSid}/Recordings/${call.recordingSid}.mp3`);
  });

  it('when an integrator uses the SDK with an API key, then it buys a number, places a call and downloads a recording', async () => {
    const s = await telephonyTenant();
    await t.deps.prisma.agent.create({ data: { tenantId: s.tenantId, name: 'Standard', personaId: 'dental', languages: ['fr'], isDefault: true } });
    const audio = randomBytes(20_000);
    const call = await recordedCall(s, audio);
    twilio.forSale.set('MA', ['+212522000777']);
    const server: Server = await listen(t.app, 0, undefined, '127.0.0.1');
    try {
      const sdk = createVocaliaClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey: (await t.createApiKey(s)).key });
      const [offer] = (await sdk.phoneNumbers.available({ country: 'MA' })).items;
      const bought = await sdk.phoneNumbers.buy({ number: offer?.number ?? '' });
      expect((await sdk.phoneNumbers.list()).items).toEqual([bought]);
      expect(Buffer.compare(Buffer.from(await sdk.calls.recording(call.id)), audio)).toBe(0);
      const placed = await sdk.calls.place({ to: '+212612345678', from: bought.number, scheduledAt: nextWeekdayMorning() });
      expect((await sdk.calls.get(placed.id)).status).toBe('queued');
      await sdk.phoneNumbers.release(bought.id);
      expect(twilio.owned.size).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('when Twilio no longer has the recording, or the call was not recorded, then 404; another tenant gets 404; a plan without call_recording gets 403', async () => {
    const s = await telephonyTenant();
    const lost = await recordedCall(s, null);
    expect(problemOf(await request(t.app).get(`/api/v1/calls/${lost.id}/recording`).set(bearer(s)))).toMatchObject({ status: 404, detail: 'Recording not found' });
    const unrecorded = await t.deps.prisma.call.create({ data: { tenantId: s.tenantId, callSid: `CA${randomBytes(16).toString('hex')}`, direction: 'inbound', status: 'completed' } });
    expect((await request(t.app).get(`/api/v1/calls/${unrecorded.id}/recording`).set(bearer(s))).status).toBe(404);
    const other = await telephonyTenant();
    expect(problemOf(await request(t.app).get(`/api/v1/calls/${lost.id}/recording`).set(bearer(other)))).toMatchObject({ status: 404, detail: 'Call not found' });
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'pro' } });
    expect(problemOf(await request(t.app).get(`/api/v1/calls/${lost.id}/recording`).set(bearer(s)))).toMatchObject({ status: 403, feature: 'call_recording' });
  });
});
