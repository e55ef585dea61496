import request from 'supertest';
import { bearer, problemOf, startTestApp, type TestApp, type TestSession } from './support';

const CSV = `sku,name,description,price,currency,stock,url,image_url
TAJ-01,Tajine en terre cuite,"Tajine traditionnel, 30 cm",249.9,MAD,12,https://shop.example/tajine,https://shop.example/tajine.jpg
ARG-02,Huile d'argan,Bio 100 ml,120,,40,,
`;

describe('product catalog', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
  });
  afterAll(() => t.close());

  async function ecommerceTenant(): Promise<TestSession> {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'ecommerce' } });
    return s;
  }

  it('when the plan has no product_catalog, then 403 PLAN_REQUIRED names the ecommerce plan', async () => {
    const s = await t.register();
    const res = await request(t.app).get('/api/v1/catalog/items').set(bearer(s));
    expect(res.status).toBe(403);
    expect(problemOf(res)).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'product_catalog', requiredPlan: 'ecommerce' });
  });

  it('when a CSV is imported, then rows are created; importing again with a change updates by sku', async () => {
    const s = await ecommerceTenant();
    const first = await request(t.app).post('/api/v1/catalog/import').set(bearer(s)).set('content-type', 'text/csv').send(CSV);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 2, updated: 0, errors: [] });
    const again = await request(t.app).post('/api/v1/catalog/import').set(bearer(s)).set('content-type', 'text/csv').send(CSV.replace('249.9', '199'));
    expect(again.body).toEqual({ created: 0, updated: 2, errors: [] });
    const list = await request(t.app).get('/api/v1/catalog/items').query({ q: 'taj' }).set(bearer(s));
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ sku: 'TAJ-01', price: 199, currency: 'MAD', stock: 12, imageUrl: 'https://shop.example/tajine.jpg' });
    const argan = await t.deps.prisma.catalogItem.findFirst({ where: { tenantId: s.tenantId, sku: 'ARG-02' } });
    expect(argan).toMatchObject({ currency: 'EUR', url: null, description: 'Bio 100 ml' });
  });

  it('when one CSV row is invalid, then 400 lists the row and nothing is imported', async () => {
    const s = await ecommerceTenant();
    const bad = `${CSV}BAD-03,Plat,,not-a-price,EUR,1,,\n`;
    const res = await request(t.app).post('/api/v1/catalog/import').set(bearer(s)).set('content-type', 'text/csv').send(bad);
    expect(res.status).toBe(400);
    const problem = problemOf(res);
    expect(problem.errors).toEqual([{ path: 'rows.3', message: expect.stringMatching(/^price: /) }]);
    expect(problem.detail).toMatch(/nothing was imported/);
    expect(await t.deps.prisma.catalogItem.count({ where: { tenantId: s.tenantId } })).toBe(0);
  });

  it.each([
    ['a CSV body', (r: request.Test) => r.set('content-type', 'text/csv').send(`${CSV}NUL-03,Plat\u0000 du jour,,12,EUR,1,,\n`)],
    ['an uploaded JSON file', (r: request.Test) => r.attach('file', Buffer.from(JSON.stringify([{ sku: 'A', name: 'One', price: 1 }, { sku: 'B', name: 'T\u0000wo', price: 2 }])), 'items.json')],
  ])('when %s holds NUL in a row, then 400 names that row and nothing is imported', async (_what, send) => {
    const s = await ecommerceTenant();
    const res = await send(request(t.app).post('/api/v1/catalog/import').set(bearer(s)));
    expect(res.status).toBe(400);
    expect(problemOf(res).errors).toEqual([{ path: expect.stringMatching(/^rows\.(2|3)$/), message: expect.stringMatching(/^name: must not contain the NUL/) }]);
    expect(await t.deps.prisma.catalogItem.count({ where: { tenantId: s.tenantId } })).toBe(0);
  });

  it('when a JSON array with a duplicate sku is imported, then 400 names the later row', async () => {
    const s = await ecommerceTenant();
    const rows = [{ sku: 'A', name: 'One', price: 1 }, { sku: 'A', name: 'Two', price: 2 }];
    const res = await request(t.app).post('/api/v1/catalog/import').set(bearer(s)).send(rows);
    expect(res.status).toBe(400);
    expect(problemOf(res).errors).toEqual([{ path: 'rows.2', message: expect.stringContaining('row 1') }]);
  });

  it('when a JSON file is uploaded, then its items are imported', async () => {
    const s = await ecommerceTenant();
    const file = JSON.stringify({ items: [{ sku: 'CUP', name: 'Tea cup', price: 4.5, stock: 3 }] });
    const res = await request(t.app).post('/api/v1/catalog/import').set(bearer(s)).attach('file', Buffer.from(file), 'items.json');
    expect(res.body).toEqual({ created: 1, updated: 0, errors: [] });
  });

  it('when items are created, changed and deleted, then each step shows, and a duplicate sku is 409', async () => {
    const s = await ecommerceTenant();
    const created = await request(t.app).post('/api/v1/catalog/items').set(bearer(s)).send({ sku: 'LAMP', name: 'Lamp', price: 35.5 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ sku: 'LAMP', price: 35.5, currency: 'EUR', stock: 0, url: null });
    const duplicate = await request(t.app).post('/api/v1/catalog/items').set(bearer(s)).send({ sku: 'LAMP', name: 'Other', price: 1 });
    expect(duplicate.status).toBe(409);
    expect(problemOf(duplicate).errors).toEqual([{ path: 'body.sku', message: 'already used by another item', rule: 'already_used' }]);
    const patched = await request(t.app).patch(`/api/v1/catalog/items/${created.body.id}`).set(bearer(s)).send({ stock: 7, url: 'https://shop.example/lamp' });
    expect(patched.body).toMatchObject({ stock: 7, url: 'https://shop.example/lamp', name: 'Lamp' });
    await request(t.app).delete(`/api/v1/catalog/items/${created.body.id}`).set(bearer(s)).expect(204);
    expect((await request(t.app).get(`/api/v1/catalog/items/${created.body.id}`).set(bearer(s))).status).toBe(404);
  });

  it.each([
    [{ sku: 'X', name: 'X', price: -1 }, 'body.price'],
    [{ sku: 'X', name: 'X', price: 1, currency: 'euro' }, 'body.currency'],
    [{ sku: 'X', name: 'X', price: 1, url: 'javascript:alert(1)' }, 'body.url'],
    [{ name: 'X', price: 1 }, 'body.sku'],
  ])('when an item body is %j, then 400 names %s', async (body, path) => {
    const s = await ecommerceTenant();
    const res = await request(t.app).post('/api/v1/catalog/items').set(bearer(s)).send(body);
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toContain(path);
  });

  it("when another tenant's item is read, changed or deleted, then 404", async () => {
    const a = await ecommerceTenant();
    const b = await ecommerceTenant();
    const item = await request(t.app).post('/api/v1/catalog/items').set(bearer(a)).send({ sku: 'MINE', name: 'Mine', price: 1 });
    expect((await request(t.app).get(`/api/v1/catalog/items/${item.body.id}`).set(bearer(b))).status).toBe(404);
    expect((await request(t.app).patch(`/api/v1/catalog/items/${item.body.id}`).set(bearer(b)).send({ stock: 1 })).status).toBe(404);
    expect((await request(t.app).delete(`/api/v1/catalog/items/${item.body.id}`).set(bearer(b))).status).toBe(404);
    expect((await request(t.app).get('/api/v1/catalog/items').set(bearer(b))).body.items).toEqual([]);
  });
});
