import { compileErrors, validate } from '@readme/openapi-parser';
import request from 'supertest';
import { routeDocs } from '../src/route-docs';
import { mountedRoutes, startTestApp, type TestApp } from './support';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
  });
  afterAll(() => t.close());

  it('when openapi.json is fetched, then it is a valid OpenAPI 3.1 document', async () => {
    const res = await request(t.app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(res.body));
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.valid).toBe(true);
  });

  it('when a route is mounted under /api/v1, then the registry documents it, and every documented route is mounted', () => {
    const mounted = mountedRoutes(t.deps).filter((r) => r.split(' ')[1]?.startsWith('/api/v1/'));
    const documented = routeDocs.map((d) => `${d.method.toUpperCase()} ${d.path}`);
    expect(mounted.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !mounted.includes(r))).toEqual([]);
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('when the document is built, then every documented operation has its path, security and problem responses', async () => {
    const doc = (await request(t.app).get('/api/v1/openapi.json')).body;
    for (const route of routeDocs) {
      const op = doc.paths[route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[route.method];
      expect(op).toBeDefined();
      if (route.auth !== 'public') {
        expect(op.security).toEqual([{ bearerJwt: [] }, { apiKey: [] }]);
        expect(op.responses['401']).toBeDefined();
      }
      if (route.body) expect(op.responses['415']).toBeDefined();
    }
  });
});
