import { randomBytes } from 'node:crypto';
import { RespondResponse, WidgetConfigResponse } from '@vocalia/contracts';
import { createVocaliaClient, type VocaliaClient } from '@vocalia/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { customerPage, launchChromium, pageClient, PASSWORD, startFleet, startStaticSite, watchPage, type Fleet, type StaticSite } from './support';

const ALL_LANGUAGES = ['fr', 'en', 'es', 'ar', 'ary'];
const SHOP = '<h1>Riad Atlas</h1><p>Maison d’hôtes à Marrakech.</p>';

describe('a tenant just registered, with nothing but its site allowed (issue #15)', () => {
  let fleet: Fleet;
  let site: StaticSite;
  let browser: Browser;
  let client: VocaliaClient;
  let tenantId: string;
  let snippet: string;
  const contexts: BrowserContext[] = [];

  async function open(path: string, locale: string): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    const watched = await watchPage(page);
    await page.goto(`${site.origin}${path}`);
    expect(await watched.settled()).toBe('vocalia:ready');
    await page.locator('.launcher').click();
    await page.locator('.panel').waitFor({ state: 'visible' });
    return page;
  }

  beforeAll(async () => {
    fleet = await startFleet({ name: 'new-tenant' });
    [site, browser] = await Promise.all([startStaticSite(), launchChromium()]);
    client = createVocaliaClient({ baseUrl: fleet.edgeUrl });
    const session = await client.auth.register({ email: `owner.${randomBytes(5).toString('hex')}@riad-atlas.example`, password: PASSWORD, company: 'Riad Atlas' });
    tenantId = session.tenant.id;
    await client.origins.add(site.origin);
    snippet = (await client.widget.snippet()).snippets.html.code;
    site.pages['/ar.html'] = customerPage('ar', 'رياض أطلس', SHOP, snippet);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
    await fleet?.close();
  });

  it('when its widget loads on a page <html lang="ar">, then /config offers the five languages and the widget speaks Arabic, right to left', async () => {
    const page = pageClient(fleet.edgeUrl, site.origin);
    const config = WidgetConfigResponse.parse(await (await page.config(tenantId)).json());
    expect(config.languages).toEqual(ALL_LANGUAGES);
    const answer = RespondResponse.parse(await (await page.respond(config.session.token, { tenantId, message: 'مرحبا', language: 'ar' })).json());
    expect(answer.language).toBe('ar');
    const panel = (await open('/ar.html', 'en-US')).locator('.panel');
    expect(await panel.getAttribute('lang')).toBe('ar');
    expect(await panel.getAttribute('dir')).toBe('rtl');
  });

  it('when the page names its second agent with data-vocalia-agent, then that agent greets and answers the visitor', async () => {
    await client.plans.change('pro');
    await client.agents.create({ name: 'Salma', personaId: 'hospitality', languages: ['fr'], greeting: { fr: 'Bonjour, ici Salma du riad' } });
    const karim = await client.agents.create({ name: 'Karim', personaId: 'restaurant', languages: ['fr'], greeting: { fr: 'Bonjour, ici Karim du restaurant' } });
    site.pages['/karim.html'] = customerPage('fr', 'Restaurant du riad', SHOP, snippet.replace('<script ', `<script data-vocalia-agent="${karim.id}" `));
    const page = await open('/karim.html', 'fr-FR');
    const karimSays = page.locator('.msg.assistant:not([aria-busy]) .text', { hasText: 'Bonjour, ici Karim du restaurant' });
    await karimSays.first().waitFor();
    const sent = page.waitForRequest((req) => req.url().endsWith('/respond') && req.method() === 'POST');
    await page.locator('.input').fill('Bonjour !');
    await page.keyboard.press('Enter');
    expect((await sent).postDataJSON()).toMatchObject({ tenantId, agentId: karim.id });
    await karimSays.nth(1).waitFor();
    expect(await page.locator('.msg.assistant .text', { hasText: 'Salma' }).count()).toBe(0);
  });
});
