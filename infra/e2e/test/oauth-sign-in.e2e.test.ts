import { randomBytes } from 'node:crypto';
import { LinkedIdentityList, MeResponse, PROBLEM_CONTENT_TYPE, SessionResponse } from '@vocalia/contracts';
import { eventually } from './support';
import { CookieBrowser } from './support/cookie-browser';
import { startFakeGitHub, type FakeGitHub } from './support/fake-github';
import { startFakeOidc, type FakeOidc, type OidcUser, type TamperMode } from './support/fake-oidc';
import { PASSWORD } from './support/integrator';
import { deleteKeys } from './support/redis-keys';
import { reserveServer } from './support/reserved-server';
import { startDbApi, type RunningDbApi } from './support/start-db-api';
import { startEdge } from './support/start-edge';
import { startOAuthGateway } from './support/start-oauth-gateway';
import { Teardown } from './support/teardown';
import { uniquePrefix } from './support/test-env';

type Provider = 'google' | 'slack' | 'github';

const unique = () => randomBytes(5).toString('hex');

describe('sign in with Google, Slack (OpenID Connect) and GitHub (OAuth 2.0), through the edge', () => {
  const teardown = new Teardown();
  let edge: string;
  let dbApi: RunningDbApi;
  let oidc: FakeOidc;
  let github: FakeGitHub;

  beforeAll(async () => {
    const prefix = uniquePrefix('oauth');
    teardown.add('storage', { close: () => deleteKeys(prefix) });
    const dbServer = teardown.add('servers', await reserveServer());
    const gatewayServer = teardown.add('servers', await reserveServer());
    edge = teardown.add('edges', await startEdge({ 'db-api': dbServer.port, 'oauth-gateway': gatewayServer.port })).url;
    github = teardown.add('services', await startFakeGitHub({ clientId: 'github-client', clientSecret: 'github-secret' }));
    const spec = (name: string) => ({ name, clientId: `${name}-client`, clientSecret: `${name}-secret-${unique()}`, redirectUri: `${edge}/oauth/${name}/callback` });
    const [google, slack] = [spec('google'), spec('slack')];
    oidc = teardown.add('services', await startFakeOidc([google, slack]));
    dbApi = teardown.add('services', await startDbApi({ publicBaseUrl: edge, queuePrefix: prefix }));
    dbServer.serve(dbApi.handler);
    const gateway = await startOAuthGateway({
      publicBaseUrl: edge,
      dbApiUrl: dbServer.url,
      queuePrefix: prefix,
      providerEnv: {
        GOOGLE_ISSUER: oidc.issuers.google!,
        GOOGLE_CLIENT_ID: google.clientId,
        GOOGLE_CLIENT_SECRET: google.clientSecret,
        SLACK_ISSUER: oidc.issuers.slack!,
        SLACK_CLIENT_ID: slack.clientId,
        SLACK_CLIENT_SECRET: slack.clientSecret,
        GITHUB_OAUTH_URL: github.url,
        GITHUB_API_URL: github.url,
        GITHUB_CLIENT_ID: 'github-client',
        GITHUB_CLIENT_SECRET: 'github-secret',
      },
    });
    gatewayServer.serve(teardown.add('services', gateway).handler);
  }, 120_000);
  afterAll(() => teardown.run());

  const person = (over: Partial<OidcUser> = {}): OidcUser => ({ sub: `sub-${unique()}`, email: `person.${unique()}@example.test`, email_verified: true, name: 'Amina Idrissi', ...over });

  async function nextUser(provider: Provider, user: OidcUser | { deny: true }): Promise<void> {
    if (provider !== 'github') return oidc.nextUser(provider, user);
    if ('deny' in user) return github.nextUser(user);
    github.nextUser({ id: Number.parseInt(unique(), 16), login: user.sub, name: user.name ?? null, emails: [{ email: user.email, primary: true, verified: user.email_verified }] });
  }

  /** A fresh browser signs in at the provider and is sent back: stops before calling our callback, whose URL is returned. */
  async function toCallback(provider: Provider, user: OidcUser | { deny: true }) {
    await nextUser(provider, user);
    const browser = new CookieBrowser();
    const { stoppedAt } = await browser.follow(`${edge}/oauth/${provider}/start`, `${edge}/oauth/${provider}/callback`);
    if (!stoppedAt) throw new Error(`${provider}: the flow never came back to the callback`);
    return { browser, callbackUrl: stoppedAt };
  }

  const requestId = () => `oauth-e2e-${unique()}`;

  async function callback(browser: CookieBrowser, url: string, headers: Record<string, string> = {}) {
    const id = requestId();
    return { id, res: await browser.get(url, { 'x-request-id': id, ...headers }) };
  }

  async function exchange(landing: string, id = requestId()): Promise<Response> {
    const code = /#oauth_code=([A-Za-z0-9_-]+)$/.exec(landing)?.[1];
    return fetch(`${edge}/oauth/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: JSON.stringify({ code: code ?? 'none' }) });
  }

  async function signIn(provider: Provider, user: OidcUser) {
    const { browser, callbackUrl } = await toCallback(provider, user);
    const { res } = await callback(browser, callbackUrl);
    expect(res.status).toBe(303);
    const landing = res.headers.get('location')!;
    expect(landing).toMatch(/^\/app\/#oauth_code=[A-Za-z0-9_-]{43}$/);
    const exchanged = await exchange(landing);
    expect(exchanged.status).toBe(200);
    return { landing, session: SessionResponse.parse(await exchanged.json()) };
  }

  const api = (path: string, token: string, init: RequestInit = {}) => fetch(`${edge}${path}`, { ...init, headers: { authorization: `Bearer ${token}` } });
  const identitiesOf = async (token: string) => LinkedIdentityList.parse(await (await api('/api/v1/me/identities', token)).json()).items;

  /** The audit row the gateway queued for this request (db-api's worker writes it, with no tenant). */
  const refusalAudited = (id: string, reason: string) =>
    eventually(async () => {
      const rows = await dbApi.deps.prisma.auditLog.findMany({ where: { tenantId: null, action: 'auth.oauth_refused', meta: { path: ['requestId'], equals: id } } });
      expect(rows.map((r) => (r.meta as { reason?: string }).reason)).toEqual([reason]);
    });

  const usersWith = (email: string) => dbApi.deps.prisma.user.count({ where: { email } });
  const auditActions = async (tenantId: string) => (await dbApi.deps.prisma.auditLog.findMany({ where: { tenantId }, orderBy: { seq: 'asc' } })).map((a) => a.action);

  it('when the providers are listed, then google, github and slack are there and enabled', async () => {
    const res = await fetch(`${edge}/oauth/providers`);
    expect(await res.json()).toEqual({
      providers: [
        { id: 'google', name: 'Google', enabled: true, startUrl: '/oauth/google/start' },
        { id: 'github', name: 'GitHub', enabled: true, startUrl: '/oauth/github/start' },
        { id: 'slack', name: 'Slack', enabled: true, startUrl: '/oauth/slack/start' },
      ],
    });
  });

  it("when db-api's internal sign-in is called through the edge, then the edge refuses it: only oauth-gateway reaches it", async () => {
    const res = await fetch(`${edge}/internal/v1/identities/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(person()) });
    expect(res.status).toBe(404);
  });

  it('when a sign-in starts, then the provider gets a PKCE S256 challenge, state and nonce, and the browser a short-lived signed HttpOnly SameSite=Lax cookie', async () => {
    const res = await new CookieBrowser().get(`${edge}/oauth/google/start?redirect=${encodeURIComponent('/app/')}`);
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin).toBe(oidc.issuers.google);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({ response_type: 'code', client_id: 'google-client', redirect_uri: `${edge}/oauth/google/callback`, code_challenge_method: 'S256', scope: 'openid email profile' });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(p)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^vocalia_oauth=[\w-]+\.[\w-]+\.[\w-]+; Max-Age=600; Path=\/oauth\/; Expires=.+; HttpOnly; SameSite=Lax$/);
  });

  it('when the landing asked for is not on the allow-list, then 400 naming it and no provider is contacted', async () => {
    const res = await fetch(`${edge}/oauth/google/start?redirect=${encodeURIComponent('https://evil.example/app/')}`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('query.redirect');
  });

  describe('accounts', () => {
    const amina = person();
    let first: SessionResponse;

    it('when someone signs in with Google for the first time, then a user and a trial tenant are created, and the one-time code gives the session once', async () => {
      const { landing, session } = await signIn('google', amina);
      first = session;
      expect(session.user.email).toBe(amina.email);
      expect(session.tenant).toMatchObject({ name: "Amina Idrissi's workspace", plan: 'starter', status: 'trialing' });
      const me = MeResponse.parse(await (await api('/api/v1/me', session.accessToken)).json());
      expect(me).toMatchObject({ user: { email: amina.email, emailVerified: true }, role: 'owner' });
      expect(await auditActions(session.tenant.id)).toEqual(['auth.registered']);

      const id = requestId();
      const again = await exchange(landing, id);
      expect(again.status).toBe(400);
      expect(((await again.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('body.code');
      await refusalAudited(id, 'code_unknown');
    });

    it('when the same person signs in with Slack (same verified email), then Slack is linked to that account and both providers are listed', async () => {
      const { session } = await signIn('slack', { ...amina, sub: `U${unique()}` });
      expect(session.user.id).toBe(first.user.id);
      expect(session.tenant.id).toBe(first.tenant.id);
      expect((await identitiesOf(session.accessToken)).map((i) => i.provider)).toEqual(['google', 'slack']);
      expect(await auditActions(first.tenant.id)).toEqual(['auth.registered', 'auth.identity_linked']);
      const back = await signIn('google', amina);
      expect(back.session.user.id).toBe(first.user.id);
      expect(await usersWith(amina.email)).toBe(1);
    });

    it('when the account has no password, then unlinking Slack works and unlinking Google, its last way in, is refused with 409', async () => {
      const [google, slack] = await identitiesOf(first.accessToken);
      expect((await api(`/api/v1/me/identities/${slack!.id}`, first.accessToken, { method: 'DELETE' })).status).toBe(204);
      const refused = await api(`/api/v1/me/identities/${google!.id}`, first.accessToken, { method: 'DELETE' });
      expect(refused.status).toBe(409);
      expect((await identitiesOf(first.accessToken)).map((i) => i.provider)).toEqual(['google']);
      expect(await auditActions(first.tenant.id)).toEqual(expect.arrayContaining(['auth.identity_unlinked', 'auth.identity_unlink_refused']));
    });

    it('when a password account signs in with GitHub whose primary email is verified, then GitHub is linked to it; unlinked, the password still works', async () => {
      const email = `owner.${unique()}@example.test`;
      const registered = await fetch(`${edge}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD, company: 'Cabinet Atlas' }) });
      const owner = SessionResponse.parse(await registered.json());
      // As if the owner had followed the verification link: an unverified account loses its password when linked.
      await dbApi.deps.prisma.user.update({ where: { id: owner.user.id }, data: { emailVerifiedAt: new Date() } });
      const { session } = await signIn('github', person({ email }));
      expect(session.user.id).toBe(owner.user.id);
      expect(session.tenant.id).toBe(owner.tenant.id);
      const [linked] = await identitiesOf(session.accessToken);
      expect(linked).toMatchObject({ provider: 'github', email });
      expect((await api(`/api/v1/me/identities/${linked!.id}`, session.accessToken, { method: 'DELETE' })).status).toBe(204);
      const login = await fetch(`${edge}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
      expect(login.status).toBe(200);
    });

    it.each<[Provider]>([['github'], ['google']])('when %s says the email of an existing account is not verified, then an HTML 403 page, nothing linked, the refusal audited', async (provider) => {
      const email = `victim.${unique()}@example.test`;
      const registered = await fetch(`${edge}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD, company: 'Cabinet Atlas' }) });
      const owner = SessionResponse.parse(await registered.json());
      const { browser, callbackUrl } = await toCallback(provider, person({ email, email_verified: false }));
      const { res } = await callback(browser, callbackUrl);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('has not verified this email');
      expect(await identitiesOf(owner.accessToken)).toEqual([]);
      expect(await auditActions(owner.tenant.id)).toContain('auth.oauth_refused');
    });
  });

  describe('bad input: an error page, no account, an audit entry', () => {
    type Case = [string, Provider, string, string, (p: Provider, user: OidcUser) => Promise<{ id: string; res: Response }>];
    const tampered = (mode: TamperMode) => async (p: Provider, user: OidcUser) => {
      const { browser, callbackUrl } = await toCallback(p, user);
      await oidc.tamper(p, mode);
      return callback(browser, callbackUrl);
    };
    const withUrl = (change: (u: URL) => void) => async (p: Provider, user: OidcUser) => {
      const { browser, callbackUrl } = await toCallback(p, user);
      const url = new URL(callbackUrl);
      change(url);
      return callback(browser, url.toString());
    };
    const cases: Case[] = [
      ['the state is missing', 'google', 'query.state', 'state_missing', withUrl((u) => u.searchParams.delete('state'))],
      ['the state does not match', 'slack', 'query.state', 'state_mismatch', withUrl((u) => u.searchParams.set('state', 'forged-state-value'))],
      [
        'the browser has no sign-in cookie',
        'google',
        'cookie.vocalia_oauth',
        'state_missing',
        async (p, user) => {
          const { callbackUrl } = await toCallback(p, user);
          return callback(new CookieBrowser(), callbackUrl);
        },
      ],
      [
        'the provider answers error=access_denied',
        'google',
        'query.error',
        'provider_error',
        async (p) => {
          const { browser, callbackUrl } = await toCallback(p, { deny: true });
          return callback(browser, callbackUrl);
        },
      ],
      [
        'GitHub answers error=access_denied',
        'github',
        'query.error',
        'provider_error',
        async (p) => {
          const { browser, callbackUrl } = await toCallback(p, { deny: true });
          return callback(browser, callbackUrl);
        },
      ],
      ['the id_token carries another nonce', 'google', 'id_token', 'id_token_invalid', tampered('wrong-nonce')],
      ['the id_token signature is not the issuer key', 'slack', 'id_token', 'id_token_invalid', tampered('bad-signature')],
      ['the id_token is for another audience', 'google', 'id_token', 'id_token_invalid', tampered('wrong-audience')],
      ['the id_token has expired', 'slack', 'id_token', 'id_token_invalid', tampered('expired')],
    ];

    it.each(cases)('when %s (%s), then 400 naming %s, no account, audited as %s', async (_what, provider, field, reason, run) => {
      const user = person();
      const { id, res } = await run(provider, user);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('text/html');
      const page = await res.text();
      expect(page).toContain('Sign-in failed');
      expect(page).toContain(field);
      expect(res.headers.getSetCookie().join()).toMatch(/vocalia_oauth=;.*Expires=Thu, 01 Jan 1970/);
      expect(await usersWith(user.email)).toBe(0);
      await refusalAudited(id, reason);
    });

    it.each<[Provider]>([['google'], ['github']])('when the %s callback is replayed (the code reused), then the provider refuses it: 400 naming query.code, audited, still one account', async (provider) => {
      const user = person();
      const { browser, callbackUrl } = await toCallback(provider, user);
      const cookie = `vocalia_oauth=${browser.cookie(new URL(edge).host, 'vocalia_oauth')}`;
      expect((await callback(browser, callbackUrl)).res.status).toBe(303);
      const { id, res } = await callback(new CookieBrowser(), callbackUrl, { cookie, accept: 'application/json' });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
      expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('query.code');
      expect(await usersWith(user.email)).toBe(1);
      await refusalAudited(id, 'code_rejected');
    });
  });
});
