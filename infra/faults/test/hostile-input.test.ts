import { generateKeyPairSync } from 'node:crypto';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { decodeJwt, generateKeyPair, importPKCS8, SignJWT, type JWTPayload } from 'jose';
import { RespondRequest, SessionResponse } from '@vocalia/contracts';
import { routeDocs } from '@vocalia/db-api/src/route-docs';
import { eventually, PASSWORD, pageClient, startFleet, type Fleet } from '@vocalia/e2e/test/support';
import { connectFleetDatabase } from './support/fleet-database';
import { listen } from '@vocalia/service-kit';
import { requestsFor, type FuzzRoute } from './support/fuzz-requests';

const SITE = 'https://www.hostile-input.example';
const FOREIGN = 'https://copycat.example';
const RUNS_PER_ROUTE = 4;
const SEED = 20261202;

const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

interface Owner {
  token: string;
  tenantId: string;
}

async function register(edgeUrl: string, n: number): Promise<Owner> {
  const res = await fetch(`${edgeUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `owner${n}.${Date.now()}@hostile-input.example`, password: PASSWORD, company: `Hostile Input ${n}` }),
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  const session = SessionResponse.parse(await res.json());
  return { token: session.accessToken, tenantId: session.tenant.id };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A server as every service listens (service-kit's `listen`), and a client dripping one header byte
 * every 500 ms until the server closes its socket; resolves with what the server answered. It runs
 * while the other tests do: the headers timeout is the production one.
 */
async function slowlorisAgainstListen(): Promise<string> {
  const server: Server = await listen(express(), 0, undefined, '127.0.0.1');
  try {
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('GET / HTTP/1.1\r\nHost: slow.example\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X'), 500);
    await closed;
    clearInterval(drip);
    return answer;
  } finally {
    server.close();
  }
}

describe('hostile input through the edge: fuzzed routes, forged tokens, revoked keys, foreign origins, slow clients', () => {
  let fleet: Fleet;
  let owner: Owner;
  let registrations = 0;
  let slowClient: Promise<string>;

  const api = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${fleet.edgeUrl}${path}`, { ...init, headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.headers as Record<string, string>) }, signal: AbortSignal.timeout(10_000) });

  beforeAll(async () => {
    slowClient = slowlorisAgainstListen();
    fleet = await startFleet({ name: 'hostile-input', dbApiEnv: { JWT_PRIVATE_KEY: keys.privateKey, JWT_PUBLIC_KEY: keys.publicKey } });
    owner = await register(fleet.edgeUrl, (registrations += 1));
    const origin = await api('/api/v1/origins', { method: 'POST', token: owner.token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ origin: SITE }) });
    expect(origin.status).toBe(201);
  }, 90_000);
  afterAll(() => fleet?.close());

  it("when A's widget names B's agent in /respond, then A's own agent answers and the stored conversation is A's, with A's agent", async () => {
    const other = await register(fleet.edgeUrl, (registrations += 1));
    const agents = await Promise.all(
      [owner, other].map(async (o) => {
        const res = await api('/api/v1/agents', { method: 'POST', token: o.token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Salma', personaId: 'dental', languages: ['fr'] }) });
        expect(res.status).toBe(201);
        return ((await res.json()) as { id: string }).id;
      }),
    );
    const [ownAgent, foreignAgent] = agents as [string, string];
    const page = pageClient(fleet.edgeUrl, SITE);
    const sessionId = 'sess_foreign_agent_1';
    const res = await page.respond(await page.sessionToken(owner.tenantId), { tenantId: owner.tenantId, sessionId, agentId: foreignAgent, message: 'Bonjour' });
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain(other.tenantId);
    const db = await connectFleetDatabase();
    try {
      const stored = await eventually(async () => {
        const rows = await db.query<{ tenant_id: string; agent_id: string | null }>('SELECT tenant_id, agent_id FROM conversations WHERE session_id = $1', [sessionId]);
        expect(rows.rows).toHaveLength(1);
        return rows.rows[0];
      }, 20_000, 250);
      expect(stored?.tenant_id).toBe(owner.tenantId);
      expect(stored?.agent_id).toBe(ownAgent);
    } finally {
      await db.end();
    }
  });

  it('when every public route gets bodies, queries and path ids generated from its zod contract with hostile values, then never a 5xx and never a hang', async () => {
    const widgetToken = await pageClient(fleet.edgeUrl, SITE).sessionToken(owner.tenantId);
    const voiceRoutes: FuzzRoute[] = [
      { method: 'post', path: '/respond', body: RespondRequest },
      { method: 'get', path: '/config', query: RespondRequest.pick({ tenantId: true }) },
      { method: 'get', path: '/social-proof', query: RespondRequest.pick({ tenantId: true }) },
      { method: 'get', path: '/widget/v1.:hash/vocalia.js' },
    ];
    const routes = [...routeDocs.map((d) => ({ ...d, voice: false })), ...voiceRoutes.map((r) => ({ ...r, auth: 'public' as const, voice: true }))];
    const failures: string[] = [];
    let sent = 0;
    for (const [index, route] of routes.entries()) {
      for (const req of requestsFor(route, RUNS_PER_ROUTE, SEED + index)) {
        const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${route.voice ? widgetToken : owner.token}`, ...(route.voice ? { origin: SITE } : {}) };
        const line = `${req.method} ${req.path} ${(req.body ?? '').slice(0, 120)}`;
        sent += 1;
        try {
          const res = await fetch(`${fleet.edgeUrl}${req.path}`, { method: req.method, headers, body: req.body, signal: AbortSignal.timeout(10_000) });
          const text = await res.text();
          if (res.status >= 500) failures.push(`${line} -> ${res.status} ${text.slice(0, 200)}`);
          // A fuzzed call may log the owner out or delete the account: carry on as a new owner.
          if (res.status === 401 && !route.voice && route.auth !== 'public') owner = await register(fleet.edgeUrl, (registrations += 1));
        } catch (err) {
          failures.push(`${line} -> ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(routeDocs.length * RUNS_PER_ROUTE);
    expect(failures).toEqual([]);
  }, 180_000);

  describe('forged and stale credentials', () => {
    let claims: JWTPayload;
    const realKey = () => importPKCS8(keys.privateKey, 'RS256');
    const sign = async (payload: JWTPayload, key: Parameters<SignJWT['sign']>[0], alg = 'RS256') => new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
    const tenantStatus = async (token: string) => (await api('/api/v1/tenant', { token })).status;

    beforeAll(async () => {
      owner = await register(fleet.edgeUrl, (registrations += 1));
      claims = decodeJwt(owner.token);
    });

    it('when the claims are re-signed with the real key, then 200 (the forgeries below differ only where they say)', async () => {
      expect(await tenantStatus(await sign(claims, await realKey()))).toBe(200);
    });

    it.each([
      ['alg none', async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`],
      ['another RSA key', async () => sign(claims, (await generateKeyPair('RS256')).privateKey)],
      ['HS256 keyed with the public key', async () => sign(claims, new TextEncoder().encode(keys.publicKey), 'HS256')],
      ['a wrong audience', async () => sign({ ...claims, aud: 'vocalia-elsewhere' }, await realKey())],
      ['a wrong issuer', async () => sign({ ...claims, iss: 'https://evil.example' }, await realKey())],
      ['an expiry passed', async () => sign({ ...claims, iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) - 60 }, await realKey())],
    ])('when a JWT has %s, then 401', async (_name, forge) => {
      expect(await tenantStatus(await forge())).toBe(401);
    });

    it('when an API key is revoked, then it is refused at once with 401', async () => {
      expect((await api('/api/v1/plan', { method: 'PUT', token: owner.token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ plan: 'pro' }) })).status).toBe(200);
      const created = await api('/api/v1/api-keys', { method: 'POST', token: owner.token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'fault suite' }) });
      expect(created.status).toBe(201);
      const key = (await created.json()) as { id: string; key: string };
      expect(await tenantStatus(key.key)).toBe(200);
      expect((await api(`/api/v1/api-keys/${key.id}`, { method: 'DELETE', token: owner.token })).status).toBe(204);
      expect(await tenantStatus(key.key)).toBe(401);
    });
  });

  it('when a foreign origin calls db-api or the widget routes, then no CORS grant reaches it and the widget refuses it', async () => {
    const preflight = await api('/api/v1/tenant', { method: 'OPTIONS', headers: { origin: FOREIGN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    const read = await api('/api/v1/tenant', { token: owner.token, headers: { origin: FOREIGN } });
    for (const res of [preflight, read]) {
      expect([FOREIGN, '*']).not.toContain(res.headers.get('access-control-allow-origin'));
      await res.arrayBuffer();
    }
    const stranger = pageClient(fleet.edgeUrl, FOREIGN);
    expect((await stranger.config(owner.tenantId)).status).toBe(403);
  });

  it('when a client sends its headers a byte at a time (slowloris), then the server answers 408 and closes the socket after its headers timeout', async () => {
    expect(await slowClient).toMatch(/^HTTP\/1\.1 408/);
  });
});
