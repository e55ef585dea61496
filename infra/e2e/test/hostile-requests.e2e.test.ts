import { request as httpRequest } from 'node:http';
import { PROBLEM_CONTENT_TYPE, SessionResponse } from '@vocalia/contracts';
import { PASSWORD, pageClient, startFleet, type Fleet } from './support';

const SITE = 'https://www.hostile-check.example';

interface RawAnswer {
  status: number;
  contentType: string;
}

/** A request written byte for byte through the edge: headers as given, the body ended where the test says. */
function raw(edgeUrl: string, method: string, path: string, headers: Record<string, string>, body: string | Buffer): Promise<RawAnswer> {
  const url = new URL(edgeUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A multipart upload cut before its closing boundary: busboy's "Unexpected end of form". */
const TRUNCATED_UPLOAD = ['--X', 'Content-Disposition: form-data; name="file"; filename="faq.md"', 'Content-Type: text/markdown', '', '# Horaires', 'Du lundi au'].join('\r\n');

describe('hostile requests through the edge never take a service down (issue #15)', () => {
  let fleet: Fleet;
  let tenantId: string;
  let bearer: Record<string, string>;
  let widgetToken: string;

  /** db-api and voice-api as the edge's /health sees them (the other four do not run in this fleet). */
  async function servicesHealth(): Promise<Record<string, string>> {
    const health = (await (await fetch(`${fleet.edgeUrl}/health`)).json()) as { services: Record<string, { status: string }> };
    return { 'db-api': health.services['db-api']!.status, 'voice-api': health.services['voice-api']!.status };
  }

  beforeAll(async () => {
    fleet = await startFleet({ name: 'hostile' });
    const registered = await fetch(`${fleet.edgeUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@hostile-check.example', password: PASSWORD, company: 'Hostile Check' }),
    });
    const session = SessionResponse.parse(await registered.json());
    tenantId = session.tenant.id;
    bearer = { authorization: `Bearer ${session.accessToken}` };
    const origin = await fetch(`${fleet.edgeUrl}/api/v1/origins`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ origin: SITE }) });
    expect(origin.status).toBe(201);
    widgetToken = await pageClient(fleet.edgeUrl, SITE).sessionToken(tenantId);
  });
  afterAll(() => fleet?.close());

  afterEach(async () => {
    expect(await servicesHealth()).toEqual({ 'db-api': 'ok', 'voice-api': 'ok' });
  });

  it.each(['/api/v1/knowledge/documents', '/api/v1/catalog/import'])('when a multipart upload to %s ends early, then 4xx problem+json and db-api keeps serving', async (path) => {
    const answer = await raw(fleet.edgeUrl, 'POST', path, { ...bearer, 'content-type': 'multipart/form-data; boundary=X' }, TRUNCATED_UPLOAD);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.contentType).toContain(PROBLEM_CONTENT_TYPE);
  });

  it('when markdown holds a heading followed by 60 KB of spaces and space runs before newlines, then it is stored and chunked at once', async () => {
    const content = `# a${' '.repeat(60_000)}\n${'word \t'.repeat(2_000)}${' '.repeat(20_000)}\nfin`;
    const answer = await raw(fleet.edgeUrl, 'POST', '/api/v1/knowledge/documents', { ...bearer, 'content-type': 'application/json' }, JSON.stringify({ title: 'Piège', kind: 'markdown', language: 'fr', content }));
    expect(answer.status).toBe(201);
  });

  it.each([
    ['POST', '/api/v1/agents', 400, JSON.stringify({ name: 'Sa\u0000ra', personaId: 'dental', languages: ['fr'] })],
    ['GET', '/api/v1/agents/%00', 400, ''],
    ['GET', '/api/v1/agents/%', 400, ''],
    ['GET', '/api/v1/agents/%E0%A4%A', 400, ''],
    ['GET', '/api/v1/audit?cursor=99999999999999999999999999999', 400, ''],
    ['GET', '/api/v1/conversations?from=0000-01-01', 400, ''],
    ['GET', '/api/v1/calls?status=%00', 400, ''],
    ['GET', '/widget/v1.%E0%A4%A/vocalia.js', 400, ''],
  ])('when %s %s arrives, then %i problem+json', async (method, path, status, body) => {
    const answer = await raw(fleet.edgeUrl, method, path, { ...bearer, 'content-type': 'application/json' }, body);
    expect(answer).toEqual({ status, contentType: expect.stringContaining(PROBLEM_CONTENT_TYPE) });
  });

  it.each([
    ['gzip', 400],
    ['br', 400],
    ['compress', 415],
  ])('when a body says Content-Encoding %s but is plain JSON, then %i problem+json', async (encoding, status) => {
    const answer = await raw(fleet.edgeUrl, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json', 'content-encoding': encoding }, JSON.stringify({ email: 'a@b.example', password: 'x' }));
    expect(answer).toEqual({ status, contentType: expect.stringContaining(PROBLEM_CONTENT_TYPE) });
  });

  it('when a visitor message holds NUL, then /respond answers 400 and nothing is queued that could never be stored', async () => {
    const answer = await raw(
      fleet.edgeUrl,
      'POST',
      '/respond',
      { authorization: `Bearer ${widgetToken}`, origin: SITE, 'content-type': 'application/json' },
      JSON.stringify({ tenantId, sessionId: 'hostile-nul-1', message: 'Bonjour\u0000' }),
    );
    expect(answer).toEqual({ status: 400, contentType: expect.stringContaining(PROBLEM_CONTENT_TYPE) });
  });
});
