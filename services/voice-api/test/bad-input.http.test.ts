import request from 'supertest';
import { startHarness, type Harness } from './support/harness';
import { snapshotFor } from '@vocalia/conversation/testing';

const SHOP = 'https://shop.example.com';
let h: Harness;

beforeAll(async () => {
  h = await startHarness('bad-input');
  h.addTenant(snapshotFor({ id: 'acme', plan: 'pro', origins: [SHOP] }));
});
afterAll(() => h.close());

const problemOf = (res: request.Response) => {
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  return JSON.parse(res.text) as { status: number; errors?: { path: string }[] };
};

describe('voice-api refuses bad input as 4xx problem+json, never 500', () => {
  it('when a /respond message holds NUL, then 400 names body.message, the page can read it, and the engine never sees it', async () => {
    const before = h.engine.inputs.length;
    const res = await request(h.app)
      .post('/respond')
      .set('Origin', SHOP)
      .set('Authorization', `Bearer ${h.tokenFor('acme', SHOP)}`)
      .send({ tenantId: 'acme', sessionId: 'session-nul', message: 'hello\u0000world' });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toEqual(['body.message']);
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(h.engine.inputs.length).toBe(before);
  });

  it.each(['/widget/v1.%E0%A4%A/vocalia.js', '/widget/v1.%/vocalia.js'])('when the widget path %s has malformed percent-encoding, then 400 problem+json', async (path) => {
    const res = await request(h.app).get(path);
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toEqual(['path']);
  });

  it.each([
    ['gzip', 400],
    ['br', 400],
    ['x-unknown', 415],
  ])('when a /respond body says Content-Encoding %s but is plain JSON, then %i problem+json', async (encoding, status) => {
    const body = Buffer.from(JSON.stringify({ tenantId: 'acme', sessionId: 'session-enc', message: 'hi' }));
    const res = await request(h.app)
      .post('/respond')
      .set({ Origin: SHOP, Authorization: `Bearer ${h.tokenFor('acme', SHOP)}`, 'content-type': 'application/json', 'content-encoding': encoding })
      .serialize((b: Buffer) => b as never)
      .send(body as never);
    expect(res.status).toBe(status);
    expect(problemOf(res).status).toBe(status);
  });
});
