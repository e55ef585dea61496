import request from 'supertest';
import { addMemberSession, bearer, listenTenantUpdates, problemOf, startTestApp, type TestApp } from './support';

describe('tenant settings', () => {
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

  it('when the owner reads a new tenant, then the defaults are there, all five languages enabled', async () => {
    const s = await t.register(undefined, 'Riad Zitoun');
    const res = await request(t.app).get('/api/v1/tenant').set(bearer(s));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: s.tenantId, name: 'Riad Zitoun', plan: 'starter', status: 'trialing', currency: 'EUR', defaultLanguage: 'fr', languages: ['fr', 'en', 'es', 'ar', 'ary'], leadThreshold: 60 });
  });

  it('when the owner changes settings, then they are saved, audited and announced on tenant-updated', async () => {
    const s = await t.register();
    const body = { name: 'Riad Fès', sector: 'hospitality', languages: ['fr', 'ar', 'ary'], defaultLanguage: 'ar', currency: 'mad', timezone: 'Africa/Casablanca', phoneNumbers: ['+212522000000'], leadThreshold: 70 };
    const res = await request(t.app).patch('/api/v1/tenant').set(bearer(s)).send(body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...body, currency: 'MAD' });
    await expect(updates.waitFor(s.tenantId, 'settings')).resolves.toMatchObject({ tenantId: s.tenantId });
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'tenant.updated' } })).toBe(1);
  });

  it.each([
    [{ currency: 'XYZ' }, 'body.currency'],
    [{ currency: 'euro' }, 'body.currency'],
    [{ timezone: 'Mars/Olympus' }, 'body.timezone'],
    [{ phoneNumbers: ['0522000000'] }, 'body.phoneNumbers.0'],
    [{ languages: ['fr'], defaultLanguage: 'en' }, 'body.defaultLanguage'],
    [{ leadThreshold: 101 }, 'body.leadThreshold'],
    [{ languages: ['fr', 'de'] }, 'body.languages.1'],
    [{ plan: 'pro' }, 'body'],
  ])('when the body is %j, then 400 names %s', async (body, path) => {
    const s = await t.register();
    const res = await request(t.app).patch('/api/v1/tenant').set(bearer(s)).send(body);
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toContain(path);
  });

  it('when a member (not admin) patches the tenant, then 403 and nothing changes; reading is allowed', async () => {
    const owner = await t.register(undefined, 'Members Only');
    const member = await addMemberSession(t, owner, 'member');
    expect((await request(t.app).get('/api/v1/tenant').set(bearer(member))).status).toBe(200);
    const res = await request(t.app).patch('/api/v1/tenant').set(bearer(member)).send({ name: 'Hijacked' });
    expect(res.status).toBe(403);
    expect(problemOf(res).code).toBe('FORBIDDEN');
    expect((await t.deps.prisma.tenant.findUnique({ where: { id: owner.tenantId } }))?.name).toBe('Members Only');
  });
});
