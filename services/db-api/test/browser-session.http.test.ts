import request from 'supertest';
import { bearer, startTestApp, TEST_PASSWORD, type TestApp } from './support';

const COOKIE_MODE = { 'x-vocalia-session': 'cookie' };

function refreshCookie(res: request.Response): string {
  const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('vocalia_refresh='));
  if (!header) throw new Error('no vocalia_refresh cookie');
  return header;
}

describe('browser sessions: the refresh token in an HttpOnly cookie, CSRF-guarded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function registerInCookieMode() {
    const res = await request(t.app).post('/api/v1/auth/register').set(COOKIE_MODE).send({ email: `cookie.${Date.now()}.${Math.random()}@atlas.example`, password: TEST_PASSWORD, company: 'Cookie Co' });
    expect(res.status).toBe(201);
    return { res, cookie: refreshCookie(res).split(';')[0] as string };
  }

  it('when the dashboard registers in cookie mode, then the body has no refresh token and the cookie is HttpOnly, Secure, SameSite=Strict on the auth path', async () => {
    const { res } = await registerInCookieMode();
    expect(res.body.refreshToken).toBeUndefined();
    expect(res.body.accessToken).toEqual(expect.any(String));
    const attributes = refreshCookie(res).toLowerCase();
    for (const attribute of ['httponly', 'secure', 'samesite=strict', 'path=/api/v1/auth']) expect(attributes).toContain(attribute);
    expect((await request(t.app).get('/api/v1/me').set(bearer(res.body.accessToken))).status).toBe(200);
  });

  it('when a same-origin refresh carries the cookie, then a new access token and a rotated cookie come back; the old cookie no longer works', async () => {
    const { cookie } = await registerInCookieMode();
    const refreshed = await request(t.app).post('/api/v1/auth/refresh').set(COOKIE_MODE).set('cookie', cookie).set('origin', 'http://localhost:8080').set('sec-fetch-site', 'same-origin');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    expect(refreshCookie(refreshed).split(';')[0]).not.toBe(cookie);
    expect((await request(t.app).get('/api/v1/me').set(bearer(refreshed.body.accessToken))).status).toBe(200);
    expect((await request(t.app).post('/api/v1/auth/refresh').set(COOKIE_MODE).set('cookie', cookie)).status).toBe(401);
  });

  it('when the refresh comes from another site, then 403 and the cookie still works from the dashboard', async () => {
    const { cookie } = await registerInCookieMode();
    expect((await request(t.app).post('/api/v1/auth/refresh').set(COOKIE_MODE).set('cookie', cookie).set('origin', 'https://evil.example')).status).toBe(403);
    expect((await request(t.app).post('/api/v1/auth/refresh').set(COOKIE_MODE).set('cookie', cookie).set('sec-fetch-site', 'cross-site')).status).toBe(403);
    expect((await request(t.app).post('/api/v1/auth/refresh').set(COOKIE_MODE).set('cookie', cookie)).status).toBe(200);
  });

  it('when the cookie is sent without the session header (a plain form post), then it is ignored: 400 names the missing field', async () => {
    const { cookie } = await registerInCookieMode();
    const res = await request(t.app).post('/api/v1/auth/refresh').set('cookie', cookie).send({});
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('refreshToken');
  });

  it('when a cookie session logs out, then the cookie is cleared and can no longer refresh', async () => {
    const { cookie } = await registerInCookieMode();
    const out = await request(t.app).post('/api/v1/auth/logout').set(COOKIE_MODE).set('cookie', cookie);
    expect(out.status).toBe(204);
    expect(refreshCookie(out)).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await request(t.app).post('/api/v1/auth/refresh').set(COOKIE_MODE).set('cookie', cookie)).status).toBe(401);
  });

  it('when an API client logs in without the header, then the JSON flow is unchanged and no cookie is set', async () => {
    const { res } = await registerInCookieMode();
    const login = await request(t.app).post('/api/v1/auth/login').send({ email: res.body.user.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.refreshToken).toEqual(expect.any(String));
    expect(login.headers['set-cookie']).toBeUndefined();
  });

  it('when the dashboard adopts a session it received as JSON (single sign-on), then refresh in cookie mode with the token in the body sets the cookie, and that token is spent', async () => {
    const { res } = await registerInCookieMode();
    const login = await request(t.app).post('/api/v1/auth/login').send({ email: res.body.user.email, password: TEST_PASSWORD });
    const adopted = await request(t.app).post('/api/v1/auth/refresh').set(COOKIE_MODE).set('sec-fetch-site', 'same-origin').send({ refreshToken: login.body.refreshToken });
    expect(adopted.status).toBe(200);
    expect(adopted.body.refreshToken).toBeUndefined();
    const cookie = refreshCookie(adopted).split(';')[0] as string;
    expect((await request(t.app).post('/api/v1/auth/refresh').set(COOKIE_MODE).set('cookie', cookie)).status).toBe(200);
    expect((await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(401);
  });

  it('when another site posts a refresh token in cookie mode, then 403 and no cookie is set', async () => {
    const { res } = await registerInCookieMode();
    const login = await request(t.app).post('/api/v1/auth/login').send({ email: res.body.user.email, password: TEST_PASSWORD });
    const refused = await request(t.app).post('/api/v1/auth/refresh').set(COOKIE_MODE).set('origin', 'https://evil.example').send({ refreshToken: login.body.refreshToken });
    expect(refused.status).toBe(403);
    expect(refused.headers['set-cookie']).toBeUndefined();
  });
});
