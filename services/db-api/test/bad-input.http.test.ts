import request from 'supertest';
import { bearer, problemOf, startTestApp, TEST_PASSWORD, type TestApp, type TestSession } from './support';

// A raw NUL cannot sit in a part header, but RFC 5987's `filename*` decodes to one.
const NUL_FILENAME_BODY = [
  '--B',
  'Content-Disposition: form-data; name="title"',
  '',
  'Soins',
  '--B',
  "Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''soins%00.txt",
  'Content-Type: text/plain',
  '',
  'Détartrage le mardi',
  '--B--',
  '',
].join('\r\n');

// Each of these was a 500 through the edge: PostgreSQL refuses U+0000 (22021), and parser/router errors lost their status.
describe('bad input never reaches PostgreSQL as a 500', () => {
  let t: TestApp;
  let s: TestSession;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
    s = await t.register();
  });
  afterAll(() => t.close());

  it('when a company name at registration holds NUL, then 400 names body.company and no account or tenant is written', async () => {
    const email = `nul.${Date.now()}@example.test`;
    const [users, tenants] = await Promise.all([t.deps.prisma.user.count(), t.deps.prisma.tenant.count()]);
    const res = await request(t.app).post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, company: 'Atlas\u0000Dental' });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors).toEqual([{ path: 'body.company', message: expect.stringMatching(/NUL/), rule: 'nul_character' }]);
    expect(await t.deps.prisma.user.count()).toBe(users);
    expect(await t.deps.prisma.tenant.count()).toBe(tenants);
  });

  it('when agent instructions hold NUL, then 400 names the field and no agent is written', async () => {
    const res = await request(t.app)
      .post('/api/v1/agents')
      .set(bearer(s))
      .send({ name: 'Sara', personaId: 'dental', languages: ['fr'], instructions: 'Toujours\u0000 proposer un rendez-vous.' });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toEqual(['body.instructions']);
    expect(await t.deps.prisma.agent.count({ where: { tenantId: s.tenantId } })).toBe(0);
  });

  it.each([
    ['JSON content', 'body.content', (r: request.Test) => r.send({ title: 'Soins', kind: 'text', language: 'fr', content: 'Détartrage\u0000 le mardi' })],
    ['an uploaded file', 'file.content', (r: request.Test) => r.attach('file', Buffer.from('Détartrage\u0000 le mardi'), 'soins.txt')],
    ['an uploaded file name', 'file.filename', (r: request.Test) => r.set('content-type', 'multipart/form-data; boundary=B').send(NUL_FILENAME_BODY)],
    ['a multipart text field', 'body.title', (r: request.Test) => r.field('title', 'Soins\u0000').attach('file', Buffer.from('Détartrage le mardi'), 'soins.txt')],
  ])('when knowledge arrives with NUL in %s, then 400 names %s and no document is written', async (_what, where, send) => {
    const res = await send(request(t.app).post('/api/v1/knowledge/documents').set(bearer(s)));
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toEqual([where]);
    expect(await t.deps.prisma.knowledgeDocument.count({ where: { tenantId: s.tenantId } })).toBe(0);
  });

  it.each([
    ['/api/v1/agents/%00', 'path'],
    ['/api/v1/knowledge/search?q=%00', 'query.q'],
    ['/api/v1/audit?action=%00', 'query.action'],
    ['/api/v1/calls?status=%00', 'query.status'],
    ['/api/v1/catalog/items?q=%00', 'query.q'],
  ])('when %s is asked, then 400 names %s', async (url, where) => {
    const res = await request(t.app).get(url).set(bearer(s));
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toEqual([where]);
  });

  it.each(['/api/v1/agents/%', '/api/v1/agents/%E0%A4%A'])('when the path %s has malformed percent-encoding, then 400 problem+json', async (url) => {
    const res = await request(t.app).get(url).set(bearer(s));
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toEqual(['path']);
  });

  it.each([
    ['gzip', 400],
    ['deflate', 400],
    ['br', 400],
    ['compress', 415],
  ])('when a login body says Content-Encoding %s but is plain JSON, then %i problem+json', async (encoding, status) => {
    const body = Buffer.from(JSON.stringify({ email: s.email, password: TEST_PASSWORD }));
    const res = await request(t.app)
      .post('/api/v1/auth/login')
      .set({ 'content-type': 'application/json', 'content-encoding': encoding })
      .serialize((b: Buffer) => b as never)
      .send(body as never);
    expect(res.status).toBe(status);
    expect(problemOf(res).status).toBe(status);
  });
});
