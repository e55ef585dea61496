import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { cheapestPlanWith } from '@vocalia/contracts';
import { routeDocs } from '../src/route-docs';
import type { RouteDoc } from '../src/http/route-doc';
import { bearer, createTenantResources, startTestApp, type TenantResources, type TestApp, type TestSession } from './support';

/** A body each route accepts, so the walk reaches the tenant lookup instead of stopping at a 400. */
const BODIES: Record<string, unknown> = {
  'PATCH /api/v1/agents/:id': { name: 'Hijacked' },
  'PUT /api/v1/agents/:id': { name: 'Hijacked' },
  'PATCH /api/v1/catalog/items/:id': { name: 'Hijacked' },
  'PATCH /api/v1/members/:userId': { role: 'member' },
  'POST /api/v1/api-keys/:id/rotate': { graceSeconds: 0 },
  'PATCH /api/v1/webhooks/endpoints/:id': { enabled: false },
  'POST /api/v1/webhooks/endpoints/:id/rotate-secret': { overlapSeconds: 0 },
  'POST /api/v1/webhooks/endpoints/:id/resend-failed': { since: '2000-01-01T00:00:00.000Z' },
  'PATCH /api/v1/phone-numbers/:id': { agentId: null },
  'PATCH /api/v1/leads/:id': { status: 'lost' },
  'PATCH /api/v1/bookings/:id': { status: 'cancelled' },
};

/** Every row tenant B owns, to prove the walk changed nothing. */
async function snapshotTenant(t: TestApp, tenantId: string): Promise<string> {
  const p = t.deps.prisma;
  const where = { where: { tenantId }, orderBy: { id: 'asc' as const } };
  const rows = await Promise.all([
    p.tenant.findUnique({ where: { id: tenantId } }),
    p.membership.findMany(where),
    p.invitation.findMany(where),
    p.apiKey.findMany(where),
    p.allowedOrigin.findMany(where),
    p.agent.findMany(where),
    p.knowledgeDocument.findMany(where),
    p.knowledgeChunk.findMany(where),
    p.catalogItem.findMany(where),
    p.conversation.findMany(where),
    p.message.findMany(where),
    p.call.findMany(where),
    p.phoneNumber.findMany(where),
    p.lead.findMany(where),
    p.booking.findMany(where),
    p.subscription.findMany(where),
    p.auditLog.findMany(where),
    p.webhookEndpoint.findMany(where),
    p.webhookDelivery.findMany(where),
  ]);
  return JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

function concretePath(doc: RouteDoc, id: string): string {
  const params = [...doc.path.matchAll(/:([A-Za-z0-9_]+)/g)];
  if (params.length !== 1) throw new Error(`${doc.path}: the walk handles one path parameter; extend it for nested resources`);
  return doc.path.replace(/:[A-Za-z0-9_]+/, encodeURIComponent(id));
}

function send(t: TestApp, doc: RouteDoc, path: string, credential: string) {
  const body = BODIES[`${doc.method.toUpperCase()} ${doc.path}`] ?? (doc.body ? {} : undefined);
  const req = request(t.app)[doc.method](path).set(bearer(credential));
  return body === undefined ? req : req.send(body as object);
}

/** Names of body and query fields ending in `Id` or `Ids`, found by walking the zod schema. */
function idFields(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def) return [];
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, field]) => [...(/Ids?$/.test(key) ? [key] : []), ...idFields(field)]);
    case 'union':
      return (def.options as unknown[]).flatMap(idFields);
    case 'array':
      return idFields(def.element);
    case 'pipe':
      return idFields(def.in);
    default:
      return 'innerType' in def ? idFields(def.innerType) : [];
  }
}

/** Global ids (the persona catalog is shared by every tenant): not a tenant's resource. */
const GLOBAL_ID_FIELDS = new Set(['personaId']);

describe("tenant isolation: A's credentials against every one of B's resources", () => {
  let t: TestApp;
  let a: TestSession;
  let b: TestSession;
  let fixtures: TenantResources;
  let credentials: { name: string; token: string; role: 'owner' | 'admin' }[];

  beforeAll(async () => {
    t = await startTestApp();
    a = await t.register(undefined, 'Tenant A');
    b = await t.register(undefined, 'Tenant B');
    // A on the same plan as B's fixtures (catalog, knowledge base), so plan checks do not hide the lookups.
    await t.deps.prisma.tenant.update({ where: { id: a.tenantId }, data: { plan: 'ecommerce' } });
    fixtures = await createTenantResources(t, b);
    const aKey = await t.createApiKey(a, 'A key');
    credentials = [
      { name: 'JWT (owner)', token: a.accessToken, role: 'owner' },
      { name: 'API key (admin)', token: aKey.key, role: 'admin' },
    ];
  });
  afterAll(() => t.close());

  /** A on a plan granting the route's feature (no plan has every feature), so plan checks do not hide the lookups. */
  const onPlanFor = (doc: RouteDoc) => t.deps.prisma.tenant.update({ where: { id: a.tenantId }, data: { plan: doc.feature ? cheapestPlanWith(doc.feature) : 'ecommerce' } });

  const resourceRoutes = routeDocs.filter((d) => d.auth !== 'public' && d.path.includes(':') && d.path.startsWith('/api/v1/'));

  it('when a route takes an id, then it names its resource and the walk has one of that kind in tenant B (no route is skipped)', () => {
    const unnamed = resourceRoutes.filter((d) => !d.resource && d.path !== '/api/v1/features/:feature');
    expect(unnamed.map((d) => `${d.method} ${d.path}`)).toEqual([]);
    const missing = resourceRoutes.filter((d) => d.resource && !fixtures[d.resource]).map((d) => d.resource);
    expect(missing).toEqual([]);
    const walked = new Set(resourceRoutes.map((d) => d.resource));
    expect(Object.keys(fixtures).filter((kind) => !walked.has(kind))).toEqual([]);
  });

  it("when A calls every resource route with B's ids, then 404 (or the same 403 a missing id gets), and B's rows are unchanged", async () => {
    const before = await snapshotTenant(t, b.tenantId);
    const results: string[] = [];
    for (const doc of resourceRoutes.filter((d) => d.resource)) {
      await onPlanFor(doc);
      for (const credential of credentials) {
        const res = await send(t, doc, concretePath(doc, fixtures[doc.resource as string] as string), credential.token);
        const control = await send(t, doc, concretePath(doc, `missing_${randomUUID()}`), credential.token);
        const expected = doc.roles && !doc.roles.includes(credential.role) ? 403 : 404;
        results.push(`${doc.method.toUpperCase()} ${doc.path} [${credential.name}] -> ${res.status}${res.status === control.status ? '' : ` (missing id: ${control.status})`}`);
        if (res.status !== expected || control.status !== expected) continue;
        expect(res.text.includes(b.tenantId)).toBe(false);
      }
    }
    const wrong = results.filter((line) => !/-> 40[34]$/.test(line));
    expect(wrong).toEqual([]);
    expect(results.filter((line) => line.endsWith('403')).every((line) => line.includes('API key'))).toBe(true);
    expect(await snapshotTenant(t, b.tenantId)).toBe(before);
  });

  it("when A lists every collection, then none of B's ids appear", async () => {
    const lists = routeDocs.filter((d) => d.method === 'get' && d.auth !== 'public' && !d.path.includes(':') && d.path.startsWith('/api/v1/'));
    const ids = [...Object.values(fixtures), b.tenantId];
    for (const doc of lists) {
      await onPlanFor(doc);
      for (const credential of credentials) {
        const res = await request(t.app).get(doc.path).query(doc.path === '/api/v1/knowledge/search' ? { q: 'lundi', language: 'fr' } : {}).set(bearer(credential.token));
        expect([doc.path, credential.name, ids.filter((id) => res.text.includes(id))]).toEqual([doc.path, credential.name, []]);
      }
    }
  });

  it("when B's own owner calls the same routes, then they answer (the fixtures are real)", async () => {
    for (const [path, id] of [
      ['/api/v1/agents/', fixtures.agent],
      ['/api/v1/knowledge/documents/', fixtures.knowledge_document],
      ['/api/v1/catalog/items/', fixtures.catalog_item],
      ['/api/v1/conversations/', fixtures.conversation],
      ['/api/v1/calls/', fixtures.call],
    ]) {
      expect([path, (await request(t.app).get(`${path}${id}`).set(bearer(b))).status]).toEqual([path, 200]);
    }
  });

  describe("when A's request carries B's ids in its body", () => {
    let aPhone: string;
    let bSessionId: string;
    let bHubspotPortal: string;
    /** Each route whose body or query names a tenant's resource by id: what A sends, with B's ids in it. */
    let bodies: Record<string, () => object>;

    beforeAll(async () => {
      // Directly: buying goes through Twilio, which the walk does not need.
      aPhone = (await t.deps.prisma.phoneNumber.create({ data: { tenantId: a.tenantId, number: `+2126${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}` } })).id;
      bSessionId = (await t.deps.prisma.conversation.findUniqueOrThrow({ where: { id: fixtures.conversation } })).sessionId;
      bHubspotPortal = (await t.deps.prisma.integrationConnection.findUniqueOrThrow({ where: { id: fixtures.integration } })).accountId;
      bodies = {
        'POST /api/v1/auth/login': () => ({ email: a.email, password: a.password, tenantId: b.tenantId }),
        'POST /api/v1/phone-numbers': () => ({ number: '+212522000111', agentId: fixtures.agent }),
        'PATCH /api/v1/phone-numbers/:id': () => ({ agentId: fixtures.agent }),
        'POST /api/v1/calls': () => ({ to: '+212600000111', agentId: fixtures.agent }),
        'POST /api/v1/gdpr/erase': () => ({ scope: 'subject', sessionId: bSessionId, confirm: true }),
        // B's HubSpot portal: connecting it from A must not take it over.
        'POST /api/v1/integrations': () => ({ provider: 'hubspot', accountId: bHubspotPortal, secret: 'a-secret-of-tenant-a-0123456789' }),
      };
    });

    const bodyIdRoutes = routeDocs.filter((d) => [...idFields(d.body), ...idFields(d.query)].some((f) => !GLOBAL_ID_FIELDS.has(f)));
    const key = (doc: RouteDoc) => `${doc.method.toUpperCase()} ${doc.path}`;

    it('then every such route is in the walk (no route is skipped)', () => {
      expect(bodyIdRoutes.map(key).filter((k) => !(k in bodies)).sort()).toEqual([]);
    });

    it("then none acts on B's resources: 4xx, or nothing of B's found, and B's rows are unchanged", async () => {
      const before = await snapshotTenant(t, b.tenantId);
      const results: string[] = [];
      for (const doc of bodyIdRoutes) {
        await onPlanFor(doc);
        const path = doc.path.replace(/:[A-Za-z0-9_]+/, aPhone);
        const req = request(t.app)[doc.method](path).send(bodies[key(doc)]!());
        const res = await (doc.auth === 'public' ? req : req.set(bearer(a.accessToken)));
        results.push(`${key(doc)} -> ${res.status} ${(res.body as { code?: string }).code ?? ''}${res.text.includes(b.tenantId) ? " (names B's tenant)" : ''}`);
        if (key(doc) === 'POST /api/v1/gdpr/erase' && res.status === 200) expect(Object.values((res.body as { deleted: Record<string, number> }).deleted).every((n) => n === 0)).toBe(true);
      }
      // Buying asks Twilio first, which this app has none of: 503 there, before any row is written.
      const refused = /-> (4\d\d \w+|503 UNAVAILABLE)$/;
      expect(results.filter((line) => !refused.test(line) && line !== 'POST /api/v1/gdpr/erase -> 200 ')).toEqual([]);
      expect(await snapshotTenant(t, b.tenantId)).toBe(before);
      const aPhoneNow = await t.deps.prisma.phoneNumber.findUniqueOrThrow({ where: { id: aPhone } });
      expect(aPhoneNow.agentId).toBeNull();
      expect(await t.deps.prisma.call.count({ where: { tenantId: a.tenantId } })).toBe(0);
    });
  });
});
