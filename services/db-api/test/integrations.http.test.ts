import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { INTERNAL_TOKEN_HEADER, IntegrationSecret } from '@vocalia/contracts';
import { createVocaliaClient } from '@vocalia/sdk';
import { listen } from '@vocalia/service-kit';
import { createSecretBox } from '../src/integrations/secret-box';
import { addMemberSession, bearer, problemOf, startTestApp, type TestApp, type TestSession } from './support';

const TOKEN = 'internal-token-for-tests-0123456789';
const base = '/api/v1/integrations';
const HUBSPOT_SECRET = 'b9f1c6a2-4d3e-4f5a-9c8b-7e6d5c4b3a21';

const keyOf = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

describe('integrations (provider connections with encrypted secrets)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false, env: { INTERNAL_API_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  async function onPlan(plan: 'pro' | 'ecommerce' | 'starter'): Promise<TestSession> {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan } });
    return s;
  }
  const portal = () => String(10_000_000 + Math.floor(Math.random() * 80_000_000));
  const secretOf = (provider: string, accountId: string) => request(t.app).get(`/internal/v1/integrations/${provider}/${encodeURIComponent(accountId)}/secret`).set(INTERNAL_TOKEN_HEADER, TOKEN);

  it('when an owner connects HubSpot, then the secret is stored encrypted, never listed, readable only through /internal/, and the connection is audited', async () => {
    const s = await onPlan('pro');
    const accountId = portal();
    const res = await request(t.app).post(base).set(bearer(s)).send({ provider: 'hubspot', accountId, secret: HUBSPOT_SECRET });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ provider: 'hubspot', accountId, webhookUrl: 'http://localhost:8080/webhooks/hubspot' });
    expect(JSON.stringify(res.body)).not.toContain(HUBSPOT_SECRET);
    const list = await request(t.app).get(base).set(bearer(s));
    expect(list.body.items).toEqual([res.body]);
    expect(list.text).not.toContain(HUBSPOT_SECRET);
    const row = await t.deps.prisma.integrationConnection.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.secretCiphertext).not.toContain(HUBSPOT_SECRET);
    expect(Buffer.from(row.secretCiphertext, 'base64').toString('latin1')).not.toContain(HUBSPOT_SECRET);
    expect(row.secretKeyId).toBe('test');
    const internal = await secretOf('hubspot', accountId);
    expect(internal.status).toBe(200);
    expect(IntegrationSecret.parse(internal.body)).toEqual({ tenantId: s.tenantId, connectionId: res.body.id, secret: HUBSPOT_SECRET });
    expect((await request(t.app).get(`/internal/v1/integrations/hubspot/${accountId}/secret`)).status).toBe(401);
    const audit = await t.deps.prisma.auditLog.findFirst({ where: { tenantId: s.tenantId, action: 'integration.connected' } });
    expect(audit?.meta).toEqual({ provider: 'hubspot', accountId, keyId: 'test' });
  });

  it('when Shopify is connected twice, then the second replaces the shop and secret; deleting it makes the secret unreadable', async () => {
    const s = await onPlan('ecommerce');
    const first = await request(t.app).post(base).set(bearer(s)).send({ provider: 'shopify', accountId: 'Riad-Shop.myshopify.com', secret: 'shpss_first_secret_0001' });
    expect(first.body.accountId).toBe('riad-shop.myshopify.com');
    const second = await request(t.app).post(base).set(bearer(s)).send({ provider: 'shopify', accountId: 'riad-store.myshopify.com', secret: 'shpss_second_secret_002' });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect((await secretOf('shopify', 'riad-shop.myshopify.com')).status).toBe(404);
    expect((await secretOf('shopify', 'riad-store.myshopify.com')).body.secret).toBe('shpss_second_secret_002');
    expect((await request(t.app).delete(`${base}/${first.body.id}`).set(bearer(s))).status).toBe(204);
    expect((await secretOf('shopify', 'riad-store.myshopify.com')).status).toBe(404);
    expect((await request(t.app).get(base).set(bearer(s))).body.items).toEqual([]);
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'integration.disconnected' } })).toBe(1);
  });

  it('when another workspace already connected that account, then 409 and nothing changes', async () => {
    const accountId = portal();
    const a = await onPlan('pro');
    const b = await onPlan('pro');
    expect((await request(t.app).post(base).set(bearer(a)).send({ provider: 'hubspot', accountId, secret: HUBSPOT_SECRET })).status).toBe(201);
    const res = await request(t.app).post(base).set(bearer(b)).send({ provider: 'hubspot', accountId, secret: 'another-secret-of-b-0000' });
    expect(res.status).toBe(409);
    expect((await secretOf('hubspot', accountId)).body).toMatchObject({ tenantId: a.tenantId, secret: HUBSPOT_SECRET });
  });

  it.each([
    [{ provider: 'shopify', accountId: 'shop.example.com', secret: 'shpss_0123456789abcdef' }, 'body.accountId'],
    [{ provider: 'hubspot', accountId: 'portal-1', secret: HUBSPOT_SECRET }, 'body.accountId'],
    [{ provider: 'hubspot', accountId: '123456', secret: 'short' }, 'body.secret'],
    [{ provider: 'salesforce', accountId: '1', secret: HUBSPOT_SECRET }, 'body.provider'],
    [{ provider: 'klaviyo', accountId: 'Ab12Cd', secret: HUBSPOT_SECRET, tenantId: 'x' }, 'body'],
  ])('when the body is %j, then 400 names %s and nothing is stored', async (body, path) => {
    const s = await onPlan('ecommerce');
    const res = await request(t.app).post(base).set(bearer(s)).send(body);
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toContain(path);
    expect(await t.deps.prisma.integrationConnection.count({ where: { tenantId: s.tenantId } })).toBe(0);
  });

  it('when the plan lacks the feature, then 403 PLAN_REQUIRED names it; a member may list but not connect', async () => {
    const starter = await onPlan('starter');
    const res = await request(t.app).post(base).set(bearer(starter)).send({ provider: 'klaviyo', accountId: 'Ab12Cd', secret: HUBSPOT_SECRET });
    expect(res.status).toBe(403);
    expect(problemOf(res)).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'crm_sync' });
    const pro = await onPlan('pro');
    expect(problemOf(await request(t.app).post(base).set(bearer(pro)).send({ provider: 'shopify', accountId: 'a.myshopify.com', secret: 'shpss_0123456789abcdef' }))).toMatchObject({ feature: 'cart_recovery' });
    const member = await addMemberSession(t, pro, 'member');
    expect((await request(t.app).get(base).set(bearer(member))).status).toBe(200);
    expect((await request(t.app).post(base).set(bearer(member)).send({ provider: 'hubspot', accountId: portal(), secret: HUBSPOT_SECRET })).status).toBe(403);
  });
});

describe('integrations through the SDK', () => {
  let t: TestApp;
  let server: Server;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
    server = await listen(t.app, 0, undefined, '127.0.0.1');
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    await t.close();
  });

  it('when an integrator connects, lists and disconnects a shop and reads its orders and carts with the SDK, then every call parses against the contracts', async () => {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'ecommerce' } });
    const client = createVocaliaClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, accessToken: s.accessToken });
    const shop = await client.integrations.connect({ provider: 'shopify', accountId: 'sdk-shop.myshopify.com', secret: 'shpss_sdk_secret_000001' });
    expect((await client.integrations.list()).items).toEqual([shop]);
    expect(await client.shop.orders()).toEqual({ items: [] });
    expect(await client.shop.abandonedCheckouts()).toEqual({ items: [] });
    await client.integrations.disconnect(shop.id);
    await expect(client.integrations.disconnect(shop.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('the integration secret box (AES-256-GCM, key id stored for rotation)', () => {
  it('when the key is rotated, then secrets sealed with the old key still open, new ones use the new key, and a dropped key or a tampered ciphertext is refused', () => {
    const old = keyOf('k1');
    const sealed = createSecretBox(old).seal('shpss_rotating_secret');
    const rotated = createSecretBox(`${keyOf('k2')},${old}`);
    expect(rotated.open(sealed)).toBe('shpss_rotating_secret');
    expect(rotated.seal('x').keyId).toBe('k2');
    expect(() => createSecretBox(keyOf('k2')).open(sealed)).toThrow(/k1/);
    const raw = Buffer.from(sealed.ciphertext, 'base64');
    raw[raw.length - 20]! ^= 1;
    expect(() => rotated.open({ ...sealed, ciphertext: raw.toString('base64') })).toThrow();
  });
});
