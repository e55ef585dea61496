import request from 'supertest';
import { DenseRanking, decodeEmbedding, openAiEmbeddings } from '@vocalia/agent';
import { FakeEmbeddingsServer } from '@vocalia/agent/testing';
import { INTERNAL_TOKEN_HEADER, TenantSnapshot } from '@vocalia/contracts';
import { bearer, startTestApp, type TestApp } from './support';

const TOKEN = 'internal-token-for-tests-0123456789';

const FAQ = [
  { question: 'Where is the clinic?', answer: 'We are at 42 Zerktouni Boulevard, Casablanca.' },
  { question: 'What are your opening hours?', answer: 'Monday to Friday from 8:30 to 19:30.' },
];

describe('knowledge embeddings computed once at ingestion', () => {
  const embeddings = new FakeEmbeddingsServer();
  let t: TestApp;
  let baseURL: string;
  beforeAll(async () => {
    baseURL = await embeddings.start();
    t = await startTestApp({ workers: false, env: { INTERNAL_API_TOKEN: TOKEN, EMBEDDINGS_BASE_URL: baseURL, EMBEDDINGS_MODEL: 'embed-test' } });
  });
  afterAll(async () => {
    await t.close();
    await embeddings.stop();
  });

  const snapshotOf = async (tenantId: string) =>
    TenantSnapshot.parse((await request(t.app).get(`/internal/v1/tenants/${tenantId}/snapshot`).set(INTERNAL_TOKEN_HEADER, TOKEN)).body);

  it('when an FAQ is uploaded, then each chunk is embedded in one call, stored, and its unit vector travels in the snapshot', async () => {
    const s = await t.register();
    const before = embeddings.inputs.length;
    const res = await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ title: 'FAQ', kind: 'faq', language: 'en', faqs: FAQ });
    expect(res.status).toBe(201);
    expect(embeddings.inputs.slice(before)).toEqual([[expect.stringContaining('42 Zerktouni'), expect.stringContaining('19:30')]]);

    const snapshot = await snapshotOf(s.tenantId);
    expect(snapshot.knowledge).toHaveLength(2);
    for (const chunk of snapshot.knowledge) {
      expect(chunk.embedding?.model).toBe('embed-test');
      const vector = decodeEmbedding(chunk.embedding!.vector);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    }
  });

  it('when the engine ranks with the same model, then it uses the stored vectors and embeds only the question', async () => {
    const s = await t.register();
    await request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ title: 'FAQ', kind: 'faq', language: 'en', faqs: FAQ }).expect(201);
    const snapshot = await snapshotOf(s.tenantId);
    const before = embeddings.inputs.length;
    const dense = new DenseRanking(openAiEmbeddings({ baseURL, apiKey: 'k', model: 'embed-test' }), 'embed-test');
    const input = { snapshot, message: 'Whereabouts do you practise?' };
    await dense.prepare(input);
    expect(embeddings.inputs.slice(before)).toEqual([['Whereabouts do you practise?']]);
    expect(snapshot.knowledge[dense.ranking(input, 1)![0]!.doc]!.text).toContain('42 Zerktouni');
  });

  it('when the embeddings endpoint is down, then the document is still stored, its chunks without vectors', async () => {
    const down = await startTestApp({ workers: false, env: { INTERNAL_API_TOKEN: TOKEN, EMBEDDINGS_BASE_URL: 'http://127.0.0.1:9/v1' } });
    try {
      const s = await down.register();
      const res = await request(down.app).post('/api/v1/knowledge/documents').set(bearer(s)).send({ title: 'FAQ', kind: 'faq', language: 'en', faqs: FAQ });
      expect(res.status).toBe(201);
      const snapshot = TenantSnapshot.parse((await request(down.app).get(`/internal/v1/tenants/${s.tenantId}/snapshot`).set(INTERNAL_TOKEN_HEADER, TOKEN)).body);
      expect(snapshot.knowledge.map((c) => c.embedding)).toEqual([undefined, undefined]);
    } finally {
      await down.close();
    }
  });
});
