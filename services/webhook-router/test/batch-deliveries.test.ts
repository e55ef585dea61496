import { webhookDeliveryJobs } from '@vocalia/service-kit';
import type { WebhookDelivery } from '@vocalia/db';
import { startReceiver, type Receiver } from './support/receiver';
import { startDeliveryTestApp, type DeliveryTestApp } from './support/delivery-app';

const TIMEOUT_MS = 6000;

describe('webhook-deliveries jobs of several deliveries', () => {
  let t: DeliveryTestApp;
  const receivers: Receiver[] = [];
  beforeAll(async () => {
    t = await startDeliveryTestApp({ WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS), WEBHOOK_ENDPOINT_CONCURRENCY: '2' }, { retryDelaysMs: [20, 20], jitter: (ms) => ms });
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await t.stop();
  });

  /** A tenant's endpoint answered by `answer`, and `count` pending delivery rows to it (no job). */
  async function endpointWithRows(answer: Parameters<typeof startReceiver>[1], count: number) {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret, answer);
    receivers.push(receiver);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const rows: WebhookDelivery[] = [];
    for (let i = 0; i < count; i++) rows.push(await t.delivery(ep, { enqueue: false }));
    return { ep, receiver, rows };
  }

  async function enqueueTogether(rows: WebhookDelivery[]): Promise<string[]> {
    const refs = rows.map((r) => ({ tenantId: r.tenantId, deliveryId: r.id, endpointId: r.endpointId, eventType: r.eventType, attempt: 1 }));
    const jobs = webhookDeliveryJobs(refs, 'req-batch', new Date().toISOString());
    return Promise.all(jobs.map((job) => t.deps.producer.add(job)));
  }

  it('when one delivery of a job hangs and one answers 500, then the others are delivered at once, the 500 is retried alone, and a later job is not held up', async () => {
    const hanging = await endpointWithRows(() => undefined, 1);
    const failing = await endpointWithRows((n, _req, res) => res.writeHead(n === 1 ? 500 : 200).end(), 1);
    const ok = await endpointWithRows(undefined, 3);
    const started = Date.now();
    const [jobId] = await enqueueTogether([...hanging.rows, ...failing.rows, ...ok.rows]);
    expect(jobId).toMatch(/^whb_/);
    for (const row of ok.rows) expect(await t.settled(row.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    const failed = failing.rows[0] as WebhookDelivery;
    expect(await t.settled(failed.id)).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(await t.deps.producer.queue.getJob(`${failed.id}-2`)).toBeDefined();
    const later = await endpointWithRows(undefined, 1);
    await enqueueTogether(later.rows);
    expect(await t.settled((later.rows[0] as WebhookDelivery).id)).toMatchObject({ status: 'delivered' });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS / 2);
    expect(await t.deps.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: (hanging.rows[0] as WebhookDelivery).id } })).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await (await t.deps.producer.queue.getJob(jobId as string))?.getState()).toBe('active');
    const job = await t.deps.producer.queue.getJob(jobId as string);
    const until = Date.now() + TIMEOUT_MS * 2;
    while ((await job?.getState()) !== 'completed' && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await job?.getState()).toBe('completed');
    expect((await t.deps.prisma.webhookAttempt.findFirstOrThrow({ where: { deliveryId: (hanging.rows[0] as WebhookDelivery).id, attempt: 1 } })).error).toMatch(/timeout|timed out|aborted/i);
  });

  it('when a hanging endpoint is in many jobs, then it holds only its own places: the rest of it is deferred alone and those jobs complete', async () => {
    const hanging = await endpointWithRows(() => undefined, 6);
    const ok = await endpointWithRows(undefined, 6);
    const jobIds = (await Promise.all(hanging.rows.map((row, i) => enqueueTogether([row, ok.rows[i] as WebhookDelivery])))).flat();
    for (const row of ok.rows) expect(await t.settled(row.id)).toMatchObject({ status: 'delivered' });
    await hanging.receiver.waitFor(2);
    const deadline = Date.now() + TIMEOUT_MS / 2;
    let states: string[] = [];
    for (; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      states = await Promise.all(jobIds.map(async (id) => (await t.deps.producer.queue.getJob(id))?.getState() ?? 'gone'));
      if (states.filter((s) => s === 'completed').length === 4) break;
    }
    // WEBHOOK_ENDPOINT_CONCURRENCY = 2: two jobs wait on their hanging attempt, the four others deferred theirs and completed.
    expect(states.sort()).toEqual(['active', 'active', 'completed', 'completed', 'completed', 'completed']);
    expect(hanging.receiver.received).toHaveLength(2);
    const deferred = await Promise.all(hanging.rows.map((row) => t.deps.producer.queue.getJob(row.id)));
    expect(deferred.filter((job) => job !== undefined)).toHaveLength(4);
  });
});
