import request from 'supertest';
import { PersonaListResponse } from '@vocalia/contracts';
import { addMemberSession, bearer, listenTenantUpdates, problemOf, startTestApp, type TestApp, type TestSession } from './support';

const SECTORS = ['dental', 'real_estate', 'notary', 'travel', 'ecommerce', 'restaurant', 'legal', 'clinic', 'insurance', 'automotive', 'education', 'hospitality', 'agency', 'renting', 'fitness', 'beauty', 'accounting', 'plumbing', 'telecom'];

const agent = (extra: Record<string, unknown> = {}) => ({
  name: 'Sara',
  personaId: 'dental',
  languages: ['fr', 'ar'],
  voice: 'alloy',
  greeting: { fr: 'Bonjour, ici le cabinet Atlas.', ar: 'مرحبا بكم في عيادة أطلس' },
  instructions: 'Toujours proposer un rendez-vous.',
  tools: ['lead_qualification', 'handoff'],
  transferNumber: '+212522000000',
  ...extra,
});

describe('personas and agents', () => {
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

  async function proTenant(): Promise<TestSession> {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'pro' } });
    return s;
  }

  it('when the personas are listed, then every sector is there with its languages', async () => {
    const res = await request(t.app).get('/api/v1/personas');
    expect(res.status).toBe(200);
    const body = PersonaListResponse.parse(res.body);
    expect(body.items.map((p) => p.id)).toEqual(expect.arrayContaining(SECTORS));
    expect(body.items.find((p) => p.id === 'dental')?.languages).toEqual(['fr', 'en', 'es', 'ar', 'ary']);
  });

  it('when the first agent is created, then it is the default, stored as sent, audited and announced', async () => {
    const s = await t.register();
    const res = await request(t.app).post('/api/v1/agents').set(bearer(s)).send(agent());
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/agents/${res.body.id}`);
    expect(res.body).toMatchObject({ ...agent(), isDefault: true });
    await expect(updates.waitFor(s.tenantId, 'agents')).resolves.toBeDefined();
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'agent.created' } })).toBe(1);
    const list = await request(t.app).get('/api/v1/agents').set(bearer(s));
    expect(list.body.items).toHaveLength(1);
  });

  it('when another agent is made the default, then exactly one default remains; deleting it promotes the oldest', async () => {
    const s = await proTenant();
    const first = await request(t.app).post('/api/v1/agents').set(bearer(s)).send(agent({ name: 'One' }));
    const second = await request(t.app).post('/api/v1/agents').set(bearer(s)).send(agent({ name: 'Two' }));
    expect(second.body.isDefault).toBe(false);
    const third = await request(t.app).post('/api/v1/agents').set(bearer(s)).send(agent({ name: 'Three', isDefault: true }));
    expect(third.body.isDefault).toBe(true);
    const defaults = async () => (await t.deps.prisma.agent.findMany({ where: { tenantId: s.tenantId, isDefault: true } })).map((a) => a.name);
    expect(await defaults()).toEqual(['Three']);
    await request(t.app).patch(`/api/v1/agents/${second.body.id}`).set(bearer(s)).send({ isDefault: true }).expect(200);
    expect(await defaults()).toEqual(['Two']);
    const unset = await request(t.app).patch(`/api/v1/agents/${second.body.id}`).set(bearer(s)).send({ isDefault: false });
    expect(unset.status).toBe(409);
    await request(t.app).delete(`/api/v1/agents/${second.body.id}`).set(bearer(s)).expect(204);
    expect(await defaults()).toEqual(['One']);
    expect(first.status).toBe(201);
  });

  it('when an agent is patched, then only the fields sent change, and null clears the transfer number', async () => {
    const s = await t.register();
    const created = await request(t.app).post('/api/v1/agents').set(bearer(s)).send(agent());
    const res = await request(t.app).patch(`/api/v1/agents/${created.body.id}`).set(bearer(s)).send({ name: 'Sara 2', transferNumber: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Sara 2', transferNumber: null, personaId: 'dental', languages: ['fr', 'ar'] });
  });

  it.each([
    [{ personaId: 'astrologer' }, 'body.personaId', 'invalid_choice'],
    [{ languages: ['fr', 'de'] }, 'body.languages.1', 'invalid_choice'],
    [{ languages: [] }, 'body.languages', 'required'],
    [{ greeting: { en: 'Hello' } }, 'body.greeting.en', 'language_not_listed'],
    [{ instructions: 'x'.repeat(8001) }, 'body.instructions', 'too_long'],
    [{ tools: ['send_bitcoin'] }, 'body.tools.0', 'invalid_choice'],
    [{ transferNumber: '0522000000' }, 'body.transferNumber', 'invalid_format'],
    [{ name: '' }, 'body.name', 'required'],
    [{ tenantId: 'someone-else' }, 'body', undefined],
  ])('when the agent body has %j, then 400 names %s (rule %s)', async (extra, path, rule) => {
    const s = await t.register();
    const res = await request(t.app).post('/api/v1/agents').set(bearer(s)).send(agent(extra));
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toContain(path);
    expect(problemOf(res).errors?.find((e) => e.path === path)?.rule).toBe(rule);
  });

  it("when a tool needs a feature the plan lacks, then 403 PLAN_REQUIRED names it", async () => {
    const s = await t.register();
    const res = await request(t.app).post('/api/v1/agents').set(bearer(s)).send(agent({ tools: ['booking'] }));
    expect(res.status).toBe(403);
    expect(problemOf(res)).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'booking', requiredPlan: 'pro' });
  });

  it("when the plan's agent quota is reached, then 403 PLAN_REQUIRED names a plan with more", async () => {
    const s = await t.register();
    await request(t.app).post('/api/v1/agents').set(bearer(s)).send(agent()).expect(201);
    const res = await request(t.app).post('/api/v1/agents').set(bearer(s)).send(agent({ name: 'Second' }));
    expect(res.status).toBe(403);
    expect(problemOf(res)).toMatchObject({ code: 'PLAN_REQUIRED', requiredPlan: 'pro' });
    expect(await t.deps.prisma.agent.count({ where: { tenantId: s.tenantId } })).toBe(1);
  });

  it('when two agents are created at once on a one-agent plan, then exactly one is stored', async () => {
    const s = await t.register();
    const results = await Promise.all([1, 2, 3].map((i) => request(t.app).post('/api/v1/agents').set(bearer(s)).send(agent({ name: `Racer ${i}` }))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 403, 403]);
    expect(await t.deps.prisma.agent.count({ where: { tenantId: s.tenantId } })).toBe(1);
  });

  it("when another tenant's agent is read, changed or deleted, then 404 and it is untouched", async () => {
    const a = await t.register();
    const b = await t.register();
    const created = await request(t.app).post('/api/v1/agents').set(bearer(a)).send(agent());
    const id = created.body.id as string;
    expect((await request(t.app).get(`/api/v1/agents/${id}`).set(bearer(b))).status).toBe(404);
    expect((await request(t.app).patch(`/api/v1/agents/${id}`).set(bearer(b)).send({ name: 'Stolen' })).status).toBe(404);
    expect((await request(t.app).delete(`/api/v1/agents/${id}`).set(bearer(b))).status).toBe(404);
    expect((await request(t.app).get('/api/v1/agents').set(bearer(b))).body.items).toEqual([]);
    expect((await t.deps.prisma.agent.findUnique({ where: { id } }))?.name).toBe('Sara');
  });

  it('when a member (not admin) creates an agent, then 403; listing is allowed; an API key may create', async () => {
    const owner = await t.register();
    const member = await addMemberSession(t, owner, 'member');
    expect((await request(t.app).post('/api/v1/agents').set(bearer(member)).send(agent())).status).toBe(403);
    expect((await request(t.app).get('/api/v1/agents').set(bearer(member))).status).toBe(200);
    const key = await t.createApiKey(owner);
    expect((await request(t.app).post('/api/v1/agents').set(bearer(key.key)).send(agent())).status).toBe(201);
  });
});
