import request from 'supertest';
import { MAX_MESSAGE_CHARS, RespondResponse, StreamToken } from '@vocalia/contracts';
import { startHarness, type Harness } from './support/harness';
import { parseSse } from './support/sse';
import { snapshotFor } from '@vocalia/conversation/testing';

const SHOP = 'https://shop.example.com';
let h: Harness;
let session = 0;
const newSession = () => `session-respond-${++session}`;

beforeAll(async () => {
  h = await startHarness('respond');
  h.addTenant(snapshotFor({ id: 'acme', plan: 'pro', origins: [SHOP] }));
  h.addTenant(snapshotFor({ id: 'other', plan: 'pro', origins: [SHOP] }));
  h.addTenant(snapshotFor({ id: 'no-voice', plan: 'pro', origins: [SHOP], features: ['widget_text', 'lead_scoring'] }));
});
afterAll(() => h.close());

const respond = (body: Record<string, unknown>, opts: { token?: string | null; origin?: string | null } = {}) => {
  let req = request(h.app).post('/respond');
  const origin = opts.origin === undefined ? SHOP : opts.origin;
  if (origin) req = req.set('Origin', origin);
  const token = opts.token === undefined ? h.tokenFor(String(body.tenantId), SHOP) : opts.token;
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  return req.send(body);
};

describe('POST /respond', () => {
  it('when an allowed page sends a message with its token, then it gets a contract-valid JSON answer', async () => {
    const sessionId = newSession();
    const res = await respond({ tenantId: 'acme', sessionId, message: 'What are your hours?' }).expect(200);
    const body = RespondResponse.parse(res.body);
    expect(body).toMatchObject({ answer: 'You said: What are your hours? (history 0)', sessionId, provider: 'scripted', language: 'en' });
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(res.headers['ratelimit-limit']).toBeDefined();
  });

  it('when a JSON answer is sent, then it is JSON with its length, not cached, and carries no ETag (a POST answer is never revalidated)', async () => {
    const res = await respond({ tenantId: 'acme', sessionId: newSession(), message: 'Hello' }).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
  });

  it('when a JSON answer is sent, then it carries the API security headers (nothing in it may run or be framed), not the ones only a page needs', async () => {
    const res = await respond({ tenantId: 'acme', sessionId: newSession(), message: 'Hello' }).expect(200);
    expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(res.headers['x-dns-prefetch-control']).toBeUndefined();
  });

  it('when the client asks for text/event-stream, then tokens stream as SSE and a done event carries the full answer', async () => {
    const res = await respond({ tenantId: 'acme', sessionId: newSession(), message: 'stream me please' })
      .set('Accept', 'text/event-stream')
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString()));
        r.on('end', () => cb(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['cache-control']).toMatch(/no-cache/);
    const events = parseSse(res.body as string);
    const tokens = events.filter((e) => e.event === 'token').map((e) => StreamToken.parse(e.data).text);
    expect(tokens.length).toBeGreaterThan(2);
    const last = events.at(-1);
    expect(last?.event).toBe('done');
    const done = RespondResponse.parse(last?.data);
    expect(tokens.join('')).toBe(done.answer);
  });

  it('when a session sends several messages, then each turn sees the history and it stays bounded', async () => {
    const sessionId = newSession();
    for (let i = 0; i < 5; i++) await respond({ tenantId: 'acme', sessionId, message: `message ${i}` }).expect(200);
    const histories = h.engine.inputs.filter((i) => i.sessionId === sessionId).map((i) => i.history.length);
    expect(histories).toEqual([0, 2, 4, 6, 6]);
    const last = h.engine.inputs.filter((i) => i.sessionId === sessionId).at(-1);
    expect(last?.history.at(-1)).toEqual({ role: 'assistant', text: 'You said: message 3 (history 6)', language: 'en' });
    expect(last?.history[0]).toMatchObject({ role: 'user', text: 'message 1' });
  });

  it('when the same session id is used by another tenant, then it does not see the first tenant\'s history', async () => {
    const sessionId = newSession();
    await respond({ tenantId: 'acme', sessionId, message: 'secret of acme' }).expect(200);
    const res = await respond({ tenantId: 'other', sessionId, message: 'hello' }).expect(200);
    expect(res.body.answer).toBe('You said: hello (history 0)');
  });

  it('when the lead score rises over turns, then the engine gets the previous score back each turn', async () => {
    const sessionId = newSession();
    const scores: number[] = [];
    for (const message of ['I want to buy', 'hello', 'buy now']) {
      scores.push((await respond({ tenantId: 'acme', sessionId, message }).expect(200)).body.lead.score);
    }
    expect(scores).toEqual([25, 25, 50]);
    expect(h.engine.inputs.filter((i) => i.sessionId === sessionId).map((i) => i.lead?.score)).toEqual([undefined, 25, 25]);
  });

  it('when the message is empty or too long, then 400 names body.message', async () => {
    for (const message of ['', '   ', 'x'.repeat(MAX_MESSAGE_CHARS + 1)]) {
      const res = await respond({ tenantId: 'acme', sessionId: newSession(), message }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.message']);
    }
    await respond({ tenantId: 'acme', sessionId: newSession(), message: 'x'.repeat(MAX_MESSAGE_CHARS) }).expect(200);
  });

  it('when the body is not JSON or the session id is malformed, then 400', async () => {
    await request(h.app).post('/respond').set('Origin', SHOP).set('Content-Type', 'application/json').send('{"tenantId":').expect(400);
    const res = await respond({ tenantId: 'acme', sessionId: 'bad id!', message: 'hi' }).expect(400);
    expect(res.body.errors[0].path).toBe('body.sessionId');
  });

  it('when the tenant id is unknown, then 404', async () => {
    await respond({ tenantId: 'ghost', sessionId: newSession(), message: 'hi' }).expect(404);
  });

  it('when the token is missing, invalid, or for another tenant or origin, then 401/403 and the engine is not called', async () => {
    const before = h.engine.inputs.length;
    const missing = await respond({ tenantId: 'acme', sessionId: newSession(), message: 'hi' }, { token: null }).expect(401);
    expect(missing.body.detail).toContain('GET /config?tenantId=acme');
    await respond({ tenantId: 'acme', sessionId: newSession(), message: 'hi' }, { token: 'not-a-jwt' }).expect(401);
    await respond({ tenantId: 'acme', sessionId: newSession(), message: 'hi' }, { token: h.tokenFor('other', SHOP) }).expect(403);
    h.addTenant(snapshotFor({ id: 'two-sites', origins: [SHOP, 'https://blog.example.com'] }));
    await respond({ tenantId: 'two-sites', sessionId: newSession(), message: 'hi' }, { token: h.tokenFor('two-sites', 'https://blog.example.com') }).expect(403);
    expect(h.engine.inputs.length).toBe(before);
  });

  it('when there is no Origin (not a browser), then a valid token for an allowed origin is enough', async () => {
    await respond({ tenantId: 'acme', sessionId: newSession(), message: 'hi' }, { origin: null }).expect(200);
    await respond({ tenantId: 'acme', sessionId: newSession(), message: 'hi' }, { origin: null, token: null }).expect(401);
  });

  it('when the voice channel is used without widget_voice, then 403 PLAN_REQUIRED names the feature and the cheapest plan', async () => {
    const res = await respond({ tenantId: 'no-voice', sessionId: newSession(), message: 'hi', context: { channel: 'voice' } }).expect(403);
    expect(res.body).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'widget_voice', requiredPlan: 'starter' });
    expect(res.body.detail).toContain('Upgrade to Starter (starter)');
    await respond({ tenantId: 'no-voice', sessionId: newSession(), message: 'hi', context: { channel: 'widget' } }).expect(200);
    await respond({ tenantId: 'acme', sessionId: newSession(), message: 'hi', context: { channel: 'voice', pageUrl: 'https://shop.example.com/p/1' } }).expect(200);
  });

  it('when the engine fails mid-stream, then the stream ends with an error event holding a problem', async () => {
    const original = h.engine.respond.bind(h.engine);
    h.engine.respond = async (input, onToken) => {
      onToken?.('partial ');
      throw new Error('provider exploded with secret details');
    };
    try {
      const res = await respond({ tenantId: 'acme', sessionId: newSession(), message: 'hi' })
        .set('Accept', 'text/event-stream')
        .buffer(true)
        .parse((r, cb) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString()));
          r.on('end', () => cb(null, text));
        })
        .expect(200);
      const events = parseSse(res.body as string);
      expect(events.map((e) => e.event)).toEqual(['token', 'error']);
      expect(events[1]?.data).toMatchObject({ status: 500, code: 'INTERNAL' });
      expect(JSON.stringify(events[1]?.data)).not.toContain('secret details');
    } finally {
      h.engine.respond = original;
    }
  });
});
