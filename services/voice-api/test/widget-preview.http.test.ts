import request from 'supertest';
import { WidgetConfigResponse } from '@vocalia/contracts';
import { createPreviewGrants } from '@vocalia/widget-auth';
import { INTERNAL_TOKEN, snapshotFor } from '@vocalia/conversation/testing';
import { PUBLIC_BASE_URL, startHarness, type Harness } from './support/harness';

/** The dashboard's origin: the edge's own, which no tenant lists. */
const EDGE = new URL(PUBLIC_BASE_URL).origin;
const SHOP = 'https://shop.example.com';
const grants = createPreviewGrants({ internalToken: INTERNAL_TOKEN });
let h: Harness;

beforeAll(async () => {
  h = await startHarness('widget-preview');
  h.addTenant(snapshotFor({ id: 'fresh', plan: 'pro', origins: [] }));
  h.addTenant(snapshotFor({ id: 'other', plan: 'pro', origins: [SHOP] }));
});
afterAll(() => h.close());

const grantFor = (tenantId: string, origin = EDGE) => grants.issue({ tenantId, origin }).token;
const config = (tenantId: string, grant?: string, origin = EDGE) => {
  const req = request(h.app).get(`/config?tenantId=${tenantId}`).set('Origin', origin);
  return grant ? req.set('X-Vocalia-Preview', grant) : req;
};
const respond = (tenantId: string, token: string, origin = EDGE) =>
  request(h.app).post('/respond').set('Origin', origin).set('Authorization', `Bearer ${token}`).send({ tenantId, sessionId: 'preview-session-1', message: 'Hello' });

describe("the dashboard's live preview of the widget (a grant from db-api, on the platform's own origin)", () => {
  it('when the dashboard origin asks without a grant, then it is refused like any origin the tenant does not list', async () => {
    await config('fresh').expect(403);
  });

  it("when the preview asks /social-proof with its grant, then it is served (the dashboard's page logs no 403); another tenant's grant is still refused", async () => {
    const proof = (grant: string) => request(h.app).get('/social-proof?tenantId=fresh').set('Sec-Fetch-Site', 'same-origin').set('X-Vocalia-Preview', grant);
    expect((await proof(grantFor('fresh')).expect(200)).body).toEqual({ items: [] });
    await proof(grantFor('other')).expect(403);
  });

  it('when it asks with a grant for this tenant and origin, then it gets a config whose token answers /respond from that origin only', async () => {
    const res = await config('fresh', grantFor('fresh')).expect(200);
    const { session } = WidgetConfigResponse.parse(res.body);
    const answer = await respond('fresh', session.token).expect(200);
    expect(answer.body.answer).toEqual(expect.any(String));
    await respond('fresh', session.token, SHOP).expect(403);
    await request(h.app).post('/respond').set('Authorization', `Bearer ${session.token}`).send({ tenantId: 'fresh', sessionId: 'preview-session-2', message: 'Hello' }).expect(403);
  });

  it("when the grant is another tenant's, forged, or names another origin, or the page is elsewhere, then /config refuses it", async () => {
    expect((await config('fresh', grantFor('other')).expect(403)).body.detail).toMatch(/another tenant/);
    await config('fresh', 'not-a-grant').expect(401);
    await config('fresh', createPreviewGrants({ internalToken: 'another-internal-token-0123456789' }).issue({ tenantId: 'fresh', origin: EDGE }).token).expect(401);
    await config('fresh', grantFor('fresh', 'https://evil.example')).expect(403);
    await config('fresh', grantFor('fresh'), 'https://evil.example').expect(403);
  });

  it("when a preview token is sent for another tenant, then /respond refuses it", async () => {
    const { session } = WidgetConfigResponse.parse((await config('fresh', grantFor('fresh')).expect(200)).body);
    await respond('other', session.token).expect(403);
  });
});

describe('GET /widget/preview', () => {
  it('when the dashboard frames the preview page, then it loads the real widget in preview mode, frameable by the same origin only', async () => {
    const res = await request(h.app).get('/widget/preview?tenantId=fresh').expect(200);
    expect(res.text).toContain(`<script src="${PUBLIC_BASE_URL}/widget/v1/vocalia.js" data-vocalia-tenant="fresh" data-vocalia-preview async></script>`);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    await request(h.app).get('/widget/preview?tenantId=%3Cb%3E').expect(404);
  });
});
