import { createHash } from 'node:crypto';
import request from 'supertest';
import { addMemberSession, bearer, problemOf, startTestApp, type TestApp } from './support';

describe('API keys', () => {
  let t: TestApp;
  let now = new Date('2026-03-01T10:00:00.000Z');
  beforeAll(async () => {
    t = await startTestApp({ workers: false, clock: () => now });
  });
  afterAll(() => t.close());

  it('when a key is created, then it is shown once, stored as a sha256 hash, listed by prefix, and authenticates as admin', async () => {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'pro' } });
    const res = await request(t.app).post('/api/v1/api-keys').set(bearer(s)).send({ name: 'CRM sync' });
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(/^vk_[0-9a-f]{48}$/);
    expect(res.body.prefix).toBe(res.body.key.slice(0, 11));
    const row = await t.deps.prisma.apiKey.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.keyHash).toBe(createHash('sha256').update(res.body.key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(res.body.key);
    const list = await request(t.app).get('/api/v1/api-keys').set(bearer(s));
    expect(list.body.items).toEqual([expect.objectContaining({ id: res.body.id, name: 'CRM sync', prefix: res.body.prefix, lastUsedAt: null })]);
    expect(list.text).not.toContain(res.body.key);
    const me = await request(t.app).get('/api/v1/me').set(bearer(res.body.key));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: null, role: 'admin', via: 'api_key', tenant: { id: s.tenantId } });
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'api_key.created' } })).toBe(1);
  });

  it('when a key is used repeatedly, then lastUsedAt is written at most once a minute', async () => {
    const s = await t.register();
    const key = await t.createApiKey(s);
    await request(t.app).get('/api/v1/tenant').set(bearer(key.key));
    const first = (await t.deps.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(first?.toISOString()).toBe(now.toISOString());
    now = new Date(now.getTime() + 30_000);
    await request(t.app).get('/api/v1/tenant').set(bearer(key.key));
    expect((await t.deps.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(first);
    now = new Date(now.getTime() + 31_000);
    await request(t.app).get('/api/v1/tenant').set(bearer(key.key));
    expect((await t.deps.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt?.toISOString()).toBe(now.toISOString());
  });

  it('when a key is revoked, then it is refused at once and no longer listed', async () => {
    const s = await t.register();
    const key = await t.createApiKey(s);
    expect((await request(t.app).delete(`/api/v1/api-keys/${key.id}`).set(bearer(s))).status).toBe(204);
    const res = await request(t.app).get('/api/v1/tenant').set(bearer(key.key));
    expect(res.status).toBe(401);
    expect(problemOf(res).code).toBe('UNAUTHENTICATED');
    expect((await request(t.app).get('/api/v1/api-keys').set(bearer(s))).body.items).toEqual([]);
    expect((await request(t.app).delete(`/api/v1/api-keys/${key.id}`).set(bearer(s))).status).toBe(404);
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'api_key.revoked' } })).toBe(1);
  });

  it('when a key is rotated, then both work until the grace period ends, then only the new one', async () => {
    const s = await t.register();
    const old = await t.createApiKey(s);
    const res = await request(t.app).post(`/api/v1/api-keys/${old.id}/rotate`).set(bearer(old.key)).send({ graceSeconds: 600 });
    expect(res.status).toBe(201);
    expect(res.body.key).not.toBe(old.key);
    expect(res.body.previous).toEqual({ id: old.id, expiresAt: new Date(now.getTime() + 600_000).toISOString() });
    expect((await request(t.app).get('/api/v1/tenant').set(bearer(old.key))).status).toBe(200);
    expect((await request(t.app).get('/api/v1/tenant').set(bearer(res.body.key))).status).toBe(200);
    now = new Date(now.getTime() + 601_000);
    expect((await request(t.app).get('/api/v1/tenant').set(bearer(old.key))).status).toBe(401);
    expect((await request(t.app).get('/api/v1/tenant').set(bearer(res.body.key))).status).toBe(200);
    const listed = await request(t.app).get('/api/v1/api-keys').set(bearer(res.body.key));
    expect(listed.body.items.map((k: { id: string }) => k.id)).toEqual([res.body.id]);
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'api_key.rotated' } })).toBe(1);
  });

  it('when rotated without a body, then the grace period is 24 hours', async () => {
    const s = await t.register();
    const old = await t.createApiKey(s);
    const res = await request(t.app).post(`/api/v1/api-keys/${old.id}/rotate`).set(bearer(s));
    expect(res.status).toBe(201);
    expect(Date.parse(res.body.previous.expiresAt) - now.getTime()).toBe(86_400_000);
  });

  it('when a Starter tenant creates or rotates a key, then 403 PLAN_REQUIRED names api_access and Pro; after a downgrade its keys are refused but can still be listed and revoked', async () => {
    const s = await t.register();
    const denied = await request(t.app).post('/api/v1/api-keys').set(bearer(s)).send({ name: 'CRM sync' });
    expect(denied.status).toBe(403);
    expect(problemOf(denied)).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'api_access', requiredPlan: 'pro' });
    expect(await t.deps.prisma.apiKey.count({ where: { tenantId: s.tenantId } })).toBe(0);
    const key = await t.createApiKey(s);
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'starter' } });
    expect(problemOf(await request(t.app).post(`/api/v1/api-keys/${key.id}/rotate`).set(bearer(s)).send({})).code).toBe('PLAN_REQUIRED');
    expect(problemOf(await request(t.app).get('/api/v1/tenant').set(bearer(key.key)))).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'api_access', requiredPlan: 'pro' });
    expect((await request(t.app).get('/api/v1/api-keys').set(bearer(s))).body.items).toHaveLength(1);
    expect((await request(t.app).delete(`/api/v1/api-keys/${key.id}`).set(bearer(s))).status).toBe(204);
  });

  it('when a member (not admin) creates a key, then 403; members can list', async () => {
    const owner = await t.register();
    const member = await addMemberSession(t, owner, 'member');
    expect((await request(t.app).post('/api/v1/api-keys').set(bearer(member)).send({ name: 'x' })).status).toBe(403);
    expect((await request(t.app).get('/api/v1/api-keys').set(bearer(member))).status).toBe(200);
  });

  it('when the name is missing or graceSeconds is negative, then 400 naming the field', async () => {
    const s = await t.register();
    const key = await t.createApiKey(s);
    const missing = await request(t.app).post('/api/v1/api-keys').set(bearer(s)).send({});
    expect(problemOf(missing).errors?.[0]?.path).toBe('body.name');
    const negative = await request(t.app).post(`/api/v1/api-keys/${key.id}/rotate`).set(bearer(s)).send({ graceSeconds: -1 });
    expect(negative.status).toBe(400);
    expect(problemOf(negative).errors?.[0]?.path).toBe('body.graceSeconds');
  });
});
