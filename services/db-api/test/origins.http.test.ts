import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { normalizeOrigin } from '../src/origins/normalize-origin';
import { addMemberSession, bearer, listenTenantUpdates, problemOf, startTestApp, type TestApp } from './support';

describe('origin normalisation', () => {
  it.each([
    ['HTTPS://Shop.Example.COM', 'https://shop.example.com'],
    ['https://shop.example.com/', 'https://shop.example.com'],
    ['https://shop.example.com:443', 'https://shop.example.com'],
    ['http://shop.example.com:80', 'http://shop.example.com'],
    ['https://shop.example.com:8443', 'https://shop.example.com:8443'],
    ['https://café.example', 'https://xn--caf-dma.example'],
    ['http://localhost:3000', 'http://localhost:3000'],
  ])('when %s is given, then it becomes %s', (raw, expected) => {
    expect(normalizeOrigin(raw, { production: false })).toEqual({ ok: true, origin: expected });
  });

  it.each([
    ['shop.example.com', 'not a URL', 'invalid_url'],
    ['ftp://shop.example.com', 'http or https', 'invalid_url'],
    ['https://shop.example.com/path', 'path', 'invalid_origin'],
    ['https://shop.example.com/.', 'path', 'invalid_origin'],
    ['https://shop.example.com?x=1', 'query', 'invalid_origin'],
    ['https://shop.example.com?', 'query', 'invalid_origin'],
    ['https://shop.example.com#top', 'fragment', 'invalid_origin'],
    ['https://user:pw@shop.example.com', 'user info', 'url_user_info'],
    ['https://@shop.example.com', 'user info', 'url_user_info'],
    ['https://*.example.com', 'not a URL|wildcards', 'invalid_origin'],
    ['javascript:alert(1)', 'http or https', 'invalid_url'],
  ])('when %s is given, then it is refused (%s, rule %s)', (raw, why, rule) => {
    const result = normalizeOrigin(raw, { production: false });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(new RegExp(why));
    expect(result.ok ? '' : result.rule).toBe(rule);
  });

  // The URL parser already rewrites these spellings to 127.0.0.1, [::1] or 0.0.0.0.
  it.each(['http://localhost:3000', 'http://127.0.0.1', 'http://[::1]:8080', 'http://app.localhost', 'http://0x7f.1', 'http://2130706433', 'http://0177.0.0.1', 'http://[0:0:0:0:0:0:0:1]:8080', 'http://0.0.0.0:3000'])(
    'when %s is given in production, then it is refused',
    (raw) => {
      expect(normalizeOrigin(raw, { production: true })).toEqual({ ok: false, reason: 'localhost origins are refused in production', rule: 'private_address' });
    },
  );

  it.each([
    ['http://127.0.0.2', 'http://128.0.0.2'],
    ['http://127.255.255.254:8080', 'http://126.255.255.254:8080'],
    ['http://[::ffff:127.0.0.1]', 'http://[::ffff:8.8.8.8]'],
    ['http://localhost.', 'http://localhost.example.com'],
    ['http://LOCALHOST.:3000', 'http://localhost-shop.example'],
    ['http://app.localhost.', 'http://app.localhost.example'],
    ['http://[::]', 'http://[2001:db8::]'],
    ['http://[::127.0.0.1]', 'http://[2001:db8::127.0.0.1]'],
  ])('when loopback is spelled %s in production, then it is refused (and its public neighbour %s is kept)', (loopback, neighbour) => {
    expect(normalizeOrigin(loopback, { production: true })).toEqual({ ok: false, reason: 'localhost origins are refused in production', rule: 'private_address' });
    expect(normalizeOrigin(loopback, { production: false }).ok).toBe(true);
    expect(normalizeOrigin(neighbour, { production: true }).ok).toBe(true);
  });
});

describe('allowed origins', () => {
  let t: TestApp;
  let updates: Awaited<ReturnType<typeof listenTenantUpdates>>;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
    updates = await listenTenantUpdates();
  });
  afterAll(async () => {
    await updates.close();
    await t.close();
  });

  it('when an origin is added and removed, then it is normalised, listed, audited and announced each time', async () => {
    const s = await t.register();
    const added = await request(t.app).post('/api/v1/origins').set(bearer(s)).send({ origin: 'HTTPS://Www.Riad.Example:443/' });
    expect(added.status).toBe(201);
    expect(added.body.origin).toBe('https://www.riad.example');
    await updates.waitFor(s.tenantId, 'origins');
    const list = await request(t.app).get('/api/v1/origins').set(bearer(s));
    expect(list.body).toEqual({ items: [expect.objectContaining({ id: added.body.id, origin: 'https://www.riad.example' })], limit: 10 });
    updates.received.length = 0;
    expect((await request(t.app).delete(`/api/v1/origins/${added.body.id}`).set(bearer(s))).status).toBe(204);
    await updates.waitFor(s.tenantId, 'origins');
    const actions = await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId, action: { startsWith: 'origin.' } }, orderBy: { seq: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual(['origin.added', 'origin.removed']);
  });

  it('when the same origin is added twice (in any spelling), then 409', async () => {
    const s = await t.register();
    expect((await request(t.app).post('/api/v1/origins').set(bearer(s)).send({ origin: 'https://a.example' })).status).toBe(201);
    const dup = await request(t.app).post('/api/v1/origins').set(bearer(s)).send({ origin: 'https://A.example:443' });
    expect(dup.status).toBe(409);
  });

  it('when an eleventh origin is added, even concurrently, then it is refused and 10 remain', async () => {
    const s = await t.register();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => request(t.app).post('/api/v1/origins').set(bearer(s)).send({ origin: `https://site${i}.example` })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    expect(results.filter((r) => r.status === 409)).toHaveLength(2);
    expect(await t.deps.prisma.allowedOrigin.count({ where: { tenantId: s.tenantId } })).toBe(10);
  });

  it('when an origin has a path, then 400 says so on body.origin', async () => {
    const s = await t.register();
    const res = await request(t.app).post('/api/v1/origins').set(bearer(s)).send({ origin: 'https://shop.example/checkout' });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors).toEqual([{ path: 'body.origin', message: 'must not contain a path', rule: 'invalid_origin' }]);
  });

  it('when a member (not admin) adds an origin, then 403', async () => {
    const owner = await t.register();
    const member = await addMemberSession(t, owner, 'member');
    expect((await request(t.app).post('/api/v1/origins').set(bearer(member)).send({ origin: 'https://x.example' })).status).toBe(403);
    expect((await request(t.app).get('/api/v1/origins').set(bearer(member))).status).toBe(200);
  });
});

describe('allowed origins in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    t = await startTestApp({ workers: false, env: { NODE_ENV: 'production', INTERNAL_API_TOKEN: 'a-production-internal-token', JWT_PRIVATE_KEY: pair.privateKey, JWT_PUBLIC_KEY: pair.publicKey } });
  });
  afterAll(() => t.close());

  it('when localhost is added in production, then 400', async () => {
    const s = await t.register();
    const res = await request(t.app).post('/api/v1/origins').set(bearer(s)).send({ origin: 'http://localhost:3000' });
    expect(res.status).toBe(400);
    expect(problemOf(res).detail).toMatch(/localhost/);
    expect(problemOf(res).errors?.[0]?.rule).toBe('private_address');
  });
});
