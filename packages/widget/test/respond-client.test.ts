import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { widgetBundle } from '../src';
import { fetchWidgetConfig, type FetchLike } from '../src/browser/api-client';
import { ApiError } from '../src/browser/api-error';
import { postRespond } from '../src/browser/respond-client';
import { WidgetSession } from '../src/browser/widget-session';
import { startFakeVoiceApi, type FakeVoiceApi } from './support/fake-voice-api';
import { shopAnswer, shopTenant } from './support/fixtures';

const SITE = 'https://shop.example';
/** Node's fetch sends no Origin by itself; a browser always does on these cross-origin calls. */
const fromOrigin =
  (origin: string): FetchLike =>
  (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: origin } });

async function rawServer(chunks: Array<string | Buffer>): Promise<{ url: string; server: Pick<Server, 'close'> }> {
  const server = createServer(async (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    for (const chunk of chunks) {
      res.write(chunk);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => {
    server.closeAllConnections();
    return server.close();
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server: { close } as Pick<Server, 'close'> };
}

describe('voice-api client against the fake voice-api', () => {
  let api: FakeVoiceApi;
  const target = () => ({ apiBase: api.url, tenantId: 'shop-atlas', fetch: fromOrigin(SITE) });
  const request = { tenantId: 'shop-atlas', sessionId: 'vs_test_session', message: 'Quels sont vos horaires ?', language: 'fr' as const };

  beforeAll(async () => {
    api = await startFakeVoiceApi([shopTenant([SITE])], widgetBundle(), shopAnswer(SITE));
    api.tokenDelayMs = 5;
  });
  afterAll(() => api.close());
  beforeEach(() => (api.respondMode = 'ok'));

  it('when the answer is streamed, then tokens arrive in order and the done event gives the whole response', async () => {
    const config = await fetchWidgetConfig(target());
    const tokens: string[] = [];
    const res = await postRespond(request, { apiBase: api.url, token: config.session.token, fetch: fromOrigin(SITE), stream: true, onToken: (t) => tokens.push(t) });
    expect(tokens.length).toBeGreaterThan(2);
    expect(tokens.join('')).toBe(res.answer);
    expect(res).toMatchObject({ intent: 'hours', sessionId: 'vs_test_session' });
    expect(api.log.at(-1)).toMatchObject({ path: '/respond', accept: 'text/event-stream', authorization: `Bearer ${config.session.token}` });
  });

  it('when streaming is not asked for, then the plain JSON answer is used', async () => {
    const config = await fetchWidgetConfig(target());
    const res = await postRespond(request, { apiBase: api.url, token: config.session.token, fetch: fromOrigin(SITE), stream: false });
    expect(res.answer).toContain('lundi');
    expect(api.log.at(-1)?.accept).toBe('application/json');
  });

  it('when the page origin is not allowed, then /config fails with ORIGIN_NOT_ALLOWED and a detail naming the origin', async () => {
    const error = await fetchWidgetConfig({ ...target(), fetch: fromOrigin('https://evil.example') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'ORIGIN_NOT_ALLOWED' });
    expect((error as ApiError).detail).toContain('https://evil.example');
  });

  it('when the page chose an agent, then /config asks for it, and so does the session when it refreshes', async () => {
    const chosen = { ...target(), agentId: 'agent karim' };
    const session = new WidgetSession(chosen, await fetchWidgetConfig(chosen));
    expect(api.log.at(-1)).toMatchObject({ path: '/config', query: '?tenantId=shop-atlas&agentId=agent%20karim' });
    await session.refresh();
    expect(api.log.at(-1)).toMatchObject({ path: '/config', query: '?tenantId=shop-atlas&agentId=agent%20karim' });
    await fetchWidgetConfig(target());
    expect(api.log.at(-1)?.query).toBe('?tenantId=shop-atlas');
  });

  it('when the tenant is unknown, then /config fails with 404 NOT_FOUND', async () => {
    await expect(fetchWidgetConfig({ ...target(), tenantId: 'nobody' })).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('when /respond is down, then the error is a network-class ApiError (status 0 or 5xx)', async () => {
    const config = await fetchWidgetConfig(target());
    const opts = { apiBase: api.url, token: config.session.token, fetch: fromOrigin(SITE), stream: true };
    api.respondMode = 'network-error';
    await expect(postRespond(request, opts)).rejects.toMatchObject({ status: 0, code: 'NETWORK', isNetwork: true });
    api.respondMode = 'server-error';
    await expect(postRespond(request, opts)).rejects.toMatchObject({ status: 503, code: 'UNAVAILABLE', isNetwork: true });
  });

  it('when the answer is lost on its way (a replica gone: 502), then the session sends the message once more with the same Idempotency-Key', async () => {
    const session = new WidgetSession(target(), await fetchWidgetConfig(target()));
    const seen = api.log.length;
    api.failNext = 1;
    const res = await session.respond(request, { stream: true });
    expect(res.intent).toBe('hours');
    const keys = api.log.slice(seen).filter((e) => e.path === '/respond').map((e) => e.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^wk_[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);

    api.failNext = 1;
    const next = api.log.length;
    await session.respond(request, { stream: true });
    const nextKeys = api.log.slice(next).filter((e) => e.path === '/respond').map((e) => e.idempotencyKey);
    expect(nextKeys[0]).not.toBe(keys[0]);

    api.failNext = 2;
    await expect(session.respond(request, { stream: true })).rejects.toMatchObject({ status: 502 });
    api.failNext = 0;
  });

  it('when the connection dropped while the server still answers (409 on the retry), then the session waits for that answer with the same key', async () => {
    const session = new WidgetSession(target(), await fetchWidgetConfig(target()));
    const seen = api.log.length;
    api.failNext = 1;
    api.conflictNext = 2;
    const res = await session.respond(request, { stream: true });
    expect(res.intent).toBe('hours');
    const keys = api.log.slice(seen).filter((e) => e.path === '/respond').map((e) => e.idempotencyKey);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
  });

  it("when a replica died mid-turn and its key stays held (voice-api's 15 s), then the session waits past it and gets the answer; later than 20 s it gives up", async () => {
    let waited = 0;
    const wait = async (ms: number) => (waited += ms);
    const session = new WidgetSession(target(), await fetchWidgetConfig(target()), Date.now, wait);
    api.failNext = 1;
    api.conflictNext = 16;
    expect((await session.respond(request, { stream: true })).intent).toBe('hours');
    expect(waited).toBeGreaterThan(15_000);
    waited = 0;
    api.conflictNext = 21;
    await expect(session.respond(request, { stream: true })).rejects.toMatchObject({ status: 409 });
    expect(waited).toBe(20_000);
    api.conflictNext = 0;
  });

  it('when the widget token is refused (401), then the session fetches /config again and retries once', async () => {
    const session = new WidgetSession(target(), await fetchWidgetConfig(target()));
    session.config = { ...session.config, session: { ...session.config.session, token: 'wt_revoked' } };
    const res = await session.respond(request, { stream: true });
    expect(res.intent).toBe('hours');
    expect(session.config.session.token).not.toBe('wt_revoked');
  });
});

describe('SSE edge cases on the wire', () => {
  it('when an Arabic character is split across network chunks, then it is decoded intact', async () => {
    const event = Buffer.from('event: token\ndata: {"text":"مرحباً"}\n\nevent: done\ndata: {"answer":"مرحباً","actions":[]}\n\n');
    const { url, server } = await rawServer([event.subarray(0, 29), event.subarray(29, 31), event.subarray(31)]);
    const tokens: string[] = [];
    const res = await postRespond({ tenantId: 't', sessionId: 'vs_12345678', message: 'x' }, { apiBase: url, token: 't', stream: true, onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(['مرحباً']);
    expect(res.answer).toBe('مرحباً');
    server.close();
  });

  it('when the stream sends an error event, then it becomes an ApiError with the problem code', async () => {
    const { url, server } = await rawServer(['event: token\ndata: {"text":"a"}\n\n', 'event: error\ndata: {"status":502,"code":"UPSTREAM_FAILED","title":"Bad Gateway","type":"x","detail":"model down"}\n\n']);
    await expect(postRespond({ tenantId: 't', sessionId: 'vs_12345678', message: 'x' }, { apiBase: url, token: 't', stream: true })).rejects.toMatchObject({ code: 'UPSTREAM_FAILED', detail: 'model down' });
    server.close();
  });

  it('when the stream stops before its done event, then the answer counts as failed', async () => {
    const { url, server } = await rawServer(['event: token\ndata: {"text":"a"}\n\n']);
    await expect(postRespond({ tenantId: 't', sessionId: 'vs_12345678', message: 'x' }, { apiBase: url, token: 't', stream: true })).rejects.toMatchObject({ code: 'STREAM_INCOMPLETE' });
    server.close();
  });
});
