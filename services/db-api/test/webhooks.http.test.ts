import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createVocaliaClient } from '@vocalia/sdk';
import { listen } from '@vocalia/service-kit';
import { notifyDisabledEndpoints } from '../src/webhooks/notify-disabled-endpoints';
import { addMemberSession, bearer, problemOf, queuedWebhookAttempt, startTestApp, type TestApp, type TestSession } from './support';

const base = '/api/v1/webhooks/endpoints';

async function proSession(t: TestApp): Promise<TestSession> {
  const s = await t.register();
  await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'pro' } });
  return s;
}

describe('webhook endpoints', () => {
  let t: TestApp;
  let now = new Date('2026-03-01T10:00:00.000Z');
  beforeAll(async () => {
    t = await startTestApp({ workers: false, clock: () => now, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
  });
  afterAll(() => t.close());

  it('when an endpoint is created, then its whsec_ secret is shown once, never listed, and the creation is audited', async () => {
    const s = await proSession(t);
    const res = await request(t.app).post(base).set(bearer(s)).send({ url: 'http://127.0.0.1:9/hook', eventTypes: ['lead.qualified', 'call.completed'], description: 'CRM' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ url: 'http://127.0.0.1:9/hook', eventTypes: ['lead.qualified', 'call.completed'], description: 'CRM', enabled: true, disabledAt: null });
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(res.body.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    const list = await request(t.app).get(base).set(bearer(s));
    expect(list.body.items).toEqual([expect.objectContaining({ id: res.body.id })]);
    expect(list.text).not.toContain(res.body.secret.slice(6));
    expect((await request(t.app).get(`${base}/${res.body.id}`).set(bearer(s))).text).not.toContain(res.body.secret.slice(6));
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'webhook_endpoint.created' } })).toBe(1);
  });

  it('when webhook-router disabled an endpoint (410, then 5 days failing), then the owners get one mail per disable in the tenant’s language, a member-disabled endpoint none', async () => {
    const s = await proSession(t);
    const gone = (await request(t.app).post(base).set(bearer(s)).send({ url: 'http://127.0.0.1:9/gone' })).body;
    const paused = (await request(t.app).post(base).set(bearer(s)).send({ url: 'http://127.0.0.1:9/paused' })).body;
    await request(t.app).patch(`${base}/${paused.id}`).set(bearer(s)).send({ enabled: false }).expect(200);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: gone.id }, data: { enabled: false, disabledAt: now, disabledReason: 'gone' } });
    expect((await request(t.app).get(`${base}/${gone.id}`).set(bearer(s))).body).toMatchObject({ enabled: false, disabledReason: 'gone' });
    expect((await request(t.app).get(`${base}/${paused.id}`).set(bearer(s))).body).toMatchObject({ enabled: false, disabledReason: null });
    const passes = await Promise.all([notifyDisabledEndpoints(t.deps), notifyDisabledEndpoints(t.deps)]);
    expect(passes.reduce((a, b) => a + b, 0)).toBe(1);
    const first = await t.mailbox.next(s.email, /Webhooks/);
    expect(first.subject).toMatch(/^Webhooks VocalIA : un point de terminaison de .+ a été désactivé$/);
    expect(first.text).toContain('Le point de terminaison webhook http://127.0.0.1:9/gone ne reçoit plus d’événements, car il a répondu 410 Gone');
    expect(first.text).toContain('réactivez-le dans le tableau de bord');
    expect(await notifyDisabledEndpoints(t.deps)).toBe(0);

    await request(t.app).patch(`${base}/${gone.id}`).set(bearer(s)).send({ enabled: true }).expect(200);
    expect(await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({ disabledReason: null, disabledNotifiedAt: null });
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { defaultLanguage: 'en' } });
    await t.deps.prisma.webhookEndpoint.update({ where: { id: gone.id }, data: { enabled: false, disabledAt: now, disabledReason: 'failing' } });
    expect(await notifyDisabledEndpoints(t.deps)).toBe(1);
    const second = await t.mailbox.next(s.email, /webhooks/);
    expect(second.subject).toMatch(/^VocalIA webhooks: an endpoint of .+ was disabled$/);
    expect(second.text).toContain('The webhook endpoint http://127.0.0.1:9/gone no longer receives events because every delivery to it has failed for 5 days.');
    expect(t.mailbox.received.filter((m) => m.to.includes(s.email.toLowerCase()) && /webhooks/i.test(m.subject))).toHaveLength(2);
    const audits = await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId, action: 'webhook_endpoint.disabled' } });
    expect(audits.map((a) => a.meta)).toEqual([{ reason: 'gone' }, { reason: 'failing' }]);
  });

  it('when an endpoint is updated, disabled, re-enabled and deleted, then each change shows and is audited', async () => {
    const s = await proSession(t);
    const created = (await request(t.app).post(base).set(bearer(s)).send({ url: 'http://127.0.0.1:9/a' })).body;
    await t.deps.prisma.webhookEndpoint.update({ where: { id: created.id }, data: { enabled: false, disabledAt: now, failingSince: now } });
    const patched = await request(t.app).patch(`${base}/${created.id}`).set(bearer(s)).send({ url: 'http://127.0.0.1:9/b', eventTypes: ['call.analyzed'], enabled: true, description: null });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ url: 'http://127.0.0.1:9/b', eventTypes: ['call.analyzed'], enabled: true, disabledAt: null, description: null });
    expect((await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } })).failingSince).toBeNull();
    expect((await request(t.app).delete(`${base}/${created.id}`).set(bearer(s))).status).toBe(204);
    expect((await request(t.app).get(`${base}/${created.id}`).set(bearer(s))).status).toBe(404);
    const actions = (await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId, action: { startsWith: 'webhook_endpoint.' } } })).map((a) => a.action);
    expect(actions.sort()).toEqual(['webhook_endpoint.created', 'webhook_endpoint.deleted', 'webhook_endpoint.updated']);
  });

  it('when the secret is rotated, then the new one is shown once and the old one is kept for the overlap only', async () => {
    const s = await proSession(t);
    const created = (await request(t.app).post(base).set(bearer(s)).send({ url: 'http://127.0.0.1:9/r' })).body;
    const res = await request(t.app).post(`${base}/${created.id}/rotate-secret`).set(bearer(s)).send({ overlapSeconds: 600 });
    expect(res.status).toBe(201);
    expect(res.body.secret).not.toBe(created.secret);
    expect(res.body.previousSecretExpiresAt).toBe(new Date(now.getTime() + 600_000).toISOString());
    const row = await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.secret, row.previousSecret]).toEqual([res.body.secret, created.secret]);
    expect((await request(t.app).get(`${base}/${created.id}`).set(bearer(s))).body.previousSecretExpiresAt).toBe(res.body.previousSecretExpiresAt);
    now = new Date(now.getTime() + 601_000);
    expect((await request(t.app).get(`${base}/${created.id}`).set(bearer(s))).body.previousSecretExpiresAt).toBeNull();
    const immediate = await request(t.app).post(`${base}/${created.id}/rotate-secret`).set(bearer(s)).send({ overlapSeconds: 0 });
    expect(immediate.body.previousSecretExpiresAt).toBeNull();
    expect((await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } })).previousSecret).toBeNull();
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'webhook_endpoint.secret_rotated' } })).toBe(2);
  });

  it('when the plan lacks webhooks, then 403 PLAN_REQUIRED naming the feature', async () => {
    const s = await t.register();
    const res = await request(t.app).get(base).set(bearer(s));
    expect(res.status).toBe(403);
    expect(problemOf(res)).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'webhooks' });
  });

  it('when a member (not admin) registers an endpoint, then 403; members can list', async () => {
    const owner = await proSession(t);
    const member = await addMemberSession(t, owner, 'member');
    expect((await request(t.app).post(base).set(bearer(member)).send({ url: 'http://127.0.0.1:9/m' })).status).toBe(403);
    expect((await request(t.app).get(base).set(bearer(member))).status).toBe(200);
  });

  it('when the body names an unknown event type or changes nothing, then 400 naming the field, and nothing is stored', async () => {
    const s = await proSession(t);
    const bad = await request(t.app).post(base).set(bearer(s)).send({ url: 'http://127.0.0.1:9/x', eventTypes: ['lead.stolen'] });
    expect(bad.status).toBe(400);
    expect(problemOf(bad).errors?.[0]?.path).toBe('body.eventTypes.0');
    const created = (await request(t.app).post(base).set(bearer(s)).send({ url: 'http://127.0.0.1:9/x' })).body;
    expect((await request(t.app).patch(`${base}/${created.id}`).set(bearer(s)).send({})).status).toBe(400);
    expect(await t.deps.prisma.webhookEndpoint.count({ where: { tenantId: s.tenantId } })).toBe(1);
  });
});

describe('webhook delivery log, replay and test events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
  });
  afterAll(() => t.close());

  async function endpointWithLog(s: TestSession) {
    const endpoint = (await request(t.app).post(base).set(bearer(s)).send({ url: 'http://127.0.0.1:9/log' })).body;
    const delivery = await t.deps.prisma.webhookDelivery.create({
      data: { tenantId: s.tenantId, endpointId: endpoint.id, eventId: 'evt_log_1', eventType: 'lead.qualified', payload: { type: 'lead.qualified' }, status: 'failed', attempts: 2, lastStatusCode: 500 },
    });
    await t.deps.prisma.webhookAttempt.createMany({
      data: [
        { tenantId: s.tenantId, deliveryId: delivery.id, attempt: 1, statusCode: null, latencyMs: 15000, error: 'timed out after 15000 ms' },
        { tenantId: s.tenantId, deliveryId: delivery.id, attempt: 2, statusCode: 500, latencyMs: 12, response: 'boom' },
      ],
    });
    return { endpoint, delivery };
  }

  it('when the delivery log is read, then each delivery lists its attempts with status code, latency, error and response', async () => {
    const s = await proSession(t);
    const { endpoint, delivery } = await endpointWithLog(s);
    const res = await request(t.app).get(`${base}/${endpoint.id}/deliveries`).set(bearer(s));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      nextCursor: null,
      items: [
        expect.objectContaining({
          id: delivery.id,
          eventId: 'evt_log_1',
          status: 'failed',
          attempts: 2,
          lastStatusCode: 500,
          attemptLog: [
            expect.objectContaining({ attempt: 1, statusCode: null, latencyMs: 15000, error: 'timed out after 15000 ms', response: null }),
            expect.objectContaining({ attempt: 2, statusCode: 500, latencyMs: 12, error: null, response: 'boom' }),
          ],
        }),
      ],
    });
    expect((await request(t.app).get(`${base}/${endpoint.id}/deliveries`).query({ status: 'delivered' }).set(bearer(s))).body.items).toEqual([]);
  });

  it('when a failed delivery is replayed, then it is pending again with a job for its next attempt, and replaying it again is 409', async () => {
    const s = await proSession(t);
    const { delivery } = await endpointWithLog(s);
    const res = await request(t.app).post(`/api/v1/webhooks/deliveries/${delivery.id}/replay`).set(bearer(s));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: delivery.id, status: 'pending', attempts: 2, eventId: 'evt_log_1' });
    const job = await t.deps.producers.webhooks.queue.getJob(`${delivery.id}-3`);
    expect(job?.data).toMatchObject({ deliveryId: delivery.id, tenantId: s.tenantId });
    const again = await request(t.app).post(`/api/v1/webhooks/deliveries/${delivery.id}/replay`).set(bearer(s));
    expect(again.status).toBe(409);
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'webhook_delivery.replayed' } })).toBe(1);
  });

  it('when every failed delivery since T is resent, then only those since T (failed, this endpoint) are pending with a job each, once; a bad since is 400', async () => {
    const s = await proSession(t);
    const endpoint = (await request(t.app).post(base).set(bearer(s)).send({ url: 'http://127.0.0.1:9/resend' })).body;
    const other = (await request(t.app).post(base).set(bearer(s)).send({ url: 'http://127.0.0.1:9/other' })).body;
    const row = (endpointId: string, n: number, status: 'failed' | 'delivered', createdAt: string) =>
      t.deps.prisma.webhookDelivery.create({ data: { tenantId: s.tenantId, endpointId, eventId: `evt_resend_${n}`, eventType: 'lead.qualified', payload: { type: 'lead.qualified' }, status, attempts: 8, createdAt: new Date(createdAt) } });
    const before = await row(endpoint.id, 1, 'failed', '2026-02-01T00:00:00.000Z');
    const sinceA = await row(endpoint.id, 2, 'failed', '2026-02-10T00:00:00.000Z');
    const sinceB = await row(endpoint.id, 3, 'failed', '2026-02-11T00:00:00.000Z');
    const delivered = await row(endpoint.id, 4, 'delivered', '2026-02-12T00:00:00.000Z');
    const elsewhere = await row(other.id, 5, 'failed', '2026-02-12T00:00:00.000Z');
    const bad = await request(t.app).post(`${base}/${endpoint.id}/resend-failed`).set(bearer(s)).send({ since: 'last week' });
    expect(bad.status).toBe(400);
    expect(problemOf(bad).errors?.map((e) => e.path)).toEqual(['body.since']);
    const res = await request(t.app).post(`${base}/${endpoint.id}/resend-failed`).set(bearer(s)).send({ since: '2026-02-10T00:00:00.000Z' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ resent: 2, more: false });
    const statuses = await t.deps.prisma.webhookDelivery.findMany({ where: { id: { in: [before.id, sinceA.id, sinceB.id, delivered.id, elsewhere.id] } }, orderBy: { eventId: 'asc' }, select: { status: true } });
    expect(statuses.map((d) => d.status)).toEqual(['failed', 'pending', 'pending', 'delivered', 'failed']);
    for (const d of [sinceA, sinceB]) expect(await queuedWebhookAttempt(t.deps.producers.webhooks, d.id, 9)).toMatchObject({ deliveryId: d.id, endpointId: endpoint.id, attempt: 9 });
    expect((await request(t.app).post(`${base}/${endpoint.id}/resend-failed`).set(bearer(s)).send({ since: '2026-02-10T00:00:00.000Z' })).body).toEqual({ resent: 0, more: false });
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'webhook_endpoint.resent_failed' } })).toBe(2);
    await request(t.app).patch(`${base}/${other.id}`).set(bearer(s)).send({ enabled: false }).expect(200);
    expect((await request(t.app).post(`${base}/${other.id}/resend-failed`).set(bearer(s)).send({ since: '2026-02-10T00:00:00.000Z' })).status).toBe(409);
  });

  it('when a test event is sent, then a webhook.test delivery is recorded for that endpoint and enqueued', async () => {
    const s = await proSession(t);
    const endpoint = (await request(t.app).post(base).set(bearer(s)).send({ url: 'http://127.0.0.1:9/t' })).body;
    const res = await request(t.app).post(`${base}/${endpoint.id}/test`).set(bearer(s));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ endpointId: endpoint.id, eventType: 'webhook.test', status: 'pending', attempts: 0, attemptLog: [] });
    expect((await t.deps.producers.webhooks.queue.getJob(res.body.id))?.data).toMatchObject({ deliveryId: res.body.id, eventType: 'webhook.test' });
    await request(t.app).patch(`${base}/${endpoint.id}`).set(bearer(s)).send({ enabled: false });
    expect((await request(t.app).post(`${base}/${endpoint.id}/test`).set(bearer(s))).status).toBe(409);
  });
});

describe('webhook endpoints through the SDK', () => {
  let t: TestApp;
  let server: Server;
  beforeAll(async () => {
    t = await startTestApp({ workers: false, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    server = await listen(t.app, 0, undefined, '127.0.0.1');
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it('when an integrator manages endpoints with the SDK, then every call parses against the contracts', async () => {
    const s = await proSession(t);
    const client = createVocaliaClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, accessToken: s.accessToken });
    const created = await client.webhooks.endpoints.create({ url: 'http://127.0.0.1:9/sdk', eventTypes: ['lead.qualified'] });
    expect((await client.webhooks.endpoints.list()).items.map((e) => e.id)).toEqual([created.id]);
    expect(await client.webhooks.endpoints.update(created.id, { description: 'via SDK' })).toMatchObject({ description: 'via SDK' });
    expect((await client.webhooks.endpoints.rotateSecret(created.id)).secret).not.toBe(created.secret);
    expect((await client.webhooks.endpoints.get(created.id)).previousSecretExpiresAt).not.toBeNull();
    const test = await client.webhooks.endpoints.sendTestEvent(created.id);
    expect((await client.webhooks.endpoints.deliveries(created.id, { status: 'pending' })).items.map((d) => d.id)).toEqual([test.id]);
    await t.deps.prisma.webhookDelivery.update({ where: { id: test.id }, data: { status: 'failed', attempts: 1 } });
    expect(await client.webhooks.deliveries.replay(test.id)).toMatchObject({ id: test.id, status: 'pending' });
    await t.deps.prisma.webhookDelivery.update({ where: { id: test.id }, data: { status: 'failed', attempts: 2 } });
    expect(await client.webhooks.endpoints.resendFailed(created.id, { since: test.createdAt })).toEqual({ resent: 1, more: false });
    await client.webhooks.endpoints.remove(created.id);
    await expect(client.webhooks.endpoints.get(created.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('webhook endpoints: SSRF guard at registration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
  });
  afterAll(() => t.close());

  it.each([
    ['http://127.0.0.1/hook'],
    ['http://169.254.169.254/latest/meta-data'],
    ['http://[::1]/hook'],
    ['http://[::ffff:10.0.0.1]/hook'],
    ['http://2130706433/hook'],
    ['http://localhost:8080/hook'],
    ['http://100.64.0.1/hook'],
  ])('when the URL is %s, then 400 naming body.url, and nothing is stored', async (url) => {
    const s = await proSession(t);
    const res = await request(t.app).post(base).set(bearer(s)).send({ url });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.[0]).toEqual({ path: 'body.url', message: expect.stringMatching(/not a public address/), rule: 'private_address' });
    expect(await t.deps.prisma.webhookEndpoint.count({ where: { tenantId: s.tenantId } })).toBe(0);
  });

  it('when an existing endpoint is moved to a private address, then 400 and the URL is unchanged', async () => {
    const s = await proSession(t);
    const row = await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://93.184.216.34/hook', secret: 'whsec_x' } });
    const res = await request(t.app).patch(`${base}/${row.id}`).set(bearer(s)).send({ url: 'http://10.1.2.3/hook' });
    expect(res.status).toBe(400);
    expect((await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: row.id } })).url).toBe('https://93.184.216.34/hook');
  });

  it('when in production, then an http URL is refused even to a public address', async () => {
    const prod = await startTestApp({ workers: false, env: { NODE_ENV: 'production', INTERNAL_API_TOKEN: 'a-production-internal-token', ...productionKeys() } });
    try {
      const s = await proSession(prod);
      const res = await request(prod.app).post(base).set(bearer(s)).send({ url: 'http://93.184.216.34/hook' });
      expect(problemOf(res).errors?.[0]).toEqual({ path: 'body.url', message: 'must use https', rule: 'https_required' });
      expect((await request(prod.app).post(base).set(bearer(s)).send({ url: 'https://93.184.216.34/hook' })).status).toBe(201);
    } finally {
      await prod.close();
    }
  });
});

function productionKeys(): Record<string, string> {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  return { JWT_PRIVATE_KEY: pair.privateKey, JWT_PUBLIC_KEY: pair.publicKey };
}
