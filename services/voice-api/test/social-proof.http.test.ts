import request from 'supertest';
import { SocialProofResponse } from '@vocalia/contracts';
import { PUBLIC_BASE_URL, startHarness, type Harness } from './support/harness';
import { snapshotFor } from '@vocalia/conversation/testing';

const SHOP = 'https://shop.example.com';
const EDGE = new URL(PUBLIC_BASE_URL).origin;
const activityPath = (id: string) => `/internal/v1/tenants/${id}/activity`;
let h: Harness;

beforeAll(async () => {
  h = await startHarness('social');
  h.addTenant(snapshotFor({ id: 'busy', origins: [SHOP] }));
  h.addTenant(snapshotFor({ id: 'quiet', origins: [SHOP] }));
  h.addTenant(snapshotFor({ id: 'flaky', origins: [SHOP] }));
  h.addTenant(snapshotFor({ id: 'basic', origins: [SHOP], features: ['widget_text'] }));
  h.db.activity.set('busy', {
    items: [
      { kind: 'booking', text: 'Someone in Lyon booked a fitting', at: '2026-11-27T09:00:00.000Z' },
      { kind: 'conversation', text: 'A visitor asked about delivery times', at: '2026-11-27T08:55:00.000Z' },
    ],
  });
});
afterAll(() => h.close());

const get = (tenantId: string) => request(h.app).get(`/social-proof?tenantId=${tenantId}`).set('Origin', SHOP);

describe('GET /social-proof', () => {
  it('when the tenant has recent activity, then db-api\'s anonymised items come back as they are, cached for 30 s', async () => {
    const res = await get('busy').expect(200);
    expect(SocialProofResponse.parse(res.body)).toEqual(h.db.activity.get('busy'));
    expect(res.headers['cache-control']).toBe('public, max-age=30');
    await get('busy').expect(200);
    expect(h.db.hitCount(activityPath('busy'))).toBe(1);
  });

  it('when the widget asks in a language, then db-api\'s sentences in that language come back, cached apart', async () => {
    h.db.activity.set('busy:fr', { items: [{ kind: 'booking', text: "Quelqu'un à Lyon a réservé un essayage", at: '2026-11-27T09:00:00.000Z' }] });
    const fr = await get('busy').query({ language: 'fr' }).expect(200);
    expect(fr.body.items[0].text).toBe("Quelqu'un à Lyon a réservé un essayage");
    expect((await get('busy').expect(200)).body.items).toHaveLength(2);
    const bad = await get('busy').query({ language: 'klingon' }).expect(400);
    expect(bad.body.errors[0].path).toBe('query.language');
  });

  it('when there is no activity, then an honest empty list', async () => {
    expect((await get('quiet').expect(200)).body).toEqual({ items: [] });
  });

  it('when db-api cannot answer, then an empty list rather than an error or anything made up', async () => {
    await get('flaky').expect(200);
    h.db.failWith = 500;
    try {
      h.deps.socialProof.invalidate('flaky');
      expect((await get('flaky').expect(200)).body).toEqual({ items: [] });
    } finally {
      h.db.failWith = undefined;
    }
  });

  it('when the plan lacks social_proof, then 403 PLAN_REQUIRED', async () => {
    const res = await get('basic').expect(403);
    expect(res.body).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'social_proof', requiredPlan: 'starter' });
  });

  it('when the origin is refused, then 403; when there is no Origin (not a browser), then it is served', async () => {
    await request(h.app).get('/social-proof?tenantId=busy').set('Origin', 'https://elsewhere.example.com').expect(403);
    await request(h.app).get('/social-proof?tenantId=busy').expect(200);
  });

  it('when a same-origin page asks (no Origin, Sec-Fetch-Site: same-origin), then our public origin must be allowed', async () => {
    await request(h.app).get('/social-proof?tenantId=busy').set('Sec-Fetch-Site', 'same-origin').expect(403);
    h.addTenant(snapshotFor({ id: 'demo-social', origins: [EDGE] }));
    await request(h.app).get('/social-proof?tenantId=demo-social').set('Sec-Fetch-Site', 'same-origin').expect(200);
  });
});
