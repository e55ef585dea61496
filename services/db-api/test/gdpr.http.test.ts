import request from 'supertest';
import { addMemberSession, bearer, listenTenantUpdates, problemOf, startTestApp, type TestApp, type TestSession } from './support';

describe('GDPR export and erasure', () => {
  let t: TestApp;
  let updates: Awaited<ReturnType<typeof listenTenantUpdates>>;
  beforeAll(async () => {
    // Three rows a query: every export below reads its tables over several pages.
    t = await startTestApp({ workers: false, env: { GDPR_EXPORT_BATCH_ROWS: '3' } });
    updates = await listenTenantUpdates();
  });
  afterAll(async () => {
    await updates.close();
    await t.close();
  });

  /** Two visitors' conversations with messages, a lead, a booking, a call, a phone number, a Shopify connection, orders, a cart and the provider bodies. */
  async function seed(s: TestSession) {
    const db = t.deps.prisma;
    const tenantId = s.tenantId;
    const amina = await db.conversation.create({ data: { tenantId, sessionId: 'sess-amina-0001', channel: 'widget', language: 'fr', contact: { name: 'Amina', email: 'Amina@Example.test' } } });
    const callSid = `CA-karim-${tenantId}`;
    const karim = await db.conversation.create({ data: { tenantId, sessionId: callSid, channel: 'phone', language: 'fr', contact: { phone: '0612345678' } } });
    for (const [c, i] of [[amina, 1], [karim, 2]] as const) {
      await db.message.createMany({ data: [{ tenantId, conversationId: c.id, role: 'user', text: `hello ${i}`, eventId: `ev-${c.id}:user` }, { tenantId, conversationId: c.id, role: 'assistant', text: `hi ${i}`, eventId: `ev-${c.id}:assistant` }] });
    }
    await db.lead.create({ data: { tenantId, conversationId: amina.id, score: 70, name: 'Amina', email: 'amina@example.test' } });
    await db.booking.create({ data: { tenantId, conversationId: amina.id, eventId: `bk-${amina.id}`, name: 'Amina', email: 'amina@example.test' } });
    await db.call.create({ data: { tenantId, callSid, direction: 'inbound', fromMasked: '+********5678', conversationId: karim.id } });
    // Carried over from the former free list: no Twilio SID, so erasing needs no Twilio.
    await db.phoneNumber.create({ data: { tenantId, number: `+2125${Date.now().toString().slice(-8)}`, capabilities: ['voice'] } });
    await db.integrationConnection.create({ data: { tenantId, provider: 'shopify', accountId: `shop-${tenantId}.myshopify.com`, secretCiphertext: 'c2VjcmV0LWNpcGhlcnRleHQ=', secretKeyId: 'k1' } });
    const lead = await db.lead.findFirstOrThrow({ where: { tenantId, conversationId: amina.id } });
    await db.shopOrder.create({ data: { tenantId, externalId: '1001', name: '#1001', email: null, leadId: lead.id, totalPrice: '42.00', currency: 'MAD', orderedAt: new Date() } });
    await db.shopOrder.create({ data: { tenantId, externalId: '1002', name: '#1002', email: 'omar@example.test', totalPrice: '10.00', currency: 'MAD', orderedAt: new Date() } });
    await db.abandonedCheckout.create({ data: { tenantId, token: `cart-amina-${tenantId}`, email: 'amina@example.test', phone: '+********5678', totalPrice: '42.00', currency: 'MAD' } });
    const inbound = (id: string, payload: object) => db.inboundEvent.create({ data: { tenantId, provider: 'shopify', providerEventId: `${id}-${tenantId}`, type: 'orders/create', payload, processedAt: new Date() } });
    await inbound('amina', { email: 'amina@example.test', customer: { first_name: 'Amina' } });
    await inbound('karim', { phone: '+212612345678' });
    await inbound('omar', { email: 'omar@example.test' });
    return { amina, karim };
  }

  it('when an admin exports, then every table of the tenant is there, without password or key hashes, and the export is audited', async () => {
    const s = await t.register(undefined, 'Export Co');
    await seed(s);
    await t.createApiKey(s);
    const res = await request(t.app).post('/api/v1/gdpr/export').set(bearer(s));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(res.body.tenant).toMatchObject({ id: s.tenantId, name: 'Export Co' });
    expect(res.body.members).toEqual([expect.objectContaining({ email: s.email, role: 'owner' })]);
    expect(res.body.conversations).toHaveLength(2);
    expect(res.body.conversations[0].messages).toHaveLength(2);
    expect(res.body.leads).toHaveLength(1);
    expect(res.body.bookings).toHaveLength(1);
    expect(res.body.calls).toHaveLength(1);
    expect(res.body.phoneNumbers).toEqual([expect.objectContaining({ capabilities: ['voice'] })]);
    expect(res.body.apiKeys).toHaveLength(1);
    expect(res.body.shopOrders.map((o: { name: string }) => o.name).sort()).toEqual(['#1001', '#1002']);
    expect(res.body.abandonedCheckouts).toEqual([expect.objectContaining({ email: 'amina@example.test' })]);
    expect(res.body.integrations).toEqual([expect.objectContaining({ provider: 'shopify', accountId: `shop-${s.tenantId}.myshopify.com` })]);
    expect(res.body.inboundEvents).toHaveLength(3);
    expect(Array.isArray(res.body.audit)).toBe(true);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/passwordHash|password_hash|keyHash|\$argon2|secretCiphertext|c2VjcmV0LWNpcGhlcnRleHQ/);
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'gdpr.exported' } })).toBe(1);
  });

  /** The whole-document export as it was built in memory: every table read at once, in key order. */
  async function exportInMemory(tenantId: string) {
    const db = t.deps.prisma;
    const where = { where: { tenantId }, orderBy: { id: 'asc' as const } };
    const members = await db.membership.findMany({ ...where, select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true, createdAt: true } } } });
    const data = {
      tenant: await db.tenant.findUnique({ where: { id: tenantId } }),
      members: members.map((m) => ({ ...m.user, role: m.role, memberSince: m.createdAt })),
      allowedOrigins: await db.allowedOrigin.findMany({ ...where, select: { origin: true, createdAt: true } }),
      apiKeys: await db.apiKey.findMany({ ...where, select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true } }),
      agents: await db.agent.findMany(where),
      knowledgeDocuments: await db.knowledgeDocument.findMany({ ...where, include: { chunks: { orderBy: { ordinal: 'asc' }, select: { ordinal: true, language: true, text: true } } } }),
      catalogItems: await db.catalogItem.findMany(where),
      conversations: await db.conversation.findMany({ ...where, include: { messages: { orderBy: { createdAt: 'asc' } } } }),
      calls: await db.call.findMany(where),
      phoneNumbers: await db.phoneNumber.findMany({ ...where, select: { id: true, number: true, agentId: true, capabilities: true, createdAt: true } }),
      leads: await db.lead.findMany(where),
      bookings: await db.booking.findMany(where),
      shopOrders: await db.shopOrder.findMany(where),
      abandonedCheckouts: await db.abandonedCheckout.findMany(where),
      integrations: await db.integrationConnection.findMany({ ...where, select: { id: true, provider: true, accountId: true, createdAt: true, updatedAt: true } }),
      inboundEvents: await db.inboundEvent.findMany({ ...where, select: { id: true, provider: true, providerEventId: true, type: true, payload: true, receivedAt: true, processedAt: true } }),
      webhookEndpoints: await db.webhookEndpoint.findMany({ ...where, select: { id: true, url: true, eventTypes: true, enabled: true, createdAt: true } }),
      usageRecords: await db.usageRecord.findMany(where),
      subscription: await db.subscription.findUnique({ where: { tenantId } }),
      audit: await db.auditLog.findMany({ where: { tenantId }, orderBy: { seq: 'asc' } }),
    };
    return JSON.parse(JSON.stringify(data, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))) as Record<string, unknown>;
  }

  it('when a tenant with several pages of rows exports, then the document streams a page per query and equals the in-memory export', async () => {
    const s = await t.register(undefined, 'Paged Co');
    const tenantId = s.tenantId;
    const db = t.deps.prisma;
    await seed(s);
    for (let i = 0; i < 2; i++) await seed(await t.register());
    for (let i = 0; i < 4; i++) {
      const c = await db.conversation.create({ data: { tenantId, sessionId: `sess-paged-${i}`, channel: 'widget', language: 'fr' } });
      await db.message.createMany({ data: [{ tenantId, conversationId: c.id, role: 'user', text: `q${i}`, eventId: `pq-${c.id}` }, { tenantId, conversationId: c.id, role: 'assistant', text: `a${i}`, eventId: `pa-${c.id}` }] });
      await db.lead.create({ data: { tenantId, conversationId: c.id, score: 40 + i } });
    }
    await db.catalogItem.createMany({ data: Array.from({ length: 7 }, (_, i) => ({ tenantId, sku: `SKU-${i}`, name: `Item ${i}`, price: `${i}.50` })) });
    for (let i = 0; i < 2; i++) {
      const doc = await db.knowledgeDocument.create({ data: { tenantId, title: `Doc ${i}`, kind: 'text', language: 'fr', sizeBytes: 10, sha256: `${i}`.repeat(64) } });
      await db.knowledgeChunk.createMany({ data: [0, 1].map((ordinal) => ({ tenantId, documentId: doc.id, ordinal, language: 'fr', text: `chunk ${i}.${ordinal}` })) });
    }
    for (let i = 0; i < 4; i++) await t.createApiKey(s, `key ${i}`);
    const expected = await exportInMemory(tenantId);
    expect((expected.audit as unknown[]).length).toBeGreaterThan(3);

    const reads = [jest.spyOn(db.conversation, 'findMany'), jest.spyOn(db.catalogItem, 'findMany'), jest.spyOn(db.auditLog, 'findMany')];
    const res = await request(t.app).post('/api/v1/gdpr/export').set(bearer(s));
    const [conversations, catalog, audit] = reads.map((r) => r.mock.calls.map(([args]) => (args as { take?: number }).take));
    reads.forEach((r) => r.mockRestore());
    expect(res.status).toBe(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    // One conversation (with its messages) a query, then the short page that ends the table.
    expect(conversations).toEqual(Array((expected.conversations as unknown[]).length + 1).fill(1));
    expect(catalog).toEqual([3, 3, 3]);
    expect(audit?.length).toBe(Math.floor((expected.audit as unknown[]).length / 3) + 1);
    const { exportedAt, ...rest } = res.body as Record<string, unknown>;
    expect(exportedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(rest).toEqual(expected);
    expect(Object.keys(res.body as object)).toEqual(['exportedAt', ...Object.keys(expected)]);
  });

  it('when a member (not admin) exports, then 403', async () => {
    const owner = await t.register();
    const member = await addMemberSession(t, owner, 'member');
    expect((await request(t.app).post('/api/v1/gdpr/export').set(bearer(member))).status).toBe(403);
  });

  it('when a subject erasure has no confirmation, then 400 says what to send and nothing is deleted', async () => {
    const s = await t.register();
    await seed(s);
    const res = await request(t.app).post('/api/v1/gdpr/erase').set(bearer(s)).send({ scope: 'subject', email: 'amina@example.test' });
    expect(res.status).toBe(400);
    const problem = problemOf(res);
    expect(problem.detail).toContain('"confirm":true');
    expect(problem.errors?.[0]).toMatchObject({ path: 'body.confirm', rule: 'confirmation_required' });
    expect(await t.deps.prisma.conversation.count({ where: { tenantId: s.tenantId } })).toBe(2);
  });

  it("when one person is erased by email, then only that person's conversations, messages, lead, booking, shop order, cart and provider bodies go", async () => {
    const s = await t.register();
    const { karim } = await seed(s);
    const res = await request(t.app).post('/api/v1/gdpr/erase').set(bearer(s)).send({ scope: 'subject', email: 'AMINA@example.test', confirm: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ scope: 'subject', deleted: { conversations: 1, messages: 2, leads: 1, bookings: 1, calls: 0, shopOrders: 1, abandonedCheckouts: 1, inboundPayloads: 1 } });
    const left = await t.deps.prisma.conversation.findMany({ where: { tenantId: s.tenantId } });
    expect(left.map((c) => c.id)).toEqual([karim.id]);
    expect((await t.deps.prisma.shopOrder.findMany({ where: { tenantId: s.tenantId } })).map((o) => o.name)).toEqual(['#1002']);
    expect(await t.deps.prisma.abandonedCheckout.count({ where: { tenantId: s.tenantId } })).toBe(0);
    const bodies = await t.deps.prisma.inboundEvent.findMany({ where: { tenantId: s.tenantId }, orderBy: { providerEventId: 'asc' } });
    expect(bodies.map((e) => e.payload)).toEqual([{}, { phone: '+212612345678' }, { email: 'omar@example.test' }]);
    const audit = await t.deps.prisma.auditLog.findFirst({ where: { tenantId: s.tenantId, action: 'gdpr.subject_erased' } });
    expect(JSON.stringify(audit?.meta)).not.toContain('amina');
  });

  it('when a caller is erased by phone in international form, then the conversation stored with a national number and its call go', async () => {
    const s = await t.register();
    await seed(s);
    const res = await request(t.app).post('/api/v1/gdpr/erase').set(bearer(s)).send({ scope: 'subject', phone: '+212 6 12 34 56 78', confirm: true });
    expect(res.body.deleted).toEqual({ conversations: 1, messages: 2, leads: 0, bookings: 0, calls: 1, shopOrders: 0, abandonedCheckouts: 0, inboundPayloads: 1 });
    expect(await t.deps.prisma.inboundEvent.findMany({ where: { tenantId: s.tenantId, payload: { equals: {} } }, select: { providerEventId: true } })).toEqual([{ providerEventId: `karim-${s.tenantId}` }]);
  });

  it('when tenant erasure is sent without the right confirmation, then 400 tells the slug to send', async () => {
    const s = await t.register(undefined, 'Riad Erase');
    const tenant = await t.deps.prisma.tenant.findUniqueOrThrow({ where: { id: s.tenantId } });
    const res = await request(t.app).post('/api/v1/gdpr/erase').set(bearer(s)).send({ scope: 'tenant', confirm: 'yes' });
    expect(res.status).toBe(400);
    expect(problemOf(res).detail).toContain(`"confirm":"${tenant.slug}"`);
    expect(problemOf(res).errors?.[0]?.rule).toBe('confirmation_required');
    expect(await t.deps.prisma.tenant.count({ where: { id: s.tenantId } })).toBe(1);
  });

  it('when an admin (not owner) erases the tenant, then 403', async () => {
    const owner = await t.register(undefined, 'Admin Cannot');
    const admin = await addMemberSession(t, owner, 'admin');
    const res = await request(t.app).post('/api/v1/gdpr/erase').set(bearer(admin)).send({ scope: 'tenant', confirm: 'Admin Cannot' });
    expect(res.status).toBe(403);
  });

  it('when the owner erases the tenant with its name, then all its data and its only-here users are gone, audited, and announced', async () => {
    const s = await t.register(undefined, 'Gone Tomorrow');
    await seed(s);
    const other = await t.register();
    const res = await request(t.app).post('/api/v1/gdpr/erase').set(bearer(s)).send({ scope: 'tenant', confirm: 'Gone Tomorrow' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ scope: 'tenant', deleted: { tenants: 1, users: 1, conversations: 2, calls: 1, phoneNumbers: 1, shopOrders: 2, abandonedCheckouts: 1, integrations: 1, inboundEvents: 3 } });
    const db = t.deps.prisma;
    expect(await db.phoneNumber.count({ where: { tenantId: s.tenantId } })).toBe(0);
    expect(await db.tenant.count({ where: { id: s.tenantId } })).toBe(0);
    expect(await db.message.count({ where: { tenantId: s.tenantId } })).toBe(0);
    expect(await db.integrationConnection.count({ where: { tenantId: s.tenantId } })).toBe(0);
    expect(await db.inboundEvent.count({ where: { tenantId: s.tenantId } })).toBe(0);
    expect(await db.user.count({ where: { id: s.userId } })).toBe(0);
    expect(await db.tenant.count({ where: { id: other.tenantId } })).toBe(1);
    expect(await db.auditLog.count({ where: { tenantId: null, action: 'gdpr.tenant_erased', target: `tenant:${s.tenantId}` } })).toBe(1);
    await expect(updates.waitFor(s.tenantId, 'deleted')).resolves.toBeDefined();
    expect((await request(t.app).get('/api/v1/conversations').set(bearer(s))).status).toBe(401);
  });
});
