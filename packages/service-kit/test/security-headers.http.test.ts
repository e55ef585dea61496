import request from 'supertest';
import { createApp, createLogger } from '../src';

const DOCUMENT_ONLY = ['cross-origin-opener-policy', 'origin-agent-cluster', 'referrer-policy', 'x-dns-prefetch-control', 'x-download-options', 'x-permitted-cross-domain-policies', 'x-xss-protection'];

const app = createApp({
  service: 'test',
  logger: createLogger('test', 'silent'),
  apiPaths: ['/api', '/respond'],
  routes: (r) => {
    r.get('/api/v1/things', (_req, res) => void res.json({ things: [] }));
    r.post('/respond', (_req, res) => void res.json({ answer: 'hi' }));
    r.get('/responder', (_req, res) => void res.type('html').send('<p>a page</p>'));
    r.get('/page', (_req, res) => void res.type('html').send('<p>a page</p>'));
  },
});

describe('security headers', () => {
  it.each([
    ['GET', '/api/v1/things'],
    ['POST', '/respond'],
    ['GET', '/api/v1/nothing-here'],
  ])('when %s %s answers on an API path, then it carries the OWASP REST set and none of the document-only headers', async (method, path) => {
    const res = await (method === 'GET' ? request(app).get(path) : request(app).post(path));
    expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    for (const name of DOCUMENT_ONLY) expect(res.headers[name]).toBeUndefined();
  });

  it.each(['/page', '/responder'])('when %s (not an API path, nor below one) answers, then it keeps the document set', async (path) => {
    const res = await request(app).get(path);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    for (const name of DOCUMENT_ONLY) expect(res.headers[name]).toBeDefined();
  });

  it('when a service names no API path, then every answer keeps the document set', async () => {
    const plain = createApp({ service: 'test', logger: createLogger('test', 'silent'), routes: (r) => r.get('/api/v1/things', (_req, res) => void res.json({})) });
    const res = await request(plain).get('/api/v1/things');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });
});
