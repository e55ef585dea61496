import request from 'supertest';
import { demoPageHtml } from '../src/widget/demo-page';
import { PUBLIC_BASE_URL, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('widget');
});
afterAll(() => h.close());

describe('the widget bundle', () => {
  it('when /widget/v1/vocalia.js is fetched, then it is public JavaScript cached briefly, with an ETag, CORS * and CORP cross-origin', async () => {
    const res = await request(h.app).get('/widget/v1/vocalia.js').set('Accept-Encoding', 'identity').set('Origin', 'https://any.example.com').expect(200);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).toBe('(function(){window.VocalIA=1})();');
  });

  it('when the browser revalidates with the ETag, then 304 without a body', async () => {
    const first = await request(h.app).get('/widget/v1/vocalia.js').expect(200);
    const again = await request(h.app).get('/widget/v1/vocalia.js').set('If-None-Match', first.headers.etag as string).expect(304);
    expect(again.text).toBe('');
  });

  it('when the content-addressed URL is fetched, then it is cached for a year, immutable', async () => {
    const res = await request(h.app).get('/widget/v1.0123456789abcdef/vocalia.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('when an old or unknown hash is asked for, then 404 names the current URL', async () => {
    const res = await request(h.app).get('/widget/v1.deadbeef00/vocalia.js').expect(404);
    expect(res.body.detail).toContain('/widget/v1.0123456789abcdef/vocalia.js');
  });

  it('when the browser accepts gzip, then the precompressed bytes are sent with Content-Encoding and Vary', async () => {
    const res = await request(h.app).get('/widget/v1/vocalia.js').set('Accept-Encoding', 'gzip, br').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.text).toBe('(function(){window.VocalIA=1})();');
  });

  it('when HEAD is used, then headers come without the body', async () => {
    const res = await request(h.app).head('/widget/v1/vocalia.js').set('Accept-Encoding', 'identity').expect(200);
    expect(res.headers['content-length']).toBe('33');
    expect(res.text ?? '').toBe('');
  });
});

describe('the demo page', () => {
  const EDGE = new URL(PUBLIC_BASE_URL).origin;

  it('when /widget/demo is asked for a tenant, then an HTML page embeds its snippet from PUBLIC_BASE_URL under a strict CSP', async () => {
    const res = await request(h.app).get('/widget/demo?tenantId=acme-42').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain(`<script src="${PUBLIC_BASE_URL}/widget/v1/vocalia.js" data-vocalia-tenant="acme-42" async></script>`);
    expect(res.text).toContain('<code>acme-42</code>');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp.split('; ')).toEqual(
      expect.arrayContaining(["default-src 'none'", `script-src ${EDGE}`, `connect-src ${EDGE} ${EDGE.replace('https', 'wss')}`, "frame-ancestors 'none'"]),
    );
    expect(csp).not.toContain('unsafe');
  });

  it('when the tenant id is malformed, then 404 problem+json without the id reflected as HTML; when missing, then 400', async () => {
    const res = await request(h.app).get('/widget/demo').query({ tenantId: '<img src=x onerror=alert(1)>' }).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('NOT_FOUND');
    await request(h.app).get('/widget/demo').expect(400);
  });

  it('when the page is rendered, then the tenant id is escaped in the text and in the snippet', () => {
    const html = demoPageHtml('https://edge.example.com', 'a"<b>&');
    expect(html).toContain('<code>a&quot;&lt;b&gt;&amp;</code>');
    expect(html).toContain('data-vocalia-tenant="a&quot;&lt;b&gt;&amp;"');
    expect(html).not.toContain('<b>');
  });
});
