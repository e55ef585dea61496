import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DASHBOARD_DIST_DIR } from '@vocalia/dashboard';
import { startTestApp, type TestApp } from './support';

describe('the dashboard at /app/ (built on install)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('when /app/ is loaded, then index.html comes back revalidated, with a strict CSP and no inline script', async () => {
    const res = await request(t.app).get('/app/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.text).toMatch(/src="\/app\/assets\/index-[\w-]+\.js"/);
  });

  it('when a hashed asset is fetched, then it is cached for a year as immutable; a missing one is a 404', async () => {
    const script = readdirSync(join(DASHBOARD_DIST_DIR, 'assets')).find((f) => f.endsWith('.js')) as string;
    const res = await request(t.app).get(`/app/assets/${script}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request(t.app).get('/app/assets/index-missing.js')).status).toBe(404);
  });

  it('when /app is asked without its slash, then it redirects to /app/', async () => {
    const res = await request(t.app).get('/app');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/app/');
  });
});
