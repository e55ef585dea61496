import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { z } from 'zod';
import { createApp, createLogger, parseInput } from '../src';

const logger = createLogger('test', 'silent');

function build() {
  const reached: string[] = [];
  const app = createApp({
    service: 'test',
    logger,
    routes: (r) => {
      r.post('/items', (req, res) => {
        reached.push('post');
        res.json(parseInput(z.object({ name: z.string() }).passthrough(), req.body));
      });
      r.get('/items', (req, res) => {
        reached.push('list');
        res.json(req.query);
      });
      r.get('/items/:id', (req, res) => {
        reached.push('get');
        res.json({ id: req.params.id });
      });
      r.get('/assets/v1.:hash/app.js', (req, res) => {
        reached.push('asset');
        res.json({ hash: req.params.hash });
      });
      r.get('/upstream', () => {
        throw Object.assign(new Error('upstream said unauthorized'), { status: 401 });
      });
    },
  });
  return { app, reached };
}

const problem = (res: request.Response) => {
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  return JSON.parse(res.text) as { status: number; code: string; detail: string; errors?: { path: string; message: string }[] };
};

describe('NUL characters are refused once, for every text input', () => {
  it('when a body string at any depth holds NUL, then 400 names each field and the route never runs (a spelled-out \\u0000 passes)', async () => {
    const { app, reached } = build();
    const fine = await request(app).post('/items').send({ name: 'Atlas \\u0000 literal, é, 🙂' });
    expect(fine.body).toEqual({ name: 'Atlas \\u0000 literal, é, 🙂' });
    reached.length = 0;
    const res = await request(app)
      .post('/items')
      .send({ name: 'ok', profile: { tags: ['fine', 'bad\u0000tag'] }, rows: [{ note: '\u0000' }] });
    expect(res.status).toBe(400);
    expect(problem(res).errors?.map((e) => e.path).sort()).toEqual(['body.profile.tags.1', 'body.rows.0.note']);
    expect(problem(res).errors?.[0]?.message).toMatch(/NUL/);
    expect(reached).toEqual([]);
  });

  it('when an object key holds NUL, then 400 names it with the NUL spelled out', async () => {
    const { app, reached } = build();
    const res = await request(app).post('/items').send({ name: 'ok', meta: { 'a\u0000b': 1 } });
    expect(res.status).toBe(400);
    expect(problem(res).errors).toEqual([{ path: 'body.meta.a\\u0000b', message: expect.stringMatching(/^key must not contain/), rule: 'nul_character' }]);
    expect(reached).toEqual([]);
  });

  it('when a query value holds NUL, then 400 names the parameter', async () => {
    const { app, reached } = build();
    const res = await request(app).get('/items?q=%00&page=2');
    expect(res.status).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toEqual(['query.q']);
    expect(reached).toEqual([]);
  });

  it.each(['/items/%00', '/items/abc%00def'])('when a path parameter decodes to NUL (%s), then 400 names the path', async (path) => {
    const { app, reached } = build();
    const res = await request(app).get(path);
    expect(res.status).toBe(400);
    expect(problem(res)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'path' }] });
    expect(reached).toEqual([]);
  });

  it('when text parsed outside the JSON body (multipart fields) holds NUL, then parseInput refuses it naming the field', () => {
    expect(() => parseInput(z.object({ title: z.string() }), { title: 'a\u0000' }, 'file')).toThrow(
      expect.objectContaining({ status: 400, extras: { errors: [{ path: 'file.title', message: expect.stringMatching(/NUL/), rule: 'nul_character' }] } }),
    );
  });

  it('when a body is nested far deeper than any schema, then the scan still answers (no stack overflow)', async () => {
    const deep = `${'['.repeat(20_000)}"\\u0000"${']'.repeat(20_000)}`;
    const app = createApp({ service: 'test', logger, bodyLimit: '1mb', routes: (r) => r.post('/deep', (_req, res) => res.json({})) });
    const res = await request(app).post('/deep').set('content-type', 'application/json').send(deep);
    expect(res.status).toBe(400);
    expect(problem(res).errors?.[0]?.path).toBe(`body${'.0'.repeat(20_000)}`);
  });
});

describe('parser and router errors keep their status', () => {
  const json = Buffer.from(JSON.stringify({ name: 'plain' }));
  // supertest would JSON-encode a Buffer sent as application/json: send its bytes as they are.
  const postRaw = (app: ReturnType<typeof build>['app'], headers: Record<string, string>, body: Buffer) =>
    request(app).post('/items').set({ 'content-type': 'application/json', ...headers }).serialize((b: Buffer) => b as never).send(body as never);

  it.each([
    ['gzip', gzipSync(json)],
    ['deflate', deflateSync(json)],
    ['br', brotliCompressSync(json)],
  ])('when Content-Encoding is %s but the body is not compressed, then 400 problem+json (a compressed one is read)', async (encoding, compressed) => {
    const { app, reached } = build();
    const read = await postRaw(app, { 'content-encoding': encoding }, compressed);
    expect(read.body).toEqual({ name: 'plain' });
    reached.length = 0;
    const res = await postRaw(app, { 'content-encoding': encoding }, json);
    expect(res.status).toBe(400);
    expect(problem(res)).toMatchObject({ status: 400, errors: [{ path: 'body' }] });
    expect(problem(res).detail).toMatch(/^The body cannot be read: /);
    expect(reached).toEqual([]);
  });

  it("when the Content-Encoding is unknown, then 415 problem+json names the header (another library's status stays a hidden 500)", async () => {
    const { app, reached } = build();
    const upstream = await request(app).get('/upstream');
    expect(upstream.status).toBe(500);
    expect(upstream.text).not.toMatch(/unauthorized/);
    const res = await postRaw(app, { 'content-encoding': 'snappy' }, json);
    expect(res.status).toBe(415);
    expect(problem(res)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', errors: [{ path: 'header.content-encoding' }] });
    expect(reached).toEqual([]);
  });

  it('when the charset is unknown, then 415 problem+json names the header', async () => {
    const { app } = build();
    const res = await postRaw(app, { 'content-type': 'application/json; charset=klingon' }, json);
    expect(res.status).toBe(415);
    expect(problem(res).errors).toEqual([{ path: 'header.content-type', message: expect.stringMatching(/KLINGON/) }]);
  });

  it.each([
    ['text/plain', (r: request.Test) => r.set('content-type', 'text/plain').send(json.toString())],
    ['a form (curl -d without -H)', (r: request.Test) => r.type('form').send('name=plain')],
    ['no Content-Type and no body', (r: request.Test) => r],
  ])('when a JSON route gets %s, then 415 problem+json says to send JSON with Content-Type: application/json', async (_what, send) => {
    const { app } = build();
    const res = await send(request(app).post('/items'));
    expect(res.status).toBe(415);
    expect(problem(res)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', errors: [{ path: 'header.content-type', message: expect.stringMatching(/application\/json/) }] });
    expect(problem(res).detail).toMatch(/^No JSON body was read/);
  });

  it.each(['/items/%', '/items/%E0%A4%A', '/assets/v1.%E0%A4%A/app.js'])('when the path has malformed percent-encoding (%s), then 400 problem+json names the path', async (path) => {
    const { app, reached } = build();
    const res = await request(app).get(path);
    expect(res.status).toBe(400);
    expect(problem(res)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'path' }] });
    expect(problem(res).detail).toMatch(/Malformed percent-encoding/);
    expect(reached).toEqual([]);
  });
});
