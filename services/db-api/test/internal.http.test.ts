import request from 'supertest';
import { INTERNAL_TOKEN_HEADER, SocialProofResponse, TenantSnapshot } from '@vocalia/contracts';
import { bearer, problemOf, startTestApp, type TestApp } from './support';

const TOKEN = 'internal-token-for-tests-0123456789';

describe('internal endpoints for voice-api', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false, env: { INTERNAL_API_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  const internal = (path: string, token: string | null = TOKEN) => {
    const req = request(t.app).get(path);
    return token === null ? req : req.set(INTERNAL_TOKEN_HEADER, token);
  };

  it.each([[null], ['wrong-token-wrong-token-wrong'], [`${TOKEN}x`]])('when the internal token is %s, then 401', async (token) => {
    const s = await t.register();
    const res = await internal(`/internal/v1/tenants/${s.tenantId}/snapshot`, token);
    expect(res.status).toBe(401);
    expect(problemOf(res).code).toBe('UNAUTHENTICATED');
    expect((await internal(`/internal/v1/tenants/${s.tenantId}/activity`, token)).status).toBe(401);
  });

  it('when a dashboard token is used instead of the internal one, then 401', async () => {
    const s = await t.register();
    expect((await request(t.app).get(`/internal/v1/tenants/${s.tenantId}/snapshot`).set(bearer(s))).status).toBe(401);
  });

  it('when the tenant is unknown, then 404', async () => {
    expect((await internal('/internal/v1/tenants/nope/snapshot')).status).toBe(404);
    expect((await internal('/internal/v1/tenants/nope/activity')).status).toBe(404);
  });

  it('when a fresh tenant is read, then the snapshot is valid with defaults (all five languages), origins, no agent and empty knowledge', async () => {
    const s = await t.register(undefined, 'Cabinet Atlas');
    await request(t.app).post('/api/v1/origins').set(bearer(s)).send({ origin: 'https://cabinet-atlas.example' }).expect(201);
    const res = await internal(`/internal/v1/tenants/${s.tenantId}/snapshot`);
    expect(res.status).toBe(200);
    const snap = TenantSnapshot.parse(res.body);
    expect(snap.tenant).toMatchObject({ id: s.tenantId, name: 'Cabinet Atlas', plan: 'starter', status: 'trialing', defaultLanguage: 'fr', leadThreshold: 60 });
    expect(snap.tenant.features).toContain('knowledge_base');
    expect(snap.allowedOrigins).toEqual(['https://cabinet-atlas.example']);
    expect(snap.agent).toBeNull();
    expect(snap.agents).toEqual([]);
    expect(snap.widget).toEqual({
      branding: { primaryColor: '#2563eb', textColor: '#ffffff', fontFamily: 'system-ui', position: 'bottom-right', showPoweredBy: true },
      languages: ['fr', 'en', 'es', 'ar', 'ary'], greeting: {}, ecommerce: false,
    });
    expect(snap.knowledge).toEqual([]);
    expect(snap.catalog).toEqual([]);
  });

  it('when the tenant adds knowledge, an agent and a catalog item, then they are in the snapshot and the version changes each time', async () => {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'ecommerce' } });
    const versions = new Set<string>();
    const read = async () => {
      const snap = TenantSnapshot.parse((await internal(`/internal/v1/tenants/${s.tenantId}/snapshot`)).body);
      versions.add(snap.version);
      return snap;
    };
    await read();
    expect((await read()).version).toBe([...versions][0]);
    await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ title: 'Hours', kind: 'text', language: 'fr', content: 'Ouvert du lundi au samedi.' }).expect(201);
    expect((await read()).knowledge).toEqual([expect.objectContaining({ title: 'Hours', language: 'fr', text: 'Ouvert du lundi au samedi.' })]);
    await t.deps.prisma.agent.create({ data: { tenantId: s.tenantId, name: 'Sara', personaId: 'dental', languages: ['fr', 'en'], greeting: { fr: 'Bonjour' }, tools: ['booking'], isDefault: true } });
    expect((await read()).agent).toMatchObject({ name: 'Sara', personaId: 'dental', languages: ['fr', 'en'], greeting: { fr: 'Bonjour' }, tools: ['booking'] });
    await request(t.app).post('/api/v1/catalog/items').set(bearer(s)).send({ sku: 'TEA', name: 'Mint tea', price: 3.5 }).expect(201);
    expect((await read()).catalog).toEqual([expect.objectContaining({ sku: 'TEA', name: 'Mint tea', price: 3.5, currency: 'EUR', stock: 0 })]);
    await request(t.app).put('/api/v1/widget').set(bearer(s)).send({ primaryColor: '#000000' }).expect(200);
    expect((await read()).widget.branding.primaryColor).toBe('#000000');
    expect(versions.size).toBe(5);
  });

  it('when the tenant has several agents, then the snapshot carries each (persona, languages, instructions, tools), the default first; a deleted one is gone', async () => {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'pro' } });
    const create = (body: object) => request(t.app).post('/api/v1/agents').set(bearer(s)).send(body).expect(201);
    const salma = (await create({ name: 'Salma', personaId: 'dental', languages: ['fr', 'ar'], instructions: 'Speak of implants.', tools: ['booking'] })).body as { id: string };
    const karim = (await create({ name: 'Karim', personaId: 'restaurant', languages: ['en'], instructions: 'Speak of tables.', tools: ['handoff'] })).body as { id: string };
    const read = async () => TenantSnapshot.parse((await internal(`/internal/v1/tenants/${s.tenantId}/snapshot`)).body);
    const snap = await read();
    expect(snap.agents).toEqual([
      expect.objectContaining({ id: salma.id, name: 'Salma', personaId: 'dental', languages: ['fr', 'ar'], instructions: 'Speak of implants.', tools: ['booking'] }),
      expect.objectContaining({ id: karim.id, name: 'Karim', personaId: 'restaurant', languages: ['en'], instructions: 'Speak of tables.', tools: ['handoff'] }),
    ]);
    expect(snap.agent?.id).toBe(salma.id);
    await request(t.app).delete(`/api/v1/agents/${karim.id}`).set(bearer(s)).expect(204);
    expect((await read()).agents?.map((a) => a.id)).toEqual([salma.id]);
  });

  it('when the tenant has no activity, then the list is empty', async () => {
    const s = await t.register();
    const res = await internal(`/internal/v1/tenants/${s.tenantId}/activity`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  });

  it('when there are conversations, bookings and qualified leads, then activity lists them newest first, anonymised, in the asked language', async () => {
    const s = await t.register();
    const db = t.deps.prisma;
    const c = await db.conversation.create({ data: { tenantId: s.tenantId, sessionId: 'sess-social-01', channel: 'widget', language: 'fr', startedAt: new Date(Date.now() - 3000), contact: { name: 'Nadia Benali', email: 'nadia@example.test' } } });
    await db.lead.create({ data: { tenantId: s.tenantId, conversationId: c.id, score: 80, status: 'qualified', name: 'Nadia Benali', email: 'nadia@example.test', createdAt: new Date(Date.now() - 2000) } });
    await db.booking.create({ data: { tenantId: s.tenantId, conversationId: c.id, eventId: 'bk-social-01', name: 'Nadia Benali', phone: '+212600000000', service: 'Implant', createdAt: new Date(Date.now() - 1000) } });
    const res = await internal(`/internal/v1/tenants/${s.tenantId}/activity?limit=10`);
    const body = SocialProofResponse.parse(res.body);
    expect(body.items.map((i) => i.kind)).toEqual(['booking', 'lead', 'conversation']);
    expect(body.items[0]?.text).toBe('Un visiteur a réservé un rendez-vous');
    expect(JSON.stringify(body)).not.toMatch(/Nadia|nadia|\+2126|Implant/);
    const en = SocialProofResponse.parse((await internal(`/internal/v1/tenants/${s.tenantId}/activity?limit=1&language=en`)).body);
    expect(en.items).toEqual([{ kind: 'booking', text: 'A visitor booked an appointment', at: expect.any(String) }]);
    expect((await internal(`/internal/v1/tenants/${s.tenantId}/activity?limit=500`)).status).toBe(400);
  });
});
