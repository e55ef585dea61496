import { z } from 'zod';
import request from 'supertest';
import { cheapestPlanWith } from '@vocalia/contracts';
import { routeDocs } from '../src/route-docs';
import type { RouteDoc } from '../src/http/route-doc';
import { bearer, createTenantResources, problemOf, startTestApp, type TenantResources, type TestApp, type TestSession } from './support';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; enum?: unknown[]; anyOf?: JsonSchema[] };

/** A value of the wrong type for each top-level property, so every field fails validation. */
function invalidBody(schema: z.ZodType): unknown {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  if (!json.properties) return { unexpected: true };
  return Object.fromEntries(Object.entries(json.properties).map(([name, prop]) => [name, prop.type === 'string' ? 12345 : 'not-valid']));
}

/** The first query parameter that can be wrong (number or enum), with a wrong value. */
function invalidQuery(schema: z.ZodObject): [string, string] | undefined {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const entry = Object.entries(json.properties ?? {}).find(([, p]) => p.type === 'integer' || p.type === 'number' || p.enum);
  return entry ? [entry[0], 'not-valid'] : undefined;
}

function pathFor(doc: RouteDoc, resources: TenantResources): string {
  return doc.path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => (doc.resource ? resources[doc.resource] : name === 'feature' ? 'knowledge_base' : name) ?? name);
}

describe('every /api/v1 route: 401 without a valid credential, 400 naming the field on bad input', () => {
  let t: TestApp;
  let owner: TestSession;
  let resources: TenantResources;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.register();
    resources = await createTenantResources(t, owner);
  });
  afterAll(() => t.close());

  const guarded = routeDocs.filter((d) => d.auth !== 'public');
  /** The owner on a plan granting the route's feature (no plan has every feature), so the plan check does not answer first. */
  const onPlanFor = (doc: RouteDoc) => t.deps.prisma.tenant.update({ where: { id: owner.tenantId }, data: { plan: doc.feature ? cheapestPlanWith(doc.feature) : 'ecommerce' } });

  it('when the credential is missing, forged or a malformed key, then every tenant route answers 401 problem+json', async () => {
    const forged = `${owner.accessToken.slice(0, -4)}AAAA`;
    const wrong: string[] = [];
    for (const doc of guarded) {
      for (const credential of [undefined, forged, 'vk_123', `vk_${'a'.repeat(48)}`]) {
        const req = request(t.app)[doc.method](pathFor(doc, resources));
        const res = credential ? await req.set(bearer(credential)) : await req;
        if (res.status !== 401 || problemOf(res).code !== 'UNAUTHENTICATED') wrong.push(`${doc.method} ${doc.path} [${credential ?? 'none'}] -> ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('when a body has wrong types, then 400 problem+json with errors on body fields', async () => {
    const wrong: string[] = [];
    for (const doc of routeDocs.filter((d) => d.body)) {
      await onPlanFor(doc);
      const res = await request(t.app)[doc.method](pathFor(doc, resources)).set(bearer(owner)).send(invalidBody(doc.body as z.ZodType) as object);
      const errors = res.status === 400 ? (problemOf(res).errors ?? []) : [];
      if (res.status !== 400 || !errors.length || !errors.every((e) => e.path.startsWith('body'))) wrong.push(`${doc.method} ${doc.path} -> ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('when a query parameter is invalid, then 400 problem+json naming it', async () => {
    const wrong: string[] = [];
    for (const doc of routeDocs.filter((d) => d.query)) {
      const bad = invalidQuery(doc.query as z.ZodObject);
      if (!bad) continue;
      await onPlanFor(doc);
      const res = await request(t.app)[doc.method](pathFor(doc, resources)).query({ [bad[0]]: bad[1] }).set(bearer(owner));
      const paths = res.status === 400 ? (problemOf(res).errors ?? []).map((e) => e.path) : [];
      if (!paths.includes(`query.${bad[0]}`)) wrong.push(`${doc.method} ${doc.path}?${bad[0]}=${bad[1]} -> ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });
});
