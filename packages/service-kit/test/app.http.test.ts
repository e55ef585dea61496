import request from 'supertest';
import { z } from 'zod';
import { AppError, createApp, createLogger, parseInput } from '../src';

const logger = createLogger('test', 'silent');

function build(readiness: { name: string; check: () => Promise<unknown> }[] = []) {
  return createApp({
    service: 'test',
    logger,
    readiness,
    bodyLimit: '1kb',
    routes: (r) => {
      r.post('/echo', (req, res) => {
        const body = parseInput(z.object({ name: z.string().min(2), age: z.number().int() }), req.body);
        res.json(body);
      });
      r.get('/boom', () => {
        throw new Error('secret database password leaked in message');
      });
      r.get('/conflict', () => {
        throw new AppError('CONFLICT', 'already there');
      });
    },
  });
}

describe('service app', () => {
  it('when a route is unknown, then it answers 404 problem+json', async () => {
    const res = await request(build()).get('/nope');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.parse(res.text)).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'No route for GET /nope' });
  });

  it('when the JSON body is malformed, then it answers 400 naming the problem', async () => {
    const res = await request(build()).post('/echo').set('content-type', 'application/json').send('{"name": ');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'BAD_JSON' });
    expect(JSON.parse(res.text).detail).toMatch(/Malformed JSON/);
  });

  it('when the body is over the limit, then it answers 413', async () => {
    const res = await request(build()).post('/echo').send({ name: 'x'.repeat(5000), age: 1 });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('when fields are invalid, then it answers 400 listing each field', async () => {
    const res = await request(build()).post('/echo').send({ name: 'a' });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text);
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.age', 'body.name']);
  });

  it('when a handler throws, then the 500 leaks neither message nor stack', async () => {
    const res = await request(build()).get('/boom');
    expect(res.status).toBe(500);
    expect(res.text).not.toMatch(/secret|password|at .*\.ts/);
    expect(JSON.parse(res.text).detail).toMatch(/Internal error \(request .+\)/);
  });

  it('when a use case throws AppError, then its status comes from the table', async () => {
    const res = await request(build()).get('/conflict');
    expect(res.status).toBe(409);
  });

  it('when a request id is sent, then it is echoed back and in problems', async () => {
    const res = await request(build()).get('/nope').set('x-request-id', 'req-12345678');
    expect(res.headers['x-request-id']).toBe('req-12345678');
    expect(JSON.parse(res.text).requestId).toBe('req-12345678');
  });

  it('when a dependency is down, then /ready is 503 naming it, and 200 once it is back', async () => {
    let up = false;
    const app = build([{ name: 'redis', check: async () => (up ? 'PONG' : Promise.reject(new Error('connection refused'))) }]);
    const down = await request(app).get('/ready');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text).detail).toMatch(/redis down: connection refused/);
    up = true;
    const ready = await request(app).get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ redis: 'ok' });
  });

  it('when /health is asked, then it answers with security headers', async () => {
    const res = await request(build()).get('/health');
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('readiness messages', () => {
  it('when a driver fails with a long multi-line message, then /ready names the dependency with its last line only', async () => {
    const failing = async () => Promise.reject(new Error('Invalid `prisma.$queryRaw()` invocation:\n\n\n  connect ECONNREFUSED 127.0.0.1:5432'));
    const res = await request(build([{ name: 'postgres', check: failing }])).get('/ready');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text).detail).toBe('postgres down: connect ECONNREFUSED 127.0.0.1:5432');
  });
});
