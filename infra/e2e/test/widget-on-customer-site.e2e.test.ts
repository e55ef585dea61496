import type { WidgetSnippetResponse } from '@vocalia/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { customerPage, launchChromium, onboardIntegrator, screenshot, startFleet, startStaticSite, watchPage, type Fleet, type Integrator, type StaticSite, type WatchedPage } from './support';

const SHOP_FR = '<h1>Cabinet Dentaire Atlas</h1><p>Soins dentaires à Casablanca, sur rendez-vous.</p>';
const SHOP_AR = '<h1>عيادة أطلس لطب الأسنان</h1><p>علاجات الأسنان في الدار البيضاء، بموعد مسبق.</p>';

describe('the widget on a customer site, from the snippet db-api hands out (issue #5)', () => {
  let fleet: Fleet;
  let site: StaticSite;
  let stranger: StaticSite;
  let shop: Integrator;
  let snippet: WidgetSnippetResponse;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function open(url: string, locale: string): Promise<{ page: Page; watched: WatchedPage }> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    const watched = await watchPage(page);
    await page.goto(url);
    return { page, watched };
  }

  async function ask(page: Page, question: string, fact: string): Promise<void> {
    await page.locator('.input').fill(question);
    await page.keyboard.press('Enter');
    await page.locator('.msg.assistant:not([aria-busy]) .text', { hasText: fact }).waitFor({ timeout: 15_000 });
  }

  beforeAll(async () => {
    fleet = await startFleet({ name: 'widget' });
    [site, stranger, browser] = await Promise.all([startStaticSite(), startStaticSite(), launchChromium()]);
    shop = await onboardIntegrator(fleet.edgeUrl, { origins: [site.origin], languages: ['fr', 'ar'] });
    snippet = await shop.client.widget.snippet();
    const code = snippet.snippets.html.code;
    site.pages['/fr.html'] = customerPage('fr', 'Cabinet Dentaire Atlas', SHOP_FR, code);
    site.pages['/ar.html'] = customerPage('ar', 'عيادة أطلس', SHOP_AR, code);
    stranger.pages['/index.html'] = customerPage('fr', 'Site copié', SHOP_FR, code);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await Promise.all([site?.close(), stranger?.close()]);
    await fleet?.close();
  });

  it('when the snippet is pasted on the allowed site, then its script loads from voice-api through the edge and the launcher renders', async () => {
    expect(snippet.scriptUrl).toBe(`${fleet.edgeUrl}/widget/v1/vocalia.js`);
    expect(snippet.snippets.html.code).toBe(`<script src="${snippet.scriptUrl}" data-vocalia-tenant="${shop.tenantId}" async></script>`);
    const { page, watched } = await open(`${site.origin}/fr.html`, 'fr-FR');
    expect(await watched.settled()).toBe('vocalia:ready');
    expect(watched.responses.get(snippet.scriptUrl)).toBe(200);
    expect(watched.responses.get(`${fleet.edgeUrl}/config?tenantId=${shop.tenantId}`)).toBe(200);
    await page.locator('.launcher').waitFor({ state: 'visible' });
    expect(watched.warnings).toEqual([]);
  });

  it('when a visitor opens the widget and asks in French, then the answer comes from the French knowledge base', async () => {
    const { page, watched } = await open(`${site.origin}/fr.html`, 'fr-FR');
    await page.locator('.launcher').click();
    const panel = page.locator('.panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getAttribute('lang')).toBe('fr');
    expect(await panel.getAttribute('dir')).toBe('ltr');
    await ask(page, 'Bonjour, quels sont vos horaires ?', 'du lundi au vendredi de 9h à 18h');
    await screenshot(page, 'widget-fr-answer-from-kb');
    await page.evaluate(() => (window as unknown as { VocalIA: { setLanguage(l: string): void } }).VocalIA.setLanguage('ar'));
    expect(await panel.getAttribute('dir')).toBe('rtl');
    expect(watched.warnings).toEqual([]);
  });

  it('when a visitor asks in their own words ("Vous êtes là le week-end ?"), then the answer still states the fact from the knowledge base', async () => {
    const { page, watched } = await open(`${site.origin}/fr.html`, 'fr-FR');
    await page.locator('.launcher').click();
    await page.locator('.panel').waitFor({ state: 'visible' });
    await ask(page, 'Vous êtes là le week-end ?', 'le samedi de 9h à 13h');
    await screenshot(page, 'widget-fr-paraphrase-answer');
    expect(watched.warnings).toEqual([]);
  });

  it('when the page is <html lang="ar"> and the visitor asks in Arabic, then the panel is dir=rtl and the answer comes from the Arabic knowledge base', async () => {
    const { page, watched } = await open(`${site.origin}/ar.html`, 'en-US');
    await page.locator('.launcher').click();
    const panel = page.locator('.panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getAttribute('dir')).toBe('rtl');
    expect(await panel.getAttribute('lang')).toBe('ar');
    await ask(page, 'ما هي أوقات العمل؟', 'من الاثنين إلى الجمعة');
    await screenshot(page, 'widget-ar-rtl-answer-from-kb');
    expect(watched.warnings).toEqual([]);
  });

  it('when the same snippet is on an origin the tenant has not allowed, then no widget renders and one console warning names the origin to add', async () => {
    const { page, watched } = await open(`${stranger.origin}/index.html`, 'fr-FR');
    expect(await watched.settled()).toBe('vocalia:error');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('vocalia-widget').count()).toBe(0);
    expect(await page.locator('.launcher').count()).toBe(0);
    expect(watched.responses.get(snippet.scriptUrl)).toBe(200);
    expect(watched.warnings).toHaveLength(1);
    expect(watched.warnings[0]).toContain(`Add ${stranger.origin} to the tenant's allowed origins`);
    expect(watched.warnings[0]).toContain(`is not allowed for tenant ${shop.tenantId}`);
    await screenshot(page, 'widget-refused-origin');
  });
});
