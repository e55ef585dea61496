import request from 'supertest';
import { bearer, problemOf, startTestApp, type TestApp, type TestSession } from './support';

/** A page cursor in this API's own format, carrying a given date and id. */
const cursorOf = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

const OUT_OF_RANGE: [string, string][] = [
  ['/api/v1/audit?cursor=99999999999999999999999999999', 'query.cursor'],
  ['/api/v1/audit?cursor=9223372036854775808', 'query.cursor'],
  ['/api/v1/audit?action=%00', 'query.action'],
  ['/api/v1/calls?status=%00', 'query.status'],
  ['/api/v1/calls?from=0000-01-01', 'query.from'],
  ['/api/v1/conversations?from=0000-01-01', 'query.from'],
  ['/api/v1/conversations?to=0000-12-31T23:00:00Z', 'query.to'],
  ...['/api/v1/conversations', '/api/v1/calls', '/api/v1/knowledge/documents', '/api/v1/catalog/items'].flatMap((path): [string, string][] => [
    [`${path}?cursor=${cursorOf('-271821-04-20T00:00:00.000Z', 'c1')}`, 'query.cursor'],
    [`${path}?cursor=${cursorOf('+275760-09-13T00:00:00.000Z', 'c1')}`, 'query.cursor'],
    [`${path}?cursor=${cursorOf('2026-01-01T00:00:00.000Z', 'c1\u0000')}`, 'query.cursor'],
  ]),
];

describe('list routes: cursors and dates out of range', () => {
  let t: TestApp;
  let s: TestSession;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
    s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'ecommerce' } });
  });
  afterAll(() => t.close());

  it.each(OUT_OF_RANGE)('when %s is asked, then 400 names %s', async (url, path) => {
    const res = await request(t.app).get(url).set(bearer(s));
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toEqual([path]);
  });

  it('when cursors and dates are at the edges of the range, then the lists answer 200', async () => {
    const edge = cursorOf('0001-01-01T00:00:00.000Z', 'c1');
    for (const url of [
      '/api/v1/audit?cursor=9223372036854775807&action=member.added',
      '/api/v1/calls?status=no-answer&from=0001-01-01&to=9999-12-31T23:59:59Z',
      `/api/v1/conversations?cursor=${edge}`,
      `/api/v1/catalog/items?cursor=${edge}`,
    ]) {
      expect({ url, status: (await request(t.app).get(url).set(bearer(s))).status }).toEqual({ url, status: 200 });
    }
  });
});
