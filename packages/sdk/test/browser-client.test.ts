import { createVocaliaBrowserClient, type FetchLike } from '../src';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(answers: unknown[]) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const body = answers.shift();
    return new Response(body === undefined ? null : JSON.stringify(body), { status: body === undefined ? 204 : 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls };
}

const header = (call: Call | undefined, name: string) => (call?.init.headers as Record<string, string> | undefined)?.[name];
const browserSession = {
  user: { id: 'u1', email: 'a@b.example' },
  tenant: { id: 't1', name: 'T', slug: 't', plan: 'starter', status: 'trialing', trialEndsAt: null },
  accessToken: 'jwt-1',
  expiresIn: 900,
};

describe('VocaliaBrowserClient (cookie sessions)', () => {
  it('when it signs in, then the session header goes out, a body without refresh token is accepted, and later calls carry the access token', async () => {
    const { fetch, calls } = fakeFetch([browserSession, { items: [] }]);
    const client = createVocaliaBrowserClient({ baseUrl: 'http://app.test', fetch });
    await client.auth.login({ email: 'a@b.example', password: 'x' });
    expect(header(calls[0], 'x-vocalia-session')).toBe('cookie');
    await client.agents.list();
    expect(header(calls[1], 'authorization')).toBe('Bearer jwt-1');
    expect(header(calls[1], 'x-vocalia-session')).toBe('cookie');
  });

  it('when it refreshes, then no body and no credential are sent (the cookie carries the session), and the new token is used', async () => {
    const { fetch, calls } = fakeFetch([{ accessToken: 'jwt-2', expiresIn: 900 }, { items: [] }]);
    const client = createVocaliaBrowserClient({ baseUrl: 'http://app.test', fetch });
    await client.auth.refresh();
    expect(calls[0]?.url).toBe('http://app.test/api/v1/auth/refresh');
    expect(calls[0]?.init.body).toBeUndefined();
    expect(header(calls[0], 'authorization')).toBeUndefined();
    await client.agents.list();
    expect(header(calls[1], 'authorization')).toBe('Bearer jwt-2');
  });

  it('when it logs out, then the access token is dropped', async () => {
    const { fetch, calls } = fakeFetch([{ accessToken: 'jwt-3', expiresIn: 900 }, undefined, { items: [] }]);
    const client = createVocaliaBrowserClient({ baseUrl: 'http://app.test', fetch });
    await client.auth.refresh();
    await client.auth.logout();
    await client.agents.list();
    expect(header(calls[2], 'authorization')).toBeUndefined();
  });

  it('when a catalog CSV is imported, then it goes as text/csv, unchanged', async () => {
    const { fetch, calls } = fakeFetch([{ created: 1, updated: 0, errors: [] }]);
    const client = createVocaliaBrowserClient({ baseUrl: 'http://app.test', fetch });
    const csv = 'sku,name,price\nA-1,Tajine,12.5\n';
    await client.catalog.importCsv(csv);
    expect(header(calls[0], 'content-type')).toBe('text/csv');
    expect(calls[0]?.init.body).toBe(csv);
  });

  it('when it finishes single sign-on, then the code is redeemed, its refresh token goes to the cookie-mode refresh, and only the rotated access token is kept', async () => {
    const oauthSession = { ...browserSession, accessToken: 'jwt-sso', refreshToken: 'refresh-sso' };
    const { fetch, calls } = fakeFetch([oauthSession, { accessToken: 'jwt-3', expiresIn: 900 }, { items: [] }]);
    const client = createVocaliaBrowserClient({ baseUrl: 'http://app.test', fetch });
    const signedIn = await client.auth.ssoSignIn('c'.repeat(43));
    expect(calls[0]?.url).toBe('http://app.test/oauth/session');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ code: 'c'.repeat(43) });
    expect(calls[1]?.url).toBe('http://app.test/api/v1/auth/refresh');
    expect(header(calls[1], 'x-vocalia-session')).toBe('cookie');
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual({ refreshToken: 'refresh-sso' });
    expect(signedIn).toMatchObject({ accessToken: 'jwt-3', user: { id: 'u1' } });
    expect(signedIn).not.toHaveProperty('refreshToken');
    await client.agents.list();
    expect(header(calls[2], 'authorization')).toBe('Bearer jwt-3');
  });
});

