import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateKnowledgeDocumentRequest } from '@vocalia/contracts';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemoTenant } from '../src/seed';
import { DEMO_DOCUMENTS } from '../src/seed-documents';

type Handler = (method: string, path: string, body: unknown, auth: string | undefined) => [number, unknown];

interface FakeDbApi {
  url: string;
  calls: string[];
  bodies: unknown[];
  close: () => void;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text ? JSON.parse(text) : undefined;
}

async function fakeDbApi(handle: Handler): Promise<FakeDbApi> {
  const calls: string[] = [];
  const bodies: unknown[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    calls.push(`${req.method} ${req.url}`);
    bodies.push(body);
    const [status, answer] = handle(req.method ?? '', req.url ?? '', body, req.headers.authorization);
    res.writeHead(status, { 'content-type': 'application/json' }).end(answer === undefined ? '' : JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, bodies, close: () => server.close() };
}

const session = { accessToken: 'tok-1', tenant: { id: 'ten_demo' } };

describe('seedDemoTenant', () => {
  it('when db-api has no auth routes yet, then seeding is skipped with the reason', async () => {
    const api = await fakeDbApi(() => [404, { code: 'NOT_FOUND' }]);
    try {
      expect(await seedDemoTenant(api.url, 'http://localhost:8080')).toEqual({ ok: false, reason: 'seeding skipped: db-api has no POST /api/v1/auth/register yet' });
    } finally {
      api.close();
    }
  });

  it('when the demo account is new, then it registers, allows the edge origin and adds the documents', async () => {
    const api = await fakeDbApi((method, path, _body, auth) => {
      if (path === '/api/v1/auth/register') return [201, session];
      if (auth !== 'Bearer tok-1') return [401, undefined];
      if (path === '/api/v1/origins') return [201, {}];
      if (path === '/api/v1/tenant') return [200, {}];
      return method === 'GET' ? [200, { items: [], nextCursor: null }] : [201, {}];
    });
    try {
      expect(await seedDemoTenant(api.url, 'http://localhost:8080')).toEqual({ ok: true, tenantId: 'ten_demo', notes: [] });
      expect(api.calls).toEqual([
        'POST /api/v1/auth/register',
        'PATCH /api/v1/tenant',
        'POST /api/v1/origins',
        'GET /api/v1/knowledge/documents',
        ...DEMO_DOCUMENTS.map(() => 'POST /api/v1/knowledge/documents'),
      ]);
      expect(api.bodies[0]).toEqual({ email: DEMO_EMAIL, password: DEMO_PASSWORD, company: 'Demo Dental Clinic' });
      expect(api.bodies[1]).toEqual({ languages: ['fr', 'en', 'es', 'ar', 'ary'] });
      expect(api.bodies[2]).toEqual({ origin: 'http://localhost:8080' });
      expect(api.bodies.slice(4)).toEqual(DEMO_DOCUMENTS);
    } finally {
      api.close();
    }
  });

  it('when the demo account exists already, then it logs in, keeps the origin and adds no documents twice', async () => {
    const api = await fakeDbApi((method, path) => {
      if (path === '/api/v1/auth/register') return [409, { code: 'CONFLICT' }];
      if (path === '/api/v1/auth/login') return [200, session];
      if (path === '/api/v1/origins') return [409, { code: 'CONFLICT' }];
      if (path === '/api/v1/tenant') return [200, {}];
      return method === 'GET' ? [200, { items: [{ id: 'doc1' }], nextCursor: null }] : [500, undefined];
    });
    try {
      expect(await seedDemoTenant(api.url, 'http://localhost:8080')).toEqual({ ok: true, tenantId: 'ten_demo', notes: [] });
      expect(api.calls).toEqual(['POST /api/v1/auth/register', 'POST /api/v1/auth/login', 'PATCH /api/v1/tenant', 'POST /api/v1/origins', 'GET /api/v1/knowledge/documents']);
    } finally {
      api.close();
    }
  });

  it('when db-api has auth but no knowledge routes yet, then the tenant is seeded and the gap is noted', async () => {
    const api = await fakeDbApi((_m, path) => (path === '/api/v1/auth/register' ? [201, session] : path === '/api/v1/origins' ? [201, {}] : path === '/api/v1/tenant' ? [200, {}] : [404, { code: 'NOT_FOUND' }]));
    try {
      const result = await seedDemoTenant(api.url, 'http://localhost:8080');
      expect(result).toEqual({ ok: true, tenantId: 'ten_demo', notes: ['knowledge not seeded: db-api has no /api/v1/knowledge/documents yet'] });
    } finally {
      api.close();
    }
  });

  it('when the demo documents are checked against the shared contract, then db-api would accept each one', () => {
    for (const doc of DEMO_DOCUMENTS) expect(CreateKnowledgeDocumentRequest.safeParse(doc).success).toBe(true);
  });

  it('when registration is refused, then the result says which call and why, without throwing', async () => {
    const api = await fakeDbApi(() => [400, { detail: 'body.password: too weak' }]);
    try {
      expect(await seedDemoTenant(api.url, 'http://localhost:8080')).toEqual({
        ok: false,
        reason: 'seeding failed: POST /api/v1/auth/register answered 400 (body.password: too weak)',
      });
    } finally {
      api.close();
    }
  });
});
