import { Prisma, createPrisma, migrateDatabase, normalizeEmail, searchKnowledge, type Db } from '../src';
import { freshDatabase } from './fresh-database';

describe('PostgreSQL round trip through Prisma', () => {
  let database: { url: string; drop: () => Promise<void> };
  let db: Db;

  beforeAll(async () => {
    database = await freshDatabase();
    await migrateDatabase(database.url);
    db = createPrisma(database.url, { poolSize: 2 });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  async function tenantWithDocument(slug: string, chunks: Array<{ language: string; text: string }>) {
    const tenant = await db.tenant.create({ data: { name: slug, slug, languages: ['fr', 'en', 'ar'] } });
    const document = await db.knowledgeDocument.create({
      data: {
        tenantId: tenant.id,
        title: 'FAQ',
        kind: 'faq',
        language: 'fr',
        sizeBytes: 120,
        sha256: 'a'.repeat(64),
        chunks: { create: chunks.map((c, ordinal) => ({ ...c, ordinal, tenantId: tenant.id })) },
      },
    });
    return { tenant, document };
  }

  test('when a tenant, a user, a membership and knowledge are created, then they read back with their defaults', async () => {
    const { tenant, document } = await tenantWithDocument('riad-atlas', [{ language: 'fr', text: 'Ouvert tous les jours de 9h à 18h.' }]);
    const user = await db.user.create({ data: { email: normalizeEmail('  Owner@Riad-Atlas.MA '), name: 'Owner' } });
    await db.membership.create({ data: { userId: user.id, tenantId: tenant.id, role: 'owner' } });

    const found = await db.tenant.findUniqueOrThrow({
      where: { slug: 'riad-atlas' },
      include: { memberships: { include: { user: true } }, knowledgeDocs: { include: { chunks: true } } },
    });
    expect(found).toMatchObject({ plan: 'starter', status: 'trialing', leadThreshold: 60, languages: ['fr', 'en', 'ar'], widget: {} });
    expect(found.memberships).toEqual([expect.objectContaining({ role: 'owner', user: expect.objectContaining({ email: 'owner@riad-atlas.ma' }) })]);
    expect(found.knowledgeDocs[0]?.id).toBe(document.id);
    expect(found.knowledgeDocs[0]?.chunks.map((c) => c.text)).toEqual(['Ouvert tous les jours de 9h à 18h.']);
  });

  test('when chunks are searched in French, then a plural query finds the singular by stemming, best match first', async () => {
    const { tenant } = await tenantWithDocument('dar-fes', [
      { language: 'fr', text: 'Les animaux ne sont pas acceptés.' },
      { language: 'fr', text: 'Pour une réservation, appelez-nous.' },
      { language: 'fr', text: 'Annulation de réservation gratuite : une réservation se modifie en ligne.' },
      { language: 'en', text: 'Reservations are free to cancel.' },
    ]);
    const hits = await searchKnowledge(db, tenant.id, { query: 'réservations', language: 'fr' });
    expect(hits.map((h) => h.text)).toEqual([
      'Annulation de réservation gratuite : une réservation se modifie en ligne.',
      'Pour une réservation, appelez-nous.',
    ]);
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
  });

  test('when chunks are searched, then other tenants and other languages are never returned', async () => {
    const mine = await tenantWithDocument('mine', [{ language: 'en', text: 'We take bookings every day.' }]);
    await tenantWithDocument('theirs', [{ language: 'en', text: 'Bookings by phone only.' }]);
    const english = await searchKnowledge(db, mine.tenant.id, { query: 'booking', language: 'en' });
    expect(english.map((h) => h.text)).toEqual(['We take bookings every day.']);
    expect(await searchKnowledge(db, mine.tenant.id, { query: 'booking', language: 'fr' })).toEqual([]);
  });

  test('when match is all, then every word must appear; when any, then one is enough', async () => {
    const { tenant } = await tenantWithDocument('souk', [
      { language: 'en', text: 'Parking is free for guests.' },
      { language: 'en', text: 'Breakfast is served on the terrace.' },
    ]);
    expect(await searchKnowledge(db, tenant.id, { query: 'free breakfast', language: 'en', match: 'all' })).toEqual([]);
    const any = await searchKnowledge(db, tenant.id, { query: 'free breakfast', language: 'en' });
    expect(any).toHaveLength(2);
  });

  test('when Arabic text is searched, then the article does not prevent a match', async () => {
    const { tenant } = await tenantWithDocument('marrakech', [{ language: 'ar', text: 'الحجز متاح يوميا' }]);
    const hits = await searchKnowledge(db, tenant.id, { query: 'حجز', language: 'ar' });
    expect(hits.map((h) => h.text)).toEqual(['الحجز متاح يوميا']);
  });

  test('when a chunk text changes, then its search vector follows', async () => {
    const { tenant, document } = await tenantWithDocument('kasbah', [{ language: 'fr', text: 'Piscine chauffée.' }]);
    await db.knowledgeChunk.update({ where: { documentId_ordinal: { documentId: document.id, ordinal: 0 } }, data: { text: 'Hammam traditionnel.' } });
    expect(await searchKnowledge(db, tenant.id, { query: 'piscine', language: 'fr' })).toEqual([]);
    expect(await searchKnowledge(db, tenant.id, { query: 'hammam', language: 'fr' })).toHaveLength(1);
  });

  test('when a message is ingested twice with the same event id, then the second insert is rejected', async () => {
    const tenant = await db.tenant.create({ data: { name: 'Idem', slug: 'idem' } });
    const conversation = await db.conversation.create({ data: { tenantId: tenant.id, sessionId: 's-1', channel: 'widget', language: 'fr' } });
    const message = { tenantId: tenant.id, conversationId: conversation.id, role: 'user' as const, text: 'Bonjour', eventId: 'evt_1:user' };
    await db.message.create({ data: message });
    const duplicate = await db.message.create({ data: message }).catch((err: unknown) => err);
    expect(duplicate).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((duplicate as Prisma.PrismaClientKnownRequestError).code).toBe('P2002');
    expect(await db.message.count({ where: { conversationId: conversation.id } })).toBe(1);
  });

  test('when uniqueness is scoped by tenant, then the same key is allowed across tenants and refused within one', async () => {
    const [a, b] = await Promise.all([
      db.tenant.create({ data: { name: 'A', slug: 'shop-a' } }),
      db.tenant.create({ data: { name: 'B', slug: 'shop-b' } }),
    ]);
    const item = { sku: 'TAJINE-1', name: 'Tajine', price: new Prisma.Decimal('249.90') };
    await db.catalogItem.create({ data: { ...item, tenantId: a.id } });
    await db.catalogItem.create({ data: { ...item, tenantId: b.id } });
    await expect(db.catalogItem.create({ data: { ...item, tenantId: a.id } })).rejects.toMatchObject({ code: 'P2002' });
    const read = await db.catalogItem.findUniqueOrThrow({ where: { tenantId_sku: { tenantId: a.id, sku: 'TAJINE-1' } } });
    expect(read.price.toString()).toBe('249.9');
    await expect(db.tenant.create({ data: { name: 'A again', slug: 'shop-a' } })).rejects.toMatchObject({ code: 'P2002' });
  });

  test('when a tenant is deleted, then its rows go with it', async () => {
    const { tenant } = await tenantWithDocument('closing', [{ language: 'fr', text: 'Fermé.' }]);
    const row = await db.auditLog.create({ data: { tenantId: tenant.id, actor: 'user:1', action: 'tenant.delete', hash: 'h-closing' } });
    await db.auditHead.create({ data: { chainKey: tenant.id, tenantId: tenant.id, seq: row.seq, hash: row.hash, count: 1n } });
    await db.tenant.delete({ where: { id: tenant.id } });
    expect(await db.knowledgeChunk.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await db.auditHead.count({ where: { chainKey: tenant.id } })).toBe(0);
  });

  test('when audit entries are appended, then seq increases as a bigint', async () => {
    const first = await db.auditLog.create({ data: { actor: 'system', action: 'boot', hash: 'h1' } });
    const second = await db.auditLog.create({ data: { actor: 'system', action: 'boot', prevHash: 'h1', hash: 'h2' } });
    expect(typeof first.seq).toBe('bigint');
    expect(second.seq).toBeGreaterThan(first.seq);
  });
});
