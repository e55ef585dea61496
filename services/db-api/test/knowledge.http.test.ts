import request from 'supertest';
import { MAX_KNOWLEDGE_DOCUMENT_BYTES } from '@vocalia/contracts';
import { chunkText } from '../src/knowledge/chunk-text';
import { addMemberSession, bearer, listenTenantUpdates, problemOf, startTestApp, type TestApp } from './support';

// The real chunker, watched: a refused document must be refused before its content is chunked.
jest.mock('../src/knowledge/chunk-text', () => {
  const actual = jest.requireActual<typeof import('../src/knowledge/chunk-text')>('../src/knowledge/chunk-text');
  return { ...actual, chunkText: jest.fn(actual.chunkText) };
});

const DENTAL_FR = `# Nos soins

Le cabinet propose des consultations dentaires, le détartrage et le blanchiment des dents.

# Horaires

Nous sommes ouverts du lundi au vendredi, de 9h à 18h.`;

describe('knowledge base', () => {
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

  it('when a long markdown text is chunked, then chunks follow headings, stay near 500-800 characters, overlap, and short sections join', () => {
    const sentence = 'Les implants dentaires remplacent une dent perdue de façon durable et naturelle. ';
    const md = `# Implants\n\n${sentence.repeat(30)}\n\n# Tarifs\n\nLa consultation coûte 30 euros.`;
    const chunks = chunkText('markdown', md);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeLessThanOrEqual(950);
    expect(chunks[0]).toMatch(/^Implants\n/);
    expect(chunks[1]).toMatch(/^Implants\n/);
    expect(chunks[1]?.slice('Implants\n'.length, 60)).toBe(sentence.trim().slice(0, 60 - 'Implants\n'.length));
    // A short trailing section joins the previous chunk when it is still under ~500 characters.
    expect(chunks.at(-1)).toMatch(/\n\nTarifs\nLa consultation coûte 30 euros\.$/);
  });

  it('when a markdown document is posted as JSON, then it is chunked, announced, and found by a French search with stemming', async () => {
    const s = await t.register();
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ title: 'Cabinet', kind: 'markdown', language: 'fr', content: DENTAL_FR });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Cabinet', kind: 'markdown', language: 'fr', chunkCount: 1 });
    await expect(updates.waitFor(s.tenantId, 'knowledge')).resolves.toBeDefined();

    // "consultation" (singular) matches "consultations" only through the french stemmer.
    const hit = await request(t.app).get('/api/v1/knowledge/search').query({ q: 'consultation', language: 'fr' }).set(bearer(s));
    expect(hit.status).toBe(200);
    expect(hit.body.items).toHaveLength(1);
    expect(hit.body.items[0]).toMatchObject({ documentId: res.body.id, title: 'Cabinet', language: 'fr' });
    expect(hit.body.items[0].snippet).toContain('<mark>consultations</mark>');
    expect(hit.body.items[0].rank).toBeGreaterThan(0);

    const miss = await request(t.app).get('/api/v1/knowledge/search').query({ q: 'consultation', language: 'en' }).set(bearer(s));
    expect(miss.body.items).toEqual([]);
  });

  it('when several chunks match, then the one matching more words ranks first', async () => {
    const s = await t.register();
    await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({
      title: 'FAQ', kind: 'faq', language: 'en',
      faqs: [
        { question: 'Do you open on Sunday?', answer: 'No, we are closed on Sunday.' },
        { question: 'What are your opening hours?', answer: 'We open at 9 and close at 6 on weekdays; opening hours on Saturday are 9 to 12.' },
      ],
    }).expect(201);
    const res = await request(t.app).get('/api/v1/knowledge/search').query({ q: 'opening hours saturday' }).set(bearer(s));
    expect(res.body.items.length).toBeGreaterThanOrEqual(1);
    expect(res.body.items[0].text).toMatch(/^What are your opening hours\?/);
  });

  it('when a FAQ is uploaded as a CSV file, then each pair is one chunk', async () => {
    const s = await t.register();
    const csv = 'question,answer\n"¿Aceptan tarjetas?","Sí, aceptamos todas las tarjetas."\n"¿Hay aparcamiento?","Sí, gratuito para clientes."\n';
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).field('language', 'es').attach('file', Buffer.from(csv), 'faq.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'faq', language: 'es', title: 'faq.csv', source: 'faq.csv', chunkCount: 2 });
    expect(res.body.chunks[1].text).toBe('¿Hay aparcamiento?\nSí, gratuito para clientes.');
    const hit = await request(t.app).get('/api/v1/knowledge/search').query({ q: 'tarjeta', language: 'es' }).set(bearer(s));
    expect(hit.body.items[0].text).toMatch(/tarjetas/);
  });

  it('when a document comes without a language, then it is stored in the language its text is written in', async () => {
    const s = await t.register();
    const text = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ title: 'Hours', kind: 'text', content: 'We are open from Monday to Friday, from 9 am to 6 pm. Parking is free for our customers.' });
    expect(text.status).toBe(201);
    expect(text.body).toMatchObject({ language: 'en', chunks: [{ language: 'en' }] });
    const faq = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ title: 'Preguntas', kind: 'faq', faqs: [{ question: '¿Dónde están ubicados?', answer: 'Estamos en la avenida Hassan II, en el centro de la ciudad.' }] });
    expect(faq.body).toMatchObject({ language: 'es' });
    const file = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).attach('file', Buffer.from('Our team speaks English and French. Ask us anything about your order.'), 'about.txt');
    expect(file.body).toMatchObject({ language: 'en' });
    const hit = await request(t.app).get('/api/v1/knowledge/search').query({ q: 'parking', language: 'en' }).set(bearer(s));
    expect(hit.body.items[0].documentId).toBe(text.body.id);
  });

  it('when a document without a language does not tell which it is written in, then the tenant default language is used', async () => {
    const s = await t.register();
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ title: 'Phone', kind: 'text', content: '05 22 33 44 55' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ language: 'fr' });
  });

  it('when a markdown file is uploaded without a language, then the tenant default language is used', async () => {
    const s = await t.register();
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).field('title', 'Soins').attach('file', Buffer.from(DENTAL_FR), { filename: 'soins.md', contentType: 'text/markdown' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Soins', kind: 'markdown', language: 'fr' });
  });

  it('when Darija text with vowel marks is stored, then a search without them finds it', async () => {
    const s = await t.register();
    await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ title: 'Darija', kind: 'text', language: 'ary', content: 'كَنْخَدْمُو مْن التّْنِين حْتَى الجُّمْعَة' }).expect(201);
    const res = await request(t.app).get('/api/v1/knowledge/search').query({ q: 'كنخدمو', language: 'ary' }).set(bearer(s));
    expect(res.body.items).toHaveLength(1);
  });

  it('when a file is over 5 MB, then 413 and nothing is stored', async () => {
    const s = await t.register();
    const big = Buffer.alloc(MAX_KNOWLEDGE_DOCUMENT_BYTES + 1, 'a');
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).attach('file', big, 'big.txt');
    expect(res.status).toBe(413);
    expect(problemOf(res).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await t.deps.prisma.knowledgeDocument.count({ where: { tenantId: s.tenantId } })).toBe(0);
  });

  it.each([
    [{ title: 'x', kind: 'text', language: 'de', content: 'hallo' }, 'body.language'],
    [{ title: 'x', kind: 'pdf', language: 'fr', content: 'x' }, 'body.kind'],
    [{ title: 'x', kind: 'faq', language: 'fr', faqs: [{ question: 'q' }] }, 'body.faqs.0.answer'],
    [{ title: '', kind: 'text', language: 'fr', content: 'x' }, 'body.title'],
  ])('when the body is %j, then 400 names %s', async (body, path) => {
    const s = await t.register();
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send(body);
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toContain(path);
  });

  it('when an unsupported file type is uploaded, then 400 names body.file', async () => {
    const s = await t.register();
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).attach('file', Buffer.from('%PDF'), 'doc.pdf');
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.[0]?.path).toBe('body.file');
  });

  it('when the same content is posted twice, then 409', async () => {
    const s = await t.register();
    const body = { title: 'A', kind: 'text', language: 'en', content: 'We deliver in Casablanca.' };
    await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send(body).expect(201);
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ ...body, title: 'B' });
    expect(res.status).toBe(409);
  });

  it('when documents are listed, read, and deleted, then pages chain and deletion removes them from search', async () => {
    const s = await t.register();
    const ids: string[] = [];
    for (const city of ['Rabat', 'Fes', 'Tangier']) {
      const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ title: city, kind: 'text', language: 'en', content: `Our office in ${city} welcomes you.` });
      ids.push(res.body.id);
    }
    const first = await request(t.app).get('/api/v1/knowledge/documents').query({ limit: 2 }).set(bearer(s));
    expect(first.body.items.map((d: { title: string }) => d.title)).toEqual(['Tangier', 'Fes']);
    const second = await request(t.app).get('/api/v1/knowledge/documents').query({ limit: 2, cursor: first.body.nextCursor }).set(bearer(s));
    expect(second.body.items.map((d: { title: string }) => d.title)).toEqual(['Rabat']);
    expect(second.body.nextCursor).toBeNull();

    const one = await request(t.app).get(`/api/v1/knowledge/documents/${ids[0]}`).set(bearer(s));
    expect(one.body.chunks[0].text).toBe('Our office in Rabat welcomes you.');

    await request(t.app).delete(`/api/v1/knowledge/documents/${ids[0]}`).set(bearer(s)).expect(204);
    expect((await request(t.app).get(`/api/v1/knowledge/documents/${ids[0]}`).set(bearer(s))).status).toBe(404);
    const search = await request(t.app).get('/api/v1/knowledge/search').query({ q: 'Rabat' }).set(bearer(s));
    expect(search.body.items).toEqual([]);
  });

  it("when another tenant's document is read or deleted, then 404 and it stays", async () => {
    const a = await t.register();
    const b = await t.register();
    const doc = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(a)).send({ title: 'Secret', kind: 'text', language: 'en', content: 'Private pricing sheet.' });
    expect((await request(t.app).get(`/api/v1/knowledge/documents/${doc.body.id}`).set(bearer(b))).status).toBe(404);
    expect((await request(t.app).delete(`/api/v1/knowledge/documents/${doc.body.id}`).set(bearer(b))).status).toBe(404);
    expect((await request(t.app).get('/api/v1/knowledge/search').query({ q: 'pricing' }).set(bearer(b))).body.items).toEqual([]);
    expect(await t.deps.prisma.knowledgeDocument.count({ where: { id: doc.body.id } })).toBe(1);
  });

  it('when a member (not admin) adds a document, then 403; reading is allowed', async () => {
    const owner = await t.register();
    const member = await addMemberSession(t, owner, 'member');
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(member)).send({ title: 'x', kind: 'text', language: 'en', content: 'x' });
    expect(res.status).toBe(403);
    expect((await request(t.app).get('/api/v1/knowledge/documents').set(bearer(member))).status).toBe(200);
  });

  it("when a document would pass the plan's knowledge quota, then 403 PLAN_REQUIRED names a bigger plan", async () => {
    const s = await t.register();
    await t.deps.prisma.knowledgeDocument.create({ data: { tenantId: s.tenantId, title: 'filler', kind: 'text', language: 'en', sizeBytes: 10 * 1024 * 1024 - 5, sha256: 'f'.repeat(64) } });
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ title: 'x', kind: 'text', language: 'en', content: 'one more line' });
    expect(res.status).toBe(403);
    expect(problemOf(res)).toMatchObject({ code: 'PLAN_REQUIRED', requiredPlan: 'pro' });
  });

  it('when a document would pass the quota, then it is refused before its content is chunked', async () => {
    const s = await t.register();
    await t.deps.prisma.knowledgeDocument.create({ data: { tenantId: s.tenantId, title: 'filler', kind: 'text', language: 'en', sizeBytes: 10 * 1024 * 1024 - 5, sha256: 'f'.repeat(64) } });
    jest.mocked(chunkText).mockClear();
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).attach('file', Buffer.from('# Title\n\none more line'), 'more.md');
    expect(res.status).toBe(403);
    expect(chunkText).not.toHaveBeenCalled();
  });
});
