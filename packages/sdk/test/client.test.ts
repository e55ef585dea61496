import { createVocaliaClient, VocaliaApiError, VocaliaContractError, type FetchLike } from '../src';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: unknown, contentType = 'application/json') {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers: { 'content-type': contentType, 'x-request-id': 'req-12345678' } });
  };
  return { fetch, calls };
}

const header = (call: Call | undefined, name: string) => (call?.init.headers as Record<string, string> | undefined)?.[name];

const session = {
  user: { id: 'u1', email: 'a@b.example' },
  tenant: { id: 't1', name: 'T', slug: 't', plan: 'starter', status: 'trialing', trialEndsAt: '2026-01-15T00:00:00.000Z' },
  accessToken: 'jwt-access',
  refreshToken: 'r'.repeat(43),
  expiresIn: 900,
};

describe('VocaliaClient', () => {
  it('when it logs in, then later calls carry the new access token, and login itself carries none', async () => {
    const { fetch, calls } = fakeFetch(200, session);
    const client = createVocaliaClient({ baseUrl: 'http://api.test/', apiKey: 'vk_old', fetch });
    await client.auth.login({ email: 'a@b.example', password: 'x' });
    expect(header(calls[0], 'authorization')).toBeUndefined();
    expect(calls[0]?.url).toBe('http://api.test/api/v1/auth/login');
    await client.tenant.get().catch(() => undefined);
    expect(header(calls[1], 'authorization')).toBe('Bearer jwt-access');
  });

  it('when linked identities are listed and one unlinked, then the calls go to /api/v1/me/identities', async () => {
    const listed = fakeFetch(200, { items: [{ id: 'id 1', provider: 'github', email: 'a@b.example', createdAt: '2026-01-15T00:00:00.000Z' }] });
    expect((await createVocaliaClient({ baseUrl: 'http://api.test', accessToken: 'jwt', fetch: listed.fetch }).identities.list()).items[0]?.provider).toBe('github');
    const unlinked = fakeFetch(204, undefined);
    await createVocaliaClient({ baseUrl: 'http://api.test', accessToken: 'jwt', fetch: unlinked.fetch }).identities.unlink('id 1');
    expect([unlinked.calls[0]?.init.method, unlinked.calls[0]?.url]).toEqual(['DELETE', 'http://api.test/api/v1/me/identities/id%201']);
  });

  it('when only an API key is given, then it is the bearer credential', async () => {
    const { fetch, calls } = fakeFetch(200, { items: [] });
    const client = createVocaliaClient({ baseUrl: 'http://api.test', apiKey: 'vk_abc', fetch });
    await client.apiKeys.list();
    expect(header(calls[0], 'authorization')).toBe('Bearer vk_abc');
  });

  it('when the owner asks for a checkout, then the plan is posted and the Stripe URL comes back parsed', async () => {
    const { fetch, calls } = fakeFetch(201, { url: 'https://checkout.stripe.com/c/pay/cs_test_1' });
    const client = createVocaliaClient({ baseUrl: 'http://api.test', accessToken: 't', fetch });
    expect(await client.billing.checkout('pro')).toEqual({ url: 'https://checkout.stripe.com/c/pay/cs_test_1' });
    expect(calls[0]?.url).toBe('http://api.test/api/v1/billing/checkout');
    expect(calls[0]?.init).toMatchObject({ method: 'POST', body: JSON.stringify({ plan: 'pro' }) });
  });

  it('when a call is placed with an idempotency key, then the key goes as Idempotency-Key; without one, no such header', async () => {
    const { fetch, calls } = fakeFetch(202, { id: 'call-1', status: 'queued', scheduledAt: null });
    const client = createVocaliaClient({ baseUrl: 'https://api.example', apiKey: 'vk_test', fetch });
    await client.calls.place({ to: '+33612345678' }, { idempotencyKey: 'order-1234-call' });
    await client.calls.place({ to: '+33612345678' });
    expect(header(calls[0], 'idempotency-key')).toBe('order-1234-call');
    expect(header(calls[1], 'idempotency-key')).toBeUndefined();
  });

  it('when a number is bought, an agent or a document created, a test event sent or a delivery replayed with an idempotency key, then each sends it', async () => {
    const { fetch, calls } = fakeFetch(201, {});
    const client = createVocaliaClient({ baseUrl: 'https://api.example', apiKey: 'vk_test', fetch });
    const opts = { idempotencyKey: 'retry-safe-0001' };
    await Promise.allSettled([
      client.phoneNumbers.buy({ number: '+212522000101' }, opts),
      client.agents.create({ name: 'Accueil', personaId: 'dental', languages: ['fr'] }, opts),
      client.knowledge.create({ title: 'Horaires', kind: 'text', language: 'fr', content: 'Ouvert du lundi au vendredi.' }, opts),
      client.webhooks.endpoints.sendTestEvent('ep_1', opts),
      client.webhooks.deliveries.replay('dl_1', opts),
    ]);
    expect(calls.map((c) => [c.url, header(c, 'idempotency-key')])).toEqual([
      ['https://api.example/api/v1/phone-numbers', 'retry-safe-0001'],
      ['https://api.example/api/v1/agents', 'retry-safe-0001'],
      ['https://api.example/api/v1/knowledge/documents', 'retry-safe-0001'],
      ['https://api.example/api/v1/webhooks/endpoints/ep_1/test', 'retry-safe-0001'],
      ['https://api.example/api/v1/webhooks/deliveries/dl_1/replay', 'retry-safe-0001'],
    ]);
  });

  it('when the server answers problem+json, then VocaliaApiError carries it', async () => {
    const problem = { type: 'https://docs.vocalia.ai/problems/plan-required', title: 'Forbidden', status: 403, code: 'PLAN_REQUIRED', detail: 'needs Telephony', feature: 'telephony', requiredPlan: 'telephony' };
    const { fetch } = fakeFetch(403, problem, 'application/problem+json');
    const client = createVocaliaClient({ baseUrl: 'http://api.test', accessToken: 't', fetch });
    const err = await client.plans.checkFeature('telephony').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VocaliaApiError);
    expect(err).toMatchObject({ status: 403, code: 'PLAN_REQUIRED', problem: { requiredPlan: 'telephony' } });
  });

  it('when the error body is not a problem, then VocaliaApiError still says the status', async () => {
    const { fetch } = fakeFetch(502, '<html>Bad gateway</html>', 'text/html');
    const client = createVocaliaClient({ baseUrl: 'http://api.test', accessToken: 't', fetch });
    await expect(client.usage.get()).rejects.toMatchObject({ status: 502, code: 'UPSTREAM_FAILED' });
  });

  it('when a 2xx body breaks the contract, then VocaliaContractError names the field', async () => {
    const { fetch } = fakeFetch(200, { items: [{ id: 1 }] });
    const client = createVocaliaClient({ baseUrl: 'http://api.test', accessToken: 't', fetch });
    const err = await client.origins.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VocaliaContractError);
    expect(String((err as Error).message)).toMatch(/items\.0\.id/);
  });

  it('when a list takes a query, then defined values are encoded and dates become ISO strings', async () => {
    const { fetch, calls } = fakeFetch(200, { items: [], nextCursor: null });
    const client = createVocaliaClient({ baseUrl: 'http://api.test', accessToken: 't', fetch });
    await client.conversations.list({ limit: 5, from: new Date('2026-01-01T00:00:00Z'), channel: undefined });
    expect(calls[0]?.url).toBe('http://api.test/api/v1/conversations?limit=5&from=2026-01-01T00%3A00%3A00.000Z');
  });

  it('when a route answers 204, then the call resolves to undefined and ids are path-encoded', async () => {
    const { fetch, calls } = fakeFetch(204, undefined);
    const client = createVocaliaClient({ baseUrl: 'http://api.test', accessToken: 't', fetch });
    await expect(client.origins.remove('a/b')).resolves.toBeUndefined();
    expect(calls[0]?.url).toBe('http://api.test/api/v1/origins/a%2Fb');
    expect(calls[0]?.init.method).toBe('DELETE');
  });

  it('when a call recording is fetched, then the bytes come back as they were sent, not parsed as JSON', async () => {
    const audio = new Uint8Array([0x49, 0x44, 0x33, 0x00, 0xff, 0x7b]);
    const calls: Call[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push({ url, init });
      return new Response(audio, { status: 200, headers: { 'content-type': 'audio/mpeg' } });
    };
    const client = createVocaliaClient({ baseUrl: 'http://api.test', apiKey: 'vk_abc', fetch });
    expect(Array.from(await client.calls.recording('call 1'))).toEqual(Array.from(audio));
    expect(calls[0]?.url).toBe('http://api.test/api/v1/calls/call%201/recording');
  });
});

