import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createPgPool } from '@vocalia/db';
import type { PlanId } from '@vocalia/contracts';
import { PENDING_HOLD_MS } from '@vocalia/service-kit';
import { routeDocs } from '../src/route-docs';
import { bearer, idempotentRoutes, problemOf, queuedWebhookAttempt, startFakeTwilio, startTestApp, type FakeTwilio, type TestApp, type TestSession } from './support';

// A Wednesday, 11:00 in Casablanca (UTC+1): inside the default calling hours.
const NOW = new Date('2026-11-18T10:00:00.000Z');

describe('Idempotency-Key on the POSTs whose repetition costs something (a call, a mail, a number, a webhook, an agent)', () => {
  let t: TestApp;
  let twilio: FakeTwilio;
  beforeAll(async () => {
    twilio = await startFakeTwilio();
    t = await startTestApp({ clock: () => NOW, workers: false, env: twilio.env });
  });
  afterAll(async () => {
    await t.close();
    await twilio.close();
  });

  async function callingTenant(): Promise<TestSession> {
    const s = await t.register();
    const number = `+2125${randomBytes(4).readUInt32BE(0).toString().padStart(10, '0').slice(-8)}`;
    const agent = await t.deps.prisma.agent.create({ data: { tenantId: s.tenantId, name: 'Relances', personaId: 'dental', languages: ['fr'], isDefault: true } });
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'telephony', timezone: 'Africa/Casablanca' } });
    await t.deps.prisma.phoneNumber.create({ data: { tenantId: s.tenantId, number, agentId: agent.id } });
    return s;
  }
  const place = (credential: TestSession | string, body: Record<string, unknown>, key?: string) => {
    const req = request(t.app).post('/api/v1/calls').set(bearer(credential));
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const calls = (s: TestSession) => t.deps.prisma.call.count({ where: { tenantId: s.tenantId } });

  it('when an integrator retries POST /api/v1/calls with its key (the answer was lost), then one call is placed and the retry gets the same answer', async () => {
    const s = await callingTenant();
    const key = await t.createApiKey(s);
    const first = await place(key.key, { to: '+33612345678' }, 'retry-call-0001');
    expect(first.status).toBe(202);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await place(key.key, { to: '+33612345678' }, 'retry-call-0001');
    expect(again.status).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await calls(s)).toBe(1);
    expect(await t.deps.producers.outboundCalls.queue.getJob(`outbound-call-${first.body.id}`)).toBeDefined();

    const other = await place(key.key, { to: '+33612345678' }, 'retry-call-0002');
    expect(other.body.id).not.toBe(first.body.id);
    expect(await calls(s)).toBe(2);
  });

  it('when the key comes with another body, then 400 names the header and nothing is placed', async () => {
    const s = await callingTenant();
    await place(s, { to: '+33612345678' }, 'reused-key-0003').expect(202);
    const res = await place(s, { to: '+33699999999' }, 'reused-key-0003');
    expect([res.status, problemOf(res).errors?.[0]?.path]).toEqual([400, 'headers.idempotency-key']);
    expect(await calls(s)).toBe(1);
  });

  it('when the first request failed (a 4xx), then the key is free: the corrected retry runs', async () => {
    const s = await callingTenant();
    const bad = await place(s, { to: 'not-a-number' }, 'failing-key-0004');
    expect(bad.status).toBe(400);
    expect(await calls(s)).toBe(0);
    const fixed = await place(s, { to: '+33612345678' }, 'failing-key-0004');
    expect([fixed.status, fixed.headers['idempotent-replayed']]).toEqual([202, undefined]);
    expect(await calls(s)).toBe(1);
  });

  it('when two tenants, or two callers of one tenant, use the same key, then each request runs: a key belongs to its caller', async () => {
    const a = await callingTenant();
    const b = await callingTenant();
    await place(a, { to: '+33612345678' }, 'shared-key-0005').expect(202);
    const other = await place(b, { to: '+33612345678' }, 'shared-key-0005').expect(202);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    const apiKey = await t.createApiKey(a);
    const byKey = await place(apiKey.key, { to: '+33612345678' }, 'shared-key-0005').expect(202);
    expect(byKey.headers['idempotent-replayed']).toBeUndefined();
    expect([await calls(a), await calls(b)]).toEqual([2, 1]);
  });

  it('when the retry comes while the first request still runs (its call row waits on a lock), then 409 and one call; afterwards the retry gets the answer', async () => {
    const s = await callingTenant();
    const pool = createPgPool(t.databaseUrl, { poolSize: 1 });
    const blocker = await pool.connect();
    try {
      // Inserts into calls wait behind this lock; reads (the quota checks) do not.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE calls IN EXCLUSIVE MODE');
      const first = place(s, { to: '+33612345678' }, 'in-flight-key-0006').then((r) => r);
      for (let waited = 0; (await blocker.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted')).rows[0]!.n === 0; waited += 20) {
        if (waited > 10_000) throw new Error('the first request never reached the call insert');
        await new Promise((r) => setTimeout(r, 20));
      }
      // Held a short while at a time, and again while the request runs: a replica that died would free it soon.
      const [key] = await t.deps.redis.keys(`${t.deps.queuePrefix}:idem:api:${s.tenantId}:*`);
      const ttl = await t.deps.redis.pttl(key!);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(PENDING_HOLD_MS);
      const during = await place(s, { to: '+33612345678' }, 'in-flight-key-0006');
      expect([during.status, problemOf(during).code]).toEqual([409, 'CONFLICT']);
      await blocker.query('COMMIT');
      const answered = await first;
      expect([answered.status, answered.headers['idempotent-replayed']]).toEqual([202, undefined]);
      const after = await place(s, { to: '+33612345678' }, 'in-flight-key-0006');
      expect([after.status, after.headers['idempotent-replayed'], after.body.id]).toEqual([202, 'true', answered.body.id]);
      expect(await calls(s)).toBe(1);
    } finally {
      blocker.release();
      await pool.end();
    }
  });

  it('when the key is malformed, then 400 and nothing is placed; without a key every request runs', async () => {
    const s = await callingTenant();
    const res = await place(s, { to: '+33612345678' }, 'short');
    expect([res.status, problemOf(res).errors?.[0]?.path]).toEqual([400, 'headers.idempotency-key']);
    await place(s, { to: '+33612345678' }).expect(202);
    await place(s, { to: '+33612345678' }).expect(202);
    expect(await calls(s)).toBe(2);
  });

  it('when the key store (Redis) cannot answer, then 503 and nothing is placed: the request could otherwise run twice', async () => {
    const s = await callingTenant();
    const evalScript = t.deps.redis.eval.bind(t.deps.redis);
    t.deps.redis.eval = (() => Promise.reject(new Error('Connection is closed.'))) as typeof t.deps.redis.eval;
    try {
      const res = await place(s, { to: '+33612345678' }, 'redis-away-0007');
      expect([res.status, problemOf(res).code]).toEqual([503, 'UNAVAILABLE']);
    } finally {
      t.deps.redis.eval = evalScript;
    }
    expect(await calls(s)).toBe(0);
  });

  it('when POST /api/v1/invitations is retried with its key, then one invitation is mailed', async () => {
    const s = await t.register();
    const invite = () => request(t.app).post('/api/v1/invitations').set(bearer(s)).set('Idempotency-Key', 'invite-key-0006').send({ email: 'new.member@example.com', role: 'member' });
    const first = await invite().expect(201);
    const again = await invite().expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await t.deps.prisma.invitation.count({ where: { tenantId: s.tenantId } })).toBe(1);
  });

  /** What a route asks (path, body) and how many of what it makes there are; each case names the tenant's plan. */
  type Case = { path: string; body?: Record<string, unknown>; made: () => Promise<number> };
  const endpointOf = (s: TestSession) => t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://hooks.example.com/in', secret: `whsec_${randomBytes(32).toString('base64')}` } });
  const deliveriesOf = (s: TestSession) => t.deps.prisma.webhookDelivery.count({ where: { tenantId: s.tenantId } });
  const cases: [string, PlanId, (s: TestSession) => Promise<Case>][] = [
    ['a phone number bought', 'telephony', async () => {
      const number = `+2125220${randomBytes(3).readUIntBE(0, 3).toString().padStart(5, '0').slice(-5)}`;
      twilio.forSale.set('MA', [number]);
      const bought = () => twilio.requests.filter((r) => r.method === 'POST' && r.form?.get('PhoneNumber') === number).length;
      return { path: '/api/v1/phone-numbers', body: { number }, made: async () => bought() };
    }],
    ['a knowledge document added', 'pro', async (s) => ({ path: '/api/v1/knowledge/documents', body: { title: 'Horaires', kind: 'text', language: 'fr', content: 'Ouvert du lundi au vendredi.' }, made: () => t.deps.prisma.knowledgeDocument.count({ where: { tenantId: s.tenantId } }) })],
    ['an agent created', 'pro', async (s) => ({ path: '/api/v1/agents', body: { name: 'Accueil', personaId: 'dental', languages: ['fr'] }, made: () => t.deps.prisma.agent.count({ where: { tenantId: s.tenantId } }) })],
    ['a test event sent', 'pro', async (s) => ({ path: `/api/v1/webhooks/endpoints/${(await endpointOf(s)).id}/test`, made: () => deliveriesOf(s) })],
    ['a delivery attempted again', 'pro', async (s) => {
      const endpoint = await endpointOf(s);
      const delivery = await t.deps.prisma.webhookDelivery.create({ data: { tenantId: s.tenantId, endpointId: endpoint.id, eventId: `evt_${randomBytes(8).toString('hex')}`, eventType: 'lead.qualified', payload: {}, status: 'failed', attempts: 1 } });
      const attempts = async () => (await Promise.all([2, 3].map((n) => queuedWebhookAttempt(t.deps.producers.webhooks, delivery.id, n)))).filter(Boolean).length;
      return { path: `/api/v1/webhooks/deliveries/${delivery.id}/replay`, made: attempts };
    }],
  ];

  it.each(cases)('when an integrator retries the POST of %s with its key, then it is done once and the retry gets the same answer', async (_what, plan, setUp) => {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan } });
    const key = await t.createApiKey(s);
    const c = await setUp(s);
    const before = await c.made();
    const idempotencyKey = `retry-${randomBytes(6).toString('hex')}`;
    const post = () => request(t.app).post(c.path).set(bearer(key.key)).set('Idempotency-Key', idempotencyKey).send(c.body ?? {});
    const first = await post();
    expect(first.status).toBeLessThan(300);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await post();
    expect([again.status, again.headers['idempotent-replayed']]).toEqual([first.status, 'true']);
    expect(again.body).toEqual(first.body);
    expect(await c.made()).toBe(before + 1);
  });

  it('when a document upload (multipart) comes with a key, then 400 names the header and nothing is added: a key cannot tell one file from another', async () => {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'pro' } });
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).set('Idempotency-Key', 'upload-key-0008').attach('file', Buffer.from('Ouvert le samedi.'), 'horaires.txt');
    expect([res.status, problemOf(res).errors?.[0]?.path]).toEqual([400, 'headers.idempotency-key']);
    expect(await t.deps.prisma.knowledgeDocument.count({ where: { tenantId: s.tenantId } })).toBe(0);
  });

  it('when a route mounts the key, then its OpenAPI entry documents the header, and only those routes do', async () => {
    const mounted = idempotentRoutes(t.deps).sort();
    expect(mounted).toEqual([
      'POST /api/v1/agents',
      'POST /api/v1/calls',
      'POST /api/v1/invitations',
      'POST /api/v1/knowledge/documents',
      'POST /api/v1/phone-numbers',
      'POST /api/v1/webhooks/deliveries/:id/replay',
      'POST /api/v1/webhooks/endpoints/:id/test',
    ]);
    expect(routeDocs.filter((d) => d.idempotent).map((d) => `${d.method.toUpperCase()} ${d.path}`).sort()).toEqual(mounted);
    const doc = (await request(t.app).get('/api/v1/openapi.json')).body;
    const op = doc.paths['/api/v1/calls'].post;
    const header = op.parameters.find((p: { in: string; name: string }) => p.in === 'header' && p.name === 'Idempotency-Key');
    expect(header).toMatchObject({ schema: { minLength: 8, maxLength: 255 } });
    expect(header.required).not.toBe(true);
    expect(op.responses['409']).toBeDefined();
  });
});
