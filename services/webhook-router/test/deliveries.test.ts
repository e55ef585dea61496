import { Webhook } from 'standardwebhooks';
import type { WebhookDeliveriesJob } from '@vocalia/contracts';
import { webhookDeliveryJobs } from '@vocalia/service-kit';
import { CLAIM_LEASE_MS } from '../src/deliveries/delivery-store';
import { sweepDueDeliveries, SWEEP_GRACE_MS } from '../src/deliveries/sweep-due-deliveries';
import { startReceiver } from './support/receiver';
import { newSecret, startDeliveryTestApp, type DeliveryTestApp } from './support/delivery-app';

const fast = { retryDelaysMs: [20, 20, 20, 20, 20], jitter: (ms: number) => ms };

describe('outbound webhook deliveries', () => {
  let t: DeliveryTestApp;
  beforeAll(async () => {
    t = await startDeliveryTestApp({}, fast);
  });
  afterAll(() => t.stop());

  it('when an event is delivered, then the official standardwebhooks verifier accepts it and the attempt is logged', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ep);
    const [got] = await receiver.waitFor(1);
    expect(got?.verifyError).toBeNull();
    expect(got?.verified).toEqual(d.payload);
    expect(got?.headers['webhook-id']).toBe(d.eventId);
    expect(got?.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const row = await t.settled(d.id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 204, lastError: null });
    const attempts = await t.deps.prisma.webhookAttempt.findMany({ where: { deliveryId: d.id } });
    expect(attempts).toEqual([expect.objectContaining({ attempt: 1, statusCode: 204, error: null, latencyMs: expect.any(Number) })]);
    await receiver.close();
  });

  it('when a receiver fails 3 times then succeeds, then exactly one successful delivery with 4 attempts logged', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret, (n, _req, res) => (n <= 3 ? res.writeHead(500).end(`boom ${n}`) : res.writeHead(200).end('ok')));
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ep);
    const row = await t.settled(d.id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 4, lastStatusCode: 200 });
    const attempts = await t.deps.prisma.webhookAttempt.findMany({ where: { deliveryId: d.id }, orderBy: { attempt: 'asc' } });
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.response])).toEqual([[1, 500, 'boom 1'], [2, 500, 'boom 2'], [3, 500, 'boom 3'], [4, 200, 'ok']]);
    expect(receiver.received.filter((r) => r.verifyError === null).map((r) => r.headers['webhook-id'])).toEqual(Array(4).fill(d.eventId));
    expect((await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.endpointId } })).failingSince).toBeNull();
    await receiver.close();
  });

  it('when every attempt fails, then after the last one the delivery is failed and visible, and the endpoint is marked failing', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret, (_n, req) => req.socket.destroy());
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ep);
    const row = await t.settled(d.id);
    expect(row).toMatchObject({ status: 'failed', attempts: fast.retryDelaysMs.length + 1, lastStatusCode: null, lastError: expect.stringMatching(/connection closed before the answer|ECONNRESET/) });
    expect(await t.deps.prisma.webhookAttempt.count({ where: { deliveryId: d.id } })).toBe(fast.retryDelaysMs.length + 1);
    expect((await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.endpointId } })).failingSince).not.toBeNull();
    await receiver.close();
  });

  it('when the endpoint answers 410 Gone, then it is disabled and the delivery fails without a retry', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret, (_n, _req, res) => res.writeHead(410).end());
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ep);
    expect(await t.settled(d.id)).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 410 });
    expect(await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.endpointId } })).toMatchObject({ enabled: false, disabledAt: expect.any(Date), disabledReason: 'gone' });
    await receiver.close();
  });

  it('when one attempt is delivered and another answers 500, then only the one that did not succeed is logged at info', async () => {
    const info = jest.spyOn(t.deps.logger, 'info');
    const [ok, bad] = [await t.endpoint('http://placeholder'), await t.endpoint('http://placeholder')];
    const [okReceiver, badReceiver] = [await startReceiver(ok.secret), await startReceiver(bad.secret, (_n, _req, res) => res.writeHead(500).end())];
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ok.endpointId }, data: { url: okReceiver.url } });
    await t.deps.prisma.webhookEndpoint.update({ where: { id: bad.endpointId }, data: { url: badReceiver.url } });
    const [delivered, failing] = [await t.delivery(ok), await t.delivery(bad)];
    expect(await t.settled(delivered.id)).toMatchObject({ status: 'delivered' });
    await badReceiver.waitFor(1);
    await t.settled(failing.id);
    const logged = (info.mock.calls as unknown as [string, unknown][]).filter(([message]) => message === 'webhook attempt').map(([, fields]) => (fields as { deliveryId: string }).deliveryId);
    expect(logged).toContain(failing.id);
    expect(logged).not.toContain(delivered.id);
    info.mockRestore();
    await Promise.all([okReceiver.close(), badReceiver.close()]);
  });

  it('when an endpoint has been failing for 5 days, then its next failure disables it and the delivery fails', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret, (_n, _req, res) => res.writeHead(500).end());
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url, failingSince: new Date(Date.now() - 5 * 24 * 3_600_000 - 1000) } });
    const d = await t.delivery(ep);
    expect(await t.settled(d.id)).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 500 });
    expect(await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.endpointId } })).toMatchObject({ enabled: false, disabledAt: expect.any(Date), disabledReason: 'failing' });
    await receiver.close();
  });

  it('when the endpoint redirects, then the redirect is not followed and the attempt counts as failed', async () => {
    const ep = await t.endpoint('http://placeholder');
    const target = await startReceiver(ep.secret);
    const receiver = await startReceiver(ep.secret, (_n, _req, res) => res.writeHead(307, { location: target.url }).end());
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ep);
    expect(await t.settled(d.id)).toMatchObject({ status: 'failed', lastStatusCode: 307 });
    expect(target.received).toEqual([]);
    await Promise.all([receiver.close(), target.close()]);
  });

  it('when the secret was rotated, then during the overlap both signatures are sent and each secret verifies', async () => {
    const old = newSecret();
    const ep = await t.endpoint('http://placeholder', { previousSecret: old, previousSecretExpiresAt: new Date(Date.now() + 3_600_000) });
    const receiver = await startReceiver(ep.secret);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ep);
    const [got] = await receiver.waitFor(1);
    expect(got?.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(got?.verifyError).toBeNull();
    expect(new Webhook(old).verify(got?.body ?? '', got?.headers ?? {})).toEqual(d.payload);
    await t.settled(d.id);
    await receiver.close();
  });

  it('when one endpoint hangs, then another tenant is delivered while the hanging one holds only its own slots', async () => {
    const slow = await t.endpoint('http://placeholder');
    const hanging = await startReceiver(slow.secret, () => undefined);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: slow.endpointId }, data: { url: hanging.url } });
    for (let i = 0; i < 24; i++) await t.delivery(slow);
    await hanging.waitFor(1);
    const ok = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ok.secret);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ok.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ok);
    expect(await t.settled(d.id)).toMatchObject({ status: 'delivered' });
    // WEBHOOK_ENDPOINT_CONCURRENCY (default 4) requests at most, out of the worker's 64 slots.
    expect(hanging.received.length).toBeLessThanOrEqual(4);
    await Promise.all([hanging.close(), receiver.close()]);
  });
});

describe('outbound webhook deliveries: SSRF guard on the connected address', () => {
  let t: DeliveryTestApp;
  beforeAll(async () => {
    t = await startDeliveryTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' }, { retryDelaysMs: [], jitter: (ms) => ms });
  });
  afterAll(() => t.stop());

  it.each([['127.0.0.1'], ['localhost'], ['[::ffff:127.0.0.1]']])('when the endpoint host is %s, then nothing is sent and the attempt says why', async (host) => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url.replace('127.0.0.1', host) } });
    const d = await t.delivery(ep);
    expect(await t.settled(d.id)).toMatchObject({ status: 'failed', lastStatusCode: null, lastError: expect.stringMatching(/not a public address/) });
    expect(receiver.received).toEqual([]);
    await receiver.close();
  });
});

describe('outbound webhook deliveries: the rows are the truth', () => {
  let t: DeliveryTestApp;
  let now = new Date();
  beforeAll(async () => {
    t = await startDeliveryTestApp({}, { retryDelaysMs: [600_000], jitter: (ms) => ms, clock: () => now });
  });
  afterAll(() => t.stop());

  it('when Redis loses the queue mid-backoff, then the sweeper re-enqueues the due delivery and it is delivered once', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret, (n, _req, res) => res.writeHead(n === 1 ? 503 : 200).end());
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ep);
    await receiver.waitFor(1);
    for (;;) {
      const row = await t.deps.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
      if (row.lastStatusCode === 503 && (await t.deps.producer.queue.getJob(`${d.id}-2`))) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await t.deps.producer.queue.obliterate({ force: true });
    expect(await sweepDueDeliveries(t.deps)).toBe(0);
    now = new Date(now.getTime() + 600_000 + SWEEP_GRACE_MS + 1000);
    expect(await sweepDueDeliveries(t.deps)).toBe(1);
    expect(await t.settled(d.id)).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(await sweepDueDeliveries(t.deps)).toBe(0);
    expect(receiver.received).toHaveLength(2);
    await receiver.close();
  });

  it('when a worker claimed an attempt and died, then the sweeper leaves the delivery alone while the lease runs, and after it sends it once', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ep, { enqueue: false });
    expect((await t.deps.store.claim(d.id)).kind).toBe('claimed');
    now = new Date(Math.max(now.getTime(), Date.now()) + SWEEP_GRACE_MS + 1000);
    expect(await sweepDueDeliveries(t.deps)).toBe(0);
    expect((await t.deps.store.claim(d.id)).kind).toBe('skipped');
    now = new Date(now.getTime() + t.deps.timeoutMs + CLAIM_LEASE_MS);
    expect(await sweepDueDeliveries(t.deps)).toBe(1);
    expect(await t.settled(d.id)).toMatchObject({ status: 'delivered', attempts: 2, leaseUntil: null });
    expect(await sweepDueDeliveries(t.deps)).toBe(0);
    expect(receiver.received).toHaveLength(1);
    await receiver.close();
  });

  it('when a delivery was recorded but its job never reached Redis, then the sweeper sends it', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ep, { enqueue: false });
    now = new Date(now.getTime() + SWEEP_GRACE_MS + 1000);
    expect(await sweepDueDeliveries(t.deps)).toBe(1);
    expect(await t.settled(d.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    await receiver.close();
  });

  it('when the job of a due delivery is still queued behind a backlog, then the sweeper adds no second job', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ep, { enqueue: false });
    await t.deps.producer.add({ v: 1, eventId: d.id, tenantId: ep.tenantId, requestId: 'req-backlog', at: now.toISOString(), deliveryId: d.id, endpointId: ep.endpointId, eventType: d.eventType }, { delay: 600_000 });
    now = new Date(now.getTime() + SWEEP_GRACE_MS + 1000);
    expect(await sweepDueDeliveries(t.deps)).toBe(0);
    expect(await t.deps.producer.queue.getJob(`${d.id}-1`)).toBeUndefined();
    await t.deps.producer.queue.remove(d.id);
    expect(await sweepDueDeliveries(t.deps)).toBe(1);
    expect(await t.settled(d.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    await receiver.close();
  });

  it('when due deliveries wait inside a job of several behind a backlog, then the sweeper adds no second job, and once that job is gone it sends them', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const rows = [await t.delivery(ep, { enqueue: false }), await t.delivery(ep, { enqueue: false })];
    const refs = rows.map((d) => ({ tenantId: ep.tenantId, deliveryId: d.id, endpointId: ep.endpointId, eventType: d.eventType, attempt: 1 }));
    const [job] = webhookDeliveryJobs(refs, 'req-backlog', now.toISOString());
    const jobId = await t.deps.producer.add(job as WebhookDeliveriesJob, { delay: 600_000 });
    now = new Date(Math.max(now.getTime(), Date.now()) + SWEEP_GRACE_MS + 1000);
    expect(await sweepDueDeliveries(t.deps)).toBe(0);
    await t.deps.producer.queue.remove(jobId);
    expect(await sweepDueDeliveries(t.deps)).toBe(2);
    for (const d of rows) expect(await t.settled(d.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    await receiver.close();
  });

  it('when more deliveries lost their jobs than one page holds, then one sweep enqueues every one, each once', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const lost = [];
    for (let i = 0; i < 5; i++) lost.push(await t.delivery(ep, { enqueue: false }));
    now = new Date(now.getTime() + SWEEP_GRACE_MS + 1000);
    expect(await sweepDueDeliveries(t.deps, { page: 2, max: 100 })).toBe(5);
    for (const d of lost) expect(await t.settled(d.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(receiver.received.map((r) => r.headers['webhook-id']).sort()).toEqual(lost.map((d) => d.eventId).sort());
    await receiver.close();
  });
});
