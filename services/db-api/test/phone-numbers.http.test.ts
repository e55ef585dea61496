import request from 'supertest';
import { INTERNAL_TOKEN_HEADER, ResolvedPhoneNumber } from '@vocalia/contracts';
import { addMemberSession, bearer, listenTenantUpdates, problemOf, startFakeTwilio, startTestApp, type FakeTwilio, type TestApp, type TestSession } from './support';

const TOKEN = 'internal-token-for-tests-0123456789';
const PUBLIC = 'https://voice.vocalia.test';

describe('phone numbers bought on the platform Twilio account', () => {
  let twilio: FakeTwilio;
  let t: TestApp;
  let updates: Awaited<ReturnType<typeof listenTenantUpdates>>;
  beforeAll(async () => {
    twilio = await startFakeTwilio();
    t = await startTestApp({ workers: false, env: { ...twilio.env, PUBLIC_BASE_URL: PUBLIC, INTERNAL_API_TOKEN: TOKEN } });
    updates = await listenTenantUpdates();
  });
  afterAll(async () => {
    await updates.close();
    await t.close();
    await twilio.close();
  });

  async function telephonyTenant(): Promise<TestSession> {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'telephony' } });
    return s;
  }
  const agentOf = (s: TestSession, name = 'Standard') =>
    t.deps.prisma.agent.create({ data: { tenantId: s.tenantId, name, personaId: 'dental', languages: ['fr'], isDefault: name === 'Standard' } });
  const resolve = (number: string, token = TOKEN) => request(t.app).get('/internal/v1/phone-numbers/resolve').query({ number }).set(INTERNAL_TOKEN_HEADER, token);

  it('when the owner searches, buys, reassigns and releases a number, then Twilio sees each call with our webhooks and the tenant sees the number', async () => {
    const s = await telephonyTenant();
    const sales = await agentOf(s, 'Ventes');
    twilio.forSale.set('MA', ['+212522000101', '+212522000102', '+212537000103']);
    const available = await request(t.app).get('/api/v1/phone-numbers/available').query({ country: 'ma', contains: '522' }).set(bearer(s));
    expect(available.status).toBe(200);
    expect(available.body.items.map((n: { number: string }) => n.number)).toEqual(['+212522000101', '+212522000102']);
    expect(available.body.items[0]).toMatchObject({ country: 'MA', locality: 'Casablanca', capabilities: ['voice', 'sms'] });
    const search = twilio.requests.at(-1);
    expect([search?.path, search?.query.get('Contains'), search?.query.get('VoiceEnabled')]).toEqual([`/2010-04-01/Accounts/${twilio.accountSid}/AvailablePhoneNumbers/MA/Local.json`, '522', 'true']);

    const bought = await request(t.app).post('/api/v1/phone-numbers').set(bearer(s)).send({ number: '+212522000101', agentId: sales.id });
    expect(bought.status).toBe(201);
    expect(bought.body).toMatchObject({ number: '+212522000101', agentId: sales.id, capabilities: ['voice', 'sms'] });
    const create = twilio.requests.at(-1);
    expect(Object.fromEntries(create?.form ?? [])).toEqual({
      PhoneNumber: '+212522000101',
      VoiceUrl: `${PUBLIC}/voice/inbound`,
      VoiceMethod: 'POST',
      StatusCallback: `${PUBLIC}/voice/status`,
      StatusCallbackMethod: 'POST',
    });
    await updates.waitFor(s.tenantId, 'settings');
    expect((await request(t.app).get('/api/v1/tenant').set(bearer(s))).body.phoneNumbers).toEqual(['+212522000101']);
    expect((await request(t.app).get('/api/v1/phone-numbers').set(bearer(s))).body.items).toEqual([bought.body]);

    const patched = await request(t.app).patch(`/api/v1/phone-numbers/${bought.body.id}`).set(bearer(s)).send({ agentId: null });
    expect([patched.status, patched.body.agentId]).toEqual([200, null]);

    const released = await request(t.app).delete(`/api/v1/phone-numbers/${bought.body.id}`).set(bearer(s));
    expect(released.status).toBe(204);
    expect(twilio.requests.at(-1)?.method).toBe('DELETE');
    expect(twilio.owned.size).toBe(0);
    expect(await t.deps.prisma.phoneNumber.count({ where: { tenantId: s.tenantId } })).toBe(0);
    const actions = (await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId }, orderBy: { seq: 'asc' } })).map((a) => a.action);
    expect(actions.filter((a) => a.startsWith('phone_number.'))).toEqual(['phone_number.bought', 'phone_number.updated', 'phone_number.released']);
  });

  it('when a second tenant tries a number another tenant holds, or one not for sale, then 409 and Twilio is not charged twice', async () => {
    const first = await telephonyTenant();
    const second = await telephonyTenant();
    twilio.forSale.set('FR', ['+33180000001']);
    expect((await request(t.app).post('/api/v1/phone-numbers').set(bearer(first)).send({ number: '+33180000001' })).status).toBe(201);
    const purchases = twilio.requests.filter((r) => r.method === 'POST').length;
    const again = await request(t.app).post('/api/v1/phone-numbers').set(bearer(second)).send({ number: '+33180000001' });
    expect([again.status, problemOf(again).code]).toEqual([409, 'CONFLICT']);
    expect(twilio.requests.filter((r) => r.method === 'POST').length).toBe(purchases);
    const gone = await request(t.app).post('/api/v1/phone-numbers').set(bearer(second)).send({ number: '+33180000999' });
    expect([gone.status, problemOf(gone).code]).toEqual([409, 'CONFLICT']);
    expect(await t.deps.prisma.phoneNumber.count({ where: { tenantId: second.tenantId } })).toBe(0);
  });

  it.each([
    ['get', '/api/v1/phone-numbers/available?country=MAR', undefined, 'query.country'],
    ['get', '/api/v1/phone-numbers/available?country=MA&contains=5a2', undefined, 'query.contains'],
    ['post', '/api/v1/phone-numbers', { number: '0522000000' }, 'body.number'],
    ['post', '/api/v1/phone-numbers', { number: '+212522000000', agentId: 'not-an-agent-of-mine' }, 'body.agentId'],
    ['post', '/api/v1/phone-numbers', { number: '+212522000000', tenantId: 'x' }, 'body'],
  ] as const)('when %s %s gets %j, then 400 names %s and nothing is bought', async (method, path, body, field) => {
    const s = await telephonyTenant();
    const before = twilio.requests.length;
    const req = request(t.app)[method](path).set(bearer(s));
    const res = body ? await req.send(body) : await req;
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toContain(field);
    expect(twilio.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('when Twilio sells nothing in a country, then 400 names query.country with rule no_numbers_sold', async () => {
    const s = await telephonyTenant();
    const res = await request(t.app).get('/api/v1/phone-numbers/available').query({ country: 'ZZ' }).set(bearer(s));
    expect(res.status).toBe(400);
    expect(problemOf(res).errors).toEqual([{ path: 'query.country', message: 'no numbers are sold in ZZ', rule: 'no_numbers_sold' }]);
  });

  it('when the plan lacks telephony, then 403 names the feature; a member may list but not buy', async () => {
    const starter = await t.register();
    const res = await request(t.app).get('/api/v1/phone-numbers').set(bearer(starter));
    expect(problemOf(res)).toMatchObject({ status: 403, code: 'PLAN_REQUIRED', feature: 'telephony', requiredPlan: 'telephony' });
    const owner = await telephonyTenant();
    const member = await addMemberSession(t, owner, 'member');
    expect((await request(t.app).get('/api/v1/phone-numbers').set(bearer(member))).status).toBe(200);
    expect((await request(t.app).post('/api/v1/phone-numbers').set(bearer(member)).send({ number: '+212522000102' })).status).toBe(403);
  });

  it('when the owner erases the tenant, then its Twilio numbers are released first', async () => {
    const s = await telephonyTenant();
    twilio.forSale.set('GB', ['+442070000001', '+442070000002']);
    for (const number of ['+442070000001', '+442070000002']) await request(t.app).post('/api/v1/phone-numbers').set(bearer(s)).send({ number }).expect(201);
    const held = [...twilio.owned.entries()].filter(([, n]) => n.startsWith('+44')).map(([sid]) => sid);
    expect(held).toHaveLength(2);
    const slug = (await request(t.app).get('/api/v1/tenant').set(bearer(s))).body.slug as string;
    const erased = await request(t.app).post('/api/v1/gdpr/erase').set(bearer(s)).send({ scope: 'tenant', confirm: slug });
    expect([erased.status, erased.body.deleted?.phoneNumbers]).toEqual([200, 2]);
    expect(held.filter((sid) => twilio.owned.has(sid))).toEqual([]);
    expect((await resolve('+442070000001')).status).toBe(404);
  });

  it('when telephony-bridge resolves a dialled number, then it gets the tenant, agent and effective call settings; unknown numbers are 404', async () => {
    const s = await telephonyTenant();
    const agent = await agentOf(s);
    twilio.forSale.set('ES', ['+34910000001']);
    await request(t.app).post('/api/v1/phone-numbers').set(bearer(s)).send({ number: '+34910000001', agentId: agent.id }).expect(201);
    await request(t.app).patch('/api/v1/tenant').set(bearer(s)).send({ callSettings: { recordCalls: true, maxCallSeconds: 600, transferDigit: '9' } }).expect(200);
    const res = await resolve('+34910000001');
    expect(res.status).toBe(200);
    expect(ResolvedPhoneNumber.parse(res.body)).toEqual({
      phoneNumberId: expect.any(String),
      number: '+34910000001',
      tenantId: s.tenantId,
      agentId: agent.id,
      settings: { recordCalls: true, maxCallSeconds: 600, transferDigit: '9', smsSummary: false, maxConcurrentCalls: 5 },
    });
    // Downgraded: the number stays the tenant's, but the line no longer answers.
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'pro' } });
    expect((await resolve('+34910000001')).status).toBe(404);
    const unknown = await resolve('+34910000999');
    expect([unknown.status, problemOf(unknown).code]).toEqual([404, 'NOT_FOUND']);
    expect(problemOf(await resolve('0034910000001')).errors?.map((e) => e.path)).toEqual(['query.number']);
    expect((await resolve('+34910000001', 'wrong-token-wrong-token-wrong')).status).toBe(401);
  });
});

describe('phone numbers without Twilio credentials', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
  });
  afterAll(() => t.close());

  it('when the platform has no Twilio account, then the telephony routes answer 503 telephony not configured, and listing still works', async () => {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'telephony' } });
    const search = await request(t.app).get('/api/v1/phone-numbers/available').query({ country: 'MA' }).set(bearer(s));
    expect(problemOf(search)).toMatchObject({ status: 503, code: 'UNAVAILABLE', detail: expect.stringMatching(/^Telephony not configured/) });
    const buy = await request(t.app).post('/api/v1/phone-numbers').set(bearer(s)).send({ number: '+212522000000' });
    expect(problemOf(buy)).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
    expect((await request(t.app).get('/api/v1/phone-numbers').set(bearer(s))).body).toEqual({ items: [] });
  });
});
