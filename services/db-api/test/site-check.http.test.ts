import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { bearer, startTestApp, type TestApp, type TestSession } from './support';

describe('"check my site": db-api fetches the customer page and looks for the snippet', () => {
  let t: TestApp;
  let owner: TestSession;
  let site: Server;
  let origin: string;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ env: { SITE_CHECK_ALLOW_PRIVATE_TARGETS: 'true' } });
    owner = await t.register(undefined, 'Site Check Co');
    site = createServer((req, res) => {
      if (req.url === '/moved') return void res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
      const page = pages[req.url ?? ''];
      if (page === undefined) return void res.writeHead(404).end('not found');
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    pages['/with'] = `<html><body><script src="https://x.example/widget/v1/vocalia.js" data-vocalia-tenant="${owner.tenantId}" async></script></body></html>`;
    pages['/other'] = '<html><body><script src="https://x.example/widget/v1/vocalia.js" data-vocalia-tenant="someone-else" async></script></body></html>';
  });
  afterAll(async () => {
    await new Promise((resolve) => site.close(resolve));
    await t.close();
  });

  const check = (url: string, app = t) => request(app.app).post('/api/v1/widget/check-site').set(bearer(owner)).send({ url });

  it('when the page carries this tenant snippet but its origin is not allowed yet, then it says both', async () => {
    const res = await check(`${origin}/with`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ origin, status: 200, snippetFound: true, originAllowed: false, problem: null, detail: null });
    await request(t.app).post('/api/v1/origins').set(bearer(owner)).send({ origin });
    expect((await check(`${origin}/with`)).body).toMatchObject({ snippetFound: true, originAllowed: true });
  });

  it("when the page carries another tenant's snippet or none, then snippetFound is false", async () => {
    expect((await check(`${origin}/other`)).body.snippetFound).toBe(false);
    expect((await check(`${origin}/missing`)).body).toMatchObject({ status: 404, snippetFound: false, problem: 'http_error' });
  });

  it('when the host is unknown or nothing answers there, then the problem says which, for the dashboard to word it', async () => {
    expect((await check('http://no-such-shop.invalid/')).body).toMatchObject({ status: null, snippetFound: false, problem: 'unknown_host' });
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    expect((await check(`http://127.0.0.1:${closed}/`)).body).toMatchObject({ status: null, problem: 'unreachable' });
  });

  it('when the page redirects, then the redirect is not followed and the answer says where it leads', async () => {
    const res = await check(`${origin}/moved`);
    expect(res.body).toMatchObject({ status: 302, snippetFound: false, problem: 'redirect', location: expect.stringContaining('169.254.169.254') });
    expect(res.body.detail).toContain('169.254.169.254');
  });

  it('when the URL is not http(s), then 400 names body.url', async () => {
    const res = await check('file:///etc/passwd');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('body.url');
  });

  it('when a tenant checks more than 10 pages in a minute, then the next is 429 with Retry-After, and another tenant is not held back', async () => {
    const busy = await t.register(undefined, 'Busy Co');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await request(t.app).post('/api/v1/widget/check-site').set(bearer(busy)).send({ url: `${origin}/missing` })).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    const refused = await request(t.app).post('/api/v1/widget/check-site').set(bearer(busy)).send({ url: `${origin}/missing` });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await check(`${origin}/missing`)).status).toBe(200);
  });

  it('when private targets are not allowed (production), then loopback and link-local pages are refused, never fetched', async () => {
    const strict = await startTestApp();
    try {
      const session = await strict.register(undefined, 'Strict Co');
      for (const url of [`${origin}/with`, 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:127.0.0.1]/', 'http://2130706433/']) {
        const res = await request(strict.app).post('/api/v1/widget/check-site').set(bearer(session)).send({ url });
        expect([url, res.status, res.body.status, res.body.problem, res.body.detail]).toEqual([url, 200, null, 'private_address', expect.stringMatching(/not a public address/)]);
      }
    } finally {
      await strict.close();
    }
  });
});
