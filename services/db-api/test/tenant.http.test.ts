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
    const body = { name: 'Riad Fès', sector: 'hospitality', languages: ['fr', 'ar', 'ary'], defaultLanguage: 'ar', currency: 'mad', timezone: 'Africa/Casablanca', leadThreshold: 70 };
    const res = await request(t.app).patch('/api/v1/tenant').set(bearer(s)).send(body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...body, currency: 'MAD' });
    await expect(updates.waitFor(s.tenantId, 'settings')).resolves.toMatchObject({ tenantId: s.tenantId });
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'tenant.updated' } })).toBe(1);
  });

  it('when settings change and an endpoint subscribes to tenant.updated, then one delivery names the fields and is enqueued; an empty patch sends none', async () => {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'pro' } });
    const endpoint = await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://hooks.example.com/t', secret: 'whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0', eventTypes: ['tenant.updated'] } });
    expect((await request(t.app).patch('/api/v1/tenant').set(bearer(s)).send({ leadThreshold: 75, callSettings: { smsSummary: true } })).status).toBe(200);
    expect((await request(t.app).patch('/api/v1/tenant').set(bearer(s)).send({})).status).toBe(200);
    const deliveries = await t.deps.prisma.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ eventType: 'tenant.updated', status: 'pending', payload: { type: 'tenant.updated', data: { what: 'settings', fields: ['leadThreshold', 'callSettings.smsSummary'] } } });
    expect((await t.deps.producers.webhooks.queue.getJob(deliveries[0]!.id))?.data).toMatchObject({ deliveryId: deliveries[0]!.id, eventType: 'tenant.updated' });
  });

  it.each([
    [{ currency: 'XYZ' }, 'body.currency', 'invalid_choice'],
    [{ currency: 'euro' }, 'body.currency', 'invalid_format'],
    [{ timezone: 'Mars/Olympus' }, 'body.timezone', 'invalid_choice'],
    [{ phoneNumbers: ['+212522000000'] }, 'body', undefined],
    [{ callSettings: { maxCallSeconds: 10 } }, 'body.callSettings.maxCallSeconds', 'too_small'],
    [{ callSettings: { transferDigit: '12' } }, 'body.callSettings.transferDigit', 'invalid_format'],
    [{ callSettings: { maxConcurrentCalls: 0 } }, 'body.callSettings.maxConcurrentCalls', 'too_small'],
    [{ callSettings: { callingHours: { days: [1, 8], start: '09:00', end: '18:00' } } }, 'body.callSettings.callingHours.days.1', 'too_big'],
    [{ callSettings: { callingHours: { days: [1], start: '18:00', end: '09:00' } } }, 'body.callSettings.callingHours.end', undefined],
    [{ callSettings: { callingHours: { days: [1], start: '9h', end: '18:00' } } }, 'body.callSettings.callingHours.start', 'invalid_format'],
    [{ callSettings: { recordCall: true } }, 'body.callSettings', undefined],
    [{ languages: ['fr'], defaultLanguage: 'en' }, 'body.defaultLanguage', 'language_not_listed'],
    [{ leadThreshold: 101 }, 'body.leadThreshold', 'too_big'],
    [{ languages: ['fr', 'de'] }, 'body.languages.1', 'invalid_choice'],
    [{ plan: 'pro' }, 'body', undefined],
  ])('when the body is %j, then 400 names %s (rule %s)', async (body, path, rule) => {
    const s = await t.register();
    const res = await request(t.app).patch('/api/v1/tenant').set(bearer(s)).send(body);
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toContain(path);
    expect(problemOf(res).errors?.find((e) => e.path === path)?.rule).toBe(rule);
  });

  it('when the owner edits call settings, then they are stored and shown, the other settings kept', async () => {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'telephony' } });
    const before = await request(t.app).get('/api/v1/tenant').set(bearer(s));
    expect(before.body.callSettings).toEqual({ recordCalls: false, maxCallSeconds: 900, transferDigit: '0', smsSummary: false, maxConcurrentCalls: 5, outboundCallsPerMinute: 10, callingHours: { days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '20:00' } });
    const change = { recordCalls: true, maxCallSeconds: 300, transferDigit: '#', callingHours: { days: [1, 2, 3, 4, 5], start: '08:30', end: '18:00' } };
    const res = await request(t.app).patch('/api/v1/tenant').set(bearer(s)).send({ callSettings: change });
    expect(res.status).toBe(200);
    expect(res.body.callSettings).toEqual({ ...before.body.callSettings, ...change });
    expect((await request(t.app).get('/api/v1/tenant').set(bearer(s))).body.callSettings).toEqual(res.body.callSettings);
    const audit = await t.deps.prisma.auditLog.findFirst({ where: { tenantId: s.tenantId, action: 'tenant.updated' } });
    expect(audit?.meta).toMatchObject({ fields: ['callSettings.recordCalls', 'callSettings.maxCallSeconds', 'callSettings.transferDigit', 'callSettings.callingHours'] });
  });

  it('when a plan without call_recording switches recording on, then 403 names the feature and nothing changes', async () => {
    const s = await t.register();
    const res = await request(t.app).patch('/api/v1/tenant').set(bearer(s)).send({ callSettings: { recordCalls: true, maxCallSeconds: 120 } });
    expect(res.status).toBe(403);
    expect(problemOf(res)).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'call_recording', requiredPlan: 'telephony' });
    expect(await t.deps.prisma.tenant.findUnique({ where: { id: s.tenantId } })).toMatchObject({ recordCalls: false, maxCallSeconds: 900 });
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
