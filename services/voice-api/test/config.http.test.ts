import jwt from 'jsonwebtoken';
import request from 'supertest';
import { realtimeReadyKey, WidgetConfigResponse } from '@vocalia/contracts';
import { WIDGET_TOKEN_AUDIENCE, WIDGET_TOKEN_ISSUER } from '@vocalia/widget-auth';
import { startHarness, WIDGET_SECRET, type Harness } from './support/harness';
import { snapshotFor } from '@vocalia/conversation/testing';

const SHOP = 'https://shop.example.com';
let h: Harness;

beforeAll(async () => {
  h = await startHarness('config');
  h.addTenant(snapshotFor({ id: 'pro-shop', plan: 'pro', origins: [SHOP] }));
  h.addTenant(snapshotFor({ id: 'starter-shop', plan: 'starter', origins: [SHOP] }));
  h.addTenant(snapshotFor({ id: 'paused', origins: [SHOP], status: 'suspended' }));
});
afterAll(() => h.close());

const getConfig = (tenantId: string) => request(h.app).get(`/config?tenantId=${tenantId}`).set('Origin', SHOP);

describe('GET /config', () => {
  it('when an allowed page asks, then it gets a contract-valid config with branding, languages, plan features and greeting', async () => {
    const res = await getConfig('pro-shop').expect(200);
    const config = WidgetConfigResponse.parse(res.body);
    expect(config).toMatchObject({
      tenantId: 'pro-shop',
      name: 'Shop pro-shop',
      plan: 'pro',
      languages: ['en', 'fr', 'ar'],
      defaultLanguage: 'en',
      currency: 'EUR',
      greeting: { en: 'Welcome to pro-shop', fr: 'Bonjour' },
      branding: { primaryColor: '#112233', showPoweredBy: false },
    });
    expect(config.features).toContain('cloud_voice');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('when the realtime service does not announce that it serves sessions, then no plan is offered realtime voice, and browser voice stays', async () => {
    await h.redis.del(realtimeReadyKey(h.keyPrefix));
    expect((await getConfig('pro-shop').expect(200)).body.voice).toEqual({ browser: true, realtime: false });
  });

  it('when the realtime service serves sessions, then plans with cloud_voice are offered realtime voice; starter gets browser voice only', async () => {
    await h.redis.set(realtimeReadyKey(h.keyPrefix), '1', 'EX', 60);
    expect((await getConfig('pro-shop').expect(200)).body.voice).toEqual({ browser: true, realtime: true });
    expect((await getConfig('starter-shop').expect(200)).body.voice).toEqual({ browser: true, realtime: false });
    await h.redis.del(realtimeReadyKey(h.keyPrefix));
    expect((await getConfig('pro-shop').expect(200)).body.voice).toEqual({ browser: true, realtime: false });
  });

  it('when the plan lacks custom_branding or product_catalog, then "powered by" stays and e-commerce is off', async () => {
    const body = (await getConfig('starter-shop').expect(200)).body as WidgetConfigResponse;
    expect(body.branding.showPoweredBy).toBe(true);
    expect(body.ecommerce).toBe(false);
  });

  it('when a config is served, then its session token is an HS256 JWT for this tenant and origin, with issuer, audience and expiry', async () => {
    const { session } = (await getConfig('pro-shop').expect(200)).body as WidgetConfigResponse;
    const claims = jwt.verify(session.token, WIDGET_SECRET, { algorithms: ['HS256'], issuer: WIDGET_TOKEN_ISSUER, audience: WIDGET_TOKEN_AUDIENCE }) as jwt.JwtPayload;
    expect(claims).toMatchObject({ sub: 'pro-shop', origin: SHOP });
    expect(jwt.decode(session.token, { complete: true })?.header.alg).toBe('HS256');
    expect(new Date(session.expiresAt).getTime() / 1000).toBe(claims.exp);
    expect(claims.exp! - claims.iat!).toBe(600);
  });

  it('when there is no Origin header, then 403 explains that the token needs the page origin', async () => {
    const res = await request(h.app).get('/config?tenantId=pro-shop').expect(403);
    expect(res.body.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(res.body.detail).toContain("send the page's Origin header");
  });

  it('when tenantId is missing, then 400 names the field; when it is malformed or unknown, then 404', async () => {
    const missing = await request(h.app).get('/config').set('Origin', SHOP).expect(400);
    expect(missing.body.errors).toEqual([{ path: 'query.tenantId', message: 'required', rule: 'required' }]);
    await getConfig('..%2F..%2Fadmin').expect(404);
    await getConfig('x'.repeat(65)).expect(404);
    await getConfig('ghost').expect(404);
    expect([...h.db.hits.keys()].filter((path) => path.includes('admin') || path.includes('xxxx'))).toEqual([]);
  });

  it('when the account is restricted (suspended), then 402 ACCOUNT_RESTRICTED says the assistant is paused', async () => {
    const res = await getConfig('paused').expect(402);
    expect(res.body).toMatchObject({ code: 'ACCOUNT_RESTRICTED' });
    expect(res.body.detail).toContain('paused');
  });
});
