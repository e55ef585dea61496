import request from 'supertest';
import { WidgetPreviewResponse, WidgetSnippetResponse } from '@vocalia/contracts';
import { createPreviewGrants } from '@vocalia/widget-auth';
import { addMemberSession, bearer, listenTenantUpdates, problemOf, startTestApp, type TestApp } from './support';

describe('widget settings and snippet', () => {
  let t: TestApp;
  let updates: Awaited<ReturnType<typeof listenTenantUpdates>>;
  beforeAll(async () => {
    t = await startTestApp({ workers: false, env: { PUBLIC_BASE_URL: 'https://edge.vocalia.test' } });
    updates = await listenTenantUpdates();
  });
  afterAll(async () => {
    await updates.close();
    await t.close();
  });

  it('when nothing was set, then the defaults are returned', async () => {
    const s = await t.register();
    const res = await request(t.app).get('/api/v1/widget').set(bearer(s));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      branding: { primaryColor: '#2563eb', textColor: '#ffffff', fontFamily: 'system-ui', position: 'bottom-right', showPoweredBy: true },
      languages: ['fr', 'en', 'es', 'ar', 'ary'],
      greeting: {},
      ecommerce: false,
    });
  });

  it('when settings are PUT, then they are merged, kept, and announced on tenant-updated', async () => {
    const s = await t.register();
    const put = await request(t.app).put('/api/v1/widget').set(bearer(s)).send({ primaryColor: '#0F766E', position: 'bottom-left', languages: ['fr', 'ar'], greeting: { fr: 'Bonjour !', ar: 'مرحبا!' }, fontFamily: 'Inter, sans-serif' });
    expect(put.status).toBe(200);
    await expect(updates.waitFor(s.tenantId, 'widget')).resolves.toBeDefined();
    await request(t.app).put('/api/v1/widget').set(bearer(s)).send({ textColor: '#111111' }).expect(200);
    const res = await request(t.app).get('/api/v1/widget').set(bearer(s));
    expect(res.body).toEqual({
      branding: { primaryColor: '#0F766E', textColor: '#111111', fontFamily: 'Inter, sans-serif', position: 'bottom-left', showPoweredBy: true },
      languages: ['fr', 'ar'],
      greeting: { fr: 'Bonjour !', ar: 'مرحبا!' },
      ecommerce: false,
    });
  });

  it.each([
    [{ primaryColor: 'red' }, 'body.primaryColor', 'invalid_format'],
    [{ position: 'top-left' }, 'body.position', 'invalid_choice'],
    [{ fontFamily: 'x; background:url(https://evil)' }, 'body.fontFamily', 'invalid_format'],
    [{ languages: ['fr', 'de'] }, 'body.languages.1', 'invalid_choice'],
    [{ languages: ['fr'], greeting: { en: 'Hi' } }, 'body.greeting.en', 'language_not_listed'],
    [{ logoUrl: 'http://insecure.example/logo.png' }, 'body.logoUrl', 'invalid_url'],
  ])('when the body is %j, then 400 names %s (rule %s)', async (body, path, rule) => {
    const s = await t.register();
    const res = await request(t.app).put('/api/v1/widget').set(bearer(s)).send(body);
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toContain(path);
    expect(problemOf(res).errors?.find((e) => e.path === path)?.rule).toBe(rule);
  });

  it('when "Powered by" is hidden without custom_branding, then 403 PLAN_REQUIRED; with the pro plan it is allowed', async () => {
    const s = await t.register();
    const res = await request(t.app).put('/api/v1/widget').set(bearer(s)).send({ showPoweredBy: false });
    expect(res.status).toBe(403);
    expect(problemOf(res)).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'custom_branding', requiredPlan: 'pro' });
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'pro' } });
    const ok = await request(t.app).put('/api/v1/widget').set(bearer(s)).send({ showPoweredBy: false });
    expect(ok.body.branding.showPoweredBy).toBe(false);
  });

  it('when e-commerce mode is turned on without product_catalog, then 403 PLAN_REQUIRED', async () => {
    const s = await t.register();
    const res = await request(t.app).put('/api/v1/widget').set(bearer(s)).send({ ecommerce: true });
    expect(problemOf(res)).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'product_catalog' });
  });

  it('when a member (not admin) changes the widget, then 403', async () => {
    const owner = await t.register();
    const member = await addMemberSession(t, owner, 'member');
    expect((await request(t.app).put('/api/v1/widget').set(bearer(member)).send({ primaryColor: '#000000' })).status).toBe(403);
  });

  it('when the snippet is requested, then every platform gets code loading the public widget URL with the tenant id', async () => {
    const s = await t.register();
    const res = await request(t.app).get('/api/v1/widget/snippet').set(bearer(s));
    expect(res.status).toBe(200);
    const body = WidgetSnippetResponse.parse(res.body);
    expect(body.scriptUrl).toBe('https://edge.vocalia.test/widget/v1/vocalia.js');
    expect(body.versionedScriptUrl).toMatch(/^https:\/\/edge\.vocalia\.test\/widget\/v1\.[0-9a-f]{12}\/vocalia\.js$/);
    expect(body.sri).toMatch(/^sha384-/);
    expect(body.snippets.html.code).toBe(`<script src="https://edge.vocalia.test/widget/v1/vocalia.js" data-vocalia-tenant="${s.tenantId}" async></script>`);
    expect(body.snippets.htmlPinned.code).toContain(`integrity="${body.sri}"`);
    for (const platform of ['wordpress', 'shopify', 'wix'] as const) expect(body.snippets[platform].code).toBe(body.snippets.html.code);
    expect(body.snippets.react.code).toContain(`script.dataset.vocaliaTenant = "${s.tenantId}"`);
    expect(body.snippets.shopify.instructions).toMatch(/theme\.liquid/);
  });

  it("when a member asks for a preview grant, then it names the dashboard's origin and this tenant, verifiable with the internal token's derived key only", async () => {
    const s = await t.register();
    const res = await request(t.app).post('/api/v1/widget/preview').set(bearer(s)).expect(200);
    const body = WidgetPreviewResponse.parse(res.body);
    expect(body.origin).toBe('https://edge.vocalia.test');
    expect(body.pageUrl).toBe(`https://edge.vocalia.test/widget/preview?tenantId=${s.tenantId}`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(createPreviewGrants({ internalToken: t.deps.env.INTERNAL_API_TOKEN }).verify(body.grant)).toEqual({ tenantId: s.tenantId, origin: 'https://edge.vocalia.test' });
    await request(t.app).post('/api/v1/widget/preview').expect(401);
  });
});
