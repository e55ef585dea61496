import request from 'supertest';
import { TENANT_UPDATED_CHANNEL } from '@vocalia/contracts';
import { PUBLIC_BASE_URL, startHarness, type Harness } from './support/harness';
import { eventually, snapshotFor } from '@vocalia/conversation/testing';

const SHOP = 'https://shop.example.com';
const OTHER = 'https://evil.example.net';
/** Our own public origin (PUBLIC_BASE_URL without its path): where the demo page lives. */
const EDGE = new URL(PUBLIC_BASE_URL).origin;
let h: Harness;

beforeAll(async () => {
  h = await startHarness('cors');
  h.addTenant(snapshotFor({ id: 'acme', origins: [SHOP, 'http://localhost:5173'] }));
  h.addTenant(snapshotFor({ id: 'demo', origins: [EDGE] }));
});
afterAll(() => h.close());

describe('per-tenant CORS', () => {
  it('when the origin is allowed, then /config answers with that origin in Access-Control-Allow-Origin and Vary: Origin', async () => {
    const res = await request(h.app).get('/config?tenantId=acme').set('Origin', SHOP).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(res.headers.vary).toMatch(/Origin/);
    expect(res.headers['access-control-expose-headers']).toMatch(/RateLimit-Remaining/);
  });

  it('when the origin differs only by case or default port, then it is the same origin', async () => {
    await request(h.app).get('/config?tenantId=acme').set('Origin', 'HTTPS://Shop.Example.com:443').expect(200);
    await request(h.app).get('/config?tenantId=acme').set('Origin', 'http://localhost:5173').expect(200);
  });

  it('when the origin is not allowed, then 403 ORIGIN_NOT_ALLOWED says which origin to add and where, readable by the browser', async () => {
    const res = await request(h.app).get('/config?tenantId=acme').set('Origin', OTHER).expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['access-control-allow-origin']).toBe(OTHER);
    expect(res.body.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(res.body.detail).toBe(
      `The origin ${OTHER} is not allowed for tenant acme. Add ${OTHER} in Dashboard > Settings > Allowed origins, or POST /api/v1/origins.`,
    );
  });

  it('when a port, scheme or subdomain differs, then the origin is refused', async () => {
    for (const origin of ['https://shop.example.com:8443', 'http://shop.example.com', 'https://www.shop.example.com', 'null']) {
      await request(h.app).get('/config?tenantId=acme').set('Origin', origin).expect(403);
    }
  });

  it('when a browser preflights /respond, then the allowed headers, methods and max-age come back for its origin', async () => {
    const res = await request(h.app)
      .options('/respond')
      .set('Origin', SHOP)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type, authorization')
      .expect(204);
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(res.headers['access-control-allow-methods']).toBe('POST, OPTIONS');
    expect(res.headers['access-control-allow-headers']).toBe('Content-Type, Authorization, X-Request-Id, Accept, Idempotency-Key');
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it('when a preflight names the tenant and the origin is refused, then it fails with the helpful 403', async () => {
    const res = await request(h.app).options('/config?tenantId=acme').set('Origin', OTHER).set('Access-Control-Request-Method', 'GET').expect(403);
    expect(res.body.detail).toContain(`Add ${OTHER} in Dashboard > Settings > Allowed origins`);
    await request(h.app).options('/config?tenantId=acme').set('Origin', SHOP).set('Access-Control-Request-Method', 'GET').expect(204);
  });

  it('when /respond comes from a refused origin, then it is refused before the token is even looked at', async () => {
    const res = await request(h.app)
      .post('/respond')
      .set('Origin', OTHER)
      .send({ tenantId: 'acme', sessionId: 'session-cors-1', message: 'hi' })
      .expect(403);
    expect(res.body.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(h.engine.inputs).toHaveLength(0);
  });

  const publishUpdate = (tenantId: string) =>
    h.redis.publish(TENANT_UPDATED_CHANNEL, JSON.stringify({ tenantId, what: 'origins', at: new Date().toISOString() }));

  it('when the tenant adds an origin and tenant-updated is published, then the next request from it is allowed', async () => {
    const NEW = 'https://new-shop.example.org';
    h.addTenant(snapshotFor({ id: 'growing', origins: [SHOP] }));
    await request(h.app).get('/config?tenantId=growing').set('Origin', NEW).expect(403);
    h.addTenant(snapshotFor({ id: 'growing', origins: [SHOP, NEW] }));
    await request(h.app).get('/config?tenantId=growing').set('Origin', NEW).expect(403);
    expect(await publishUpdate('growing')).toBeGreaterThanOrEqual(1);
    await eventually(() => request(h.app).get('/config?tenantId=growing').set('Origin', NEW).expect(200));
  });

  it('when an origin is removed and tenant-updated is published, then its requests are refused at once', async () => {
    h.addTenant(snapshotFor({ id: 'shrinking', origins: [SHOP] }));
    const token = h.tokenFor('shrinking', SHOP);
    await request(h.app).get('/config?tenantId=shrinking').set('Origin', SHOP).expect(200);
    h.addTenant(snapshotFor({ id: 'shrinking', origins: [] }));
    await publishUpdate('shrinking');
    await eventually(() => request(h.app).get('/config?tenantId=shrinking').set('Origin', SHOP).expect(403));
    const res = await request(h.app)
      .post('/respond')
      .set('Authorization', `Bearer ${token}`)
      .send({ tenantId: 'shrinking', sessionId: 'session-shrink-1', message: 'hi' })
      .expect(403);
    expect(res.body.code).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('when the tenant is unknown, then 404 with the CORS headers so the integrator can read it', async () => {
    const res = await request(h.app).get('/config?tenantId=nobody').set('Origin', SHOP).expect(404);
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(res.body.detail).toContain('No tenant with id "nobody"');
  });

  describe('a page on our own origin (a same-origin GET carries no Origin header)', () => {
    const sameOrigin = (tenantId: string) => request(h.app).get(`/config?tenantId=${tenantId}`).set('Sec-Fetch-Site', 'same-origin');

    it('when the tenant allowed our public origin, then /config answers with a token bound to that origin, which /respond from it accepts', async () => {
      const res = await sameOrigin('demo').expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const token = res.body.session.token as string;
      expect(h.deps.sessionTokens.verify(token).origin).toBe(EDGE);
      await request(h.app)
        .post('/respond')
        .set('Origin', EDGE)
        .set('Authorization', `Bearer ${token}`)
        .send({ tenantId: 'demo', sessionId: 'session-same-origin-1', message: 'Bonjour' })
        .expect(200);
    });

    it('when the tenant did not allow our public origin, then 403 names that origin to add', async () => {
      const res = await sameOrigin('acme').expect(403);
      expect(res.body.code).toBe('ORIGIN_NOT_ALLOWED');
      expect(res.body.detail).toContain(`Add ${EDGE} in Dashboard > Settings > Allowed origins`);
    });

    it('when there is no Origin and the fetch is cross-site, same-site or unlabelled, then /config still refuses', async () => {
      for (const site of ['cross-site', 'same-site', 'none']) {
        const res = await request(h.app).get('/config?tenantId=demo').set('Sec-Fetch-Site', site).expect(403);
        expect(res.body.code).toBe('ORIGIN_NOT_ALLOWED');
      }
      await request(h.app).get('/config?tenantId=demo').expect(403);
    });

    it('when a page sends a real Origin along with Sec-Fetch-Site: same-origin, then the Origin header is what is checked', async () => {
      await request(h.app).get('/config?tenantId=demo').set('Origin', OTHER).set('Sec-Fetch-Site', 'same-origin').expect(403);
    });
  });
});
