import request from 'supertest';
import { PROBLEM_CONTENT_TYPE, type SessionResponse } from '@vocalia/contracts';
import { startGateway, type TestGateway } from './support/start-gateway';

const GITHUB = { GITHUB_CLIENT_ID: 'gh-client', GITHUB_CLIENT_SECRET: 'gh-secret', GITHUB_OAUTH_URL: 'https://github.test' };
const BROWSER = 'text/html,application/xhtml+xml,*/*;q=0.8';

const session: SessionResponse = {
  user: { id: 'u1', email: 'amina@example.test' },
  tenant: { id: 't1', name: 'Atlas', slug: 'atlas', plan: 'starter', status: 'trialing', trialEndsAt: null },
  accessToken: 'access-token',
  refreshToken: 'refresh-token-refresh-token',
  expiresIn: 900,
};

describe('oauth-gateway sign-in routes (no provider contacted)', () => {
  let g: TestGateway;
  beforeAll(async () => {
    g = await startGateway(GITHUB);
  });
  afterAll(() => g.close());

  const setCookies = (res: request.Response): string[] => (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];

  /** The refusals queued for db-api's audit log, newest first. */
  const audited = async () => (await g.deps.audit.queue.getJobs(['waiting', 'delayed', 'completed'])).map((j) => j.data as { tenantId: string | null; action: string; meta: { reason: string; field: string } });

  async function started(redirect?: string) {
    const res = await request(g.app).get('/oauth/github/start').query(redirect ? { redirect } : {});
    expect(res.status).toBe(303);
    const cookie = setCookies(res)[0]!.split(';')[0]!;
    return { location: new URL(res.headers.location!), cookie };
  }

  it('when a provider has no client id and secret, then it is listed disabled and its start is 404', async () => {
    const res = await request(g.app).get('/oauth/providers');
    expect(res.body.providers.map((p: { id: string; enabled: boolean }) => [p.id, p.enabled])).toEqual([
      ['google', false],
      ['github', true],
      ['slack', false],
    ]);
    const start = await request(g.app).get('/oauth/google/start');
    expect(start.status).toBe(404);
    expect(start.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect((await request(g.app).get('/oauth/myspace/start')).status).toBe(404);
  });

  it('when GitHub sign-in starts, then the browser goes to its authorize URL with PKCE S256 and the callback on PUBLIC_BASE_URL', async () => {
    const { location, cookie } = await started();
    expect(location.origin + location.pathname).toBe('https://github.test/login/oauth/authorize');
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ client_id: 'gh-client', redirect_uri: 'https://vocalia.test/oauth/github/callback', code_challenge_method: 'S256', scope: 'read:user user:email' });
    expect(cookie).toMatch(/^vocalia_oauth=/);
  });

  it('when the landing is not exactly on the allow-list, then 400 naming query.redirect', async () => {
    for (const redirect of ['https://evil.example/', '/app/../admin', '//evil.example/app/']) {
      const res = await request(g.app).get('/oauth/github/start').query({ redirect });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text).errors).toEqual([{ path: 'query.redirect', message: 'is not an allowed landing' }]);
    }
  });

  it('when the callback comes without the sign-in cookie, then a browser gets an HTML page and an API client problem+json, both 400, and it is audited without a tenant', async () => {
    const html = await request(g.app).get('/oauth/github/callback?code=abc&state=xyz').set('accept', BROWSER);
    expect(html.status).toBe(400);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('cookie.vocalia_oauth');
    expect(setCookies(html).join()).toMatch(/vocalia_oauth=; Path=\/oauth\/; Expires=Thu, 01 Jan 1970/);
    const json = await request(g.app).get('/oauth/github/callback?code=abc&state=xyz');
    expect(json.status).toBe(400);
    expect(json.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(JSON.parse(json.text).errors[0].path).toBe('cookie.vocalia_oauth');
    expect((await audited()).filter((e) => e.meta.field === 'cookie.vocalia_oauth')).toEqual([
      expect.objectContaining({ tenantId: null, action: 'auth.oauth_refused', meta: expect.objectContaining({ reason: 'state_missing' }) }),
      expect.objectContaining({ tenantId: null, action: 'auth.oauth_refused' }),
    ]);
  });

  it('when the cookie is forged (signed with another secret), then it counts as missing', async () => {
    const { cookie, location } = await started();
    const [name, token] = cookie.split('=');
    const [header, payload] = token!.split('.');
    const res = await request(g.app).get(`/oauth/github/callback?code=abc&state=${location.searchParams.get('state')}`).set('cookie', `${name}=${header}.${payload}.AAAA`);
    expect(JSON.parse(res.text).errors[0].path).toBe('cookie.vocalia_oauth');
  });

  it('when the state is missing or differs from the cookie, then 400 naming query.state and no provider is called', async () => {
    const { cookie } = await started();
    const missing = await request(g.app).get('/oauth/github/callback?code=abc').set('cookie', cookie);
    expect(JSON.parse(missing.text).errors[0]).toEqual({ path: 'query.state', message: 'is missing' });
    const forged = await request(g.app).get('/oauth/github/callback?code=abc&state=forged').set('cookie', cookie);
    expect(JSON.parse(forged.text).errors[0].path).toBe('query.state');
    const reasons = (await audited()).filter((e) => e.meta.field === 'query.state').map((e) => e.meta.reason).sort();
    expect(reasons).toEqual(['state_mismatch', 'state_missing']);
  });

  it("when the cookie was issued for another provider, then GitHub's callback refuses its state", async () => {
    const other = await startGateway({ ...GITHUB, GOOGLE_CLIENT_ID: 'g', GOOGLE_CLIENT_SECRET: 's', OAUTH_COOKIE_SECRET: 'x'.repeat(40) });
    try {
      const flow = await other.deps.flowCookies.seal({ provider: 'google', state: 'same-state', nonce: 'n', codeVerifier: 'v'.repeat(43), landing: '/app/' });
      const res = await request(other.app).get('/oauth/github/callback?code=abc&state=same-state').set('cookie', `vocalia_oauth=${flow}`);
      expect(JSON.parse(res.text).errors[0].path).toBe('query.state');
    } finally {
      await other.close();
    }
  });

  it('when the provider cannot be reached, then 502 and nothing is audited as a refusal', async () => {
    const before = (await audited()).length;
    const { cookie, location } = await started();
    const res = await request(g.app).get(`/oauth/github/callback?code=abc&state=${location.searchParams.get('state')}`).set('cookie', cookie);
    expect(res.status).toBe(502);
    expect(JSON.parse(res.text).code).toBe('UPSTREAM_FAILED');
    const down = await startGateway({ GOOGLE_CLIENT_ID: 'g', GOOGLE_CLIENT_SECRET: 's', GOOGLE_ISSUER: 'http://127.0.0.1:1' });
    try {
      const start = await request(down.app).get('/oauth/google/start').set('accept', BROWSER);
      expect(start.status).toBe(502);
      expect(start.text).toContain('Google could not be reached');
    } finally {
      await down.close();
    }
    expect((await audited()).length).toBe(before);
  });

  it('when a one-time code is exchanged, then the session comes back once; again, or unknown, or malformed, is 400 naming body.code', async () => {
    const code = await g.deps.codes.issue(session);
    const first = await request(g.app).post('/oauth/session').send({ code });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.body).toEqual(session);
    for (const body of [{ code }, { code: 'A'.repeat(43) }, { code: 'short' }, {}]) {
      const res = await request(g.app).post('/oauth/session').send(body);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text).errors[0].path).toBe('body.code');
    }
    expect((await audited()).filter((e) => e.meta.reason === 'code_unknown')).toHaveLength(2);
  });

  it('when a code is issued, then Redis keeps it 60 s at most', async () => {
    const code = await g.deps.codes.issue(session);
    const ttl = await g.deps.redis.ttl((await g.deps.redis.keys(`*oauth:code:${code}`))[0]!);
    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(60);
  });
});
