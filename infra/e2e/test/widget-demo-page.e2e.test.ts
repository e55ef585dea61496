import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, onboardIntegrator, screenshot, startFleet, watchPage, type Fleet, type Integrator } from './support';

describe('the demo page voice-api serves on the edge, as `pnpm start` prints it ("try it")', () => {
  let fleet: Fleet;
  let tenant: Integrator;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    fleet = await startFleet({ name: 'demo-page' });
    browser = await launchChromium();
    // As the launcher seeds the demo tenant: the edge's own origin is allowed.
    tenant = await onboardIntegrator(fleet.edgeUrl, { origins: [fleet.edgeUrl], languages: ['fr'] });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await fleet?.close();
  });

  it('when a visitor opens the demo page and asks in French, then the widget (same-origin /config) answers from the knowledge base', async () => {
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const watched = await watchPage(page);
    // A CSP violation (the page's own is strict) would show up here.
    const errors: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    await page.goto(`${fleet.edgeUrl}/widget/demo?tenantId=${tenant.tenantId}`);
    expect(await watched.settled()).toBe('vocalia:ready');
    expect(watched.responses.get(`${fleet.edgeUrl}/config?tenantId=${tenant.tenantId}`)).toBe(200);
    await page.locator('.launcher').click();
    await page.locator('.panel').waitFor({ state: 'visible' });
    await page.locator('.input').fill('Bonjour, quels sont vos horaires ?');
    await page.keyboard.press('Enter');
    await page.locator('.msg.assistant:not([aria-busy]) .text', { hasText: 'du lundi au vendredi de 9h à 18h' }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'widget-demo-page-fr-answer');
    expect(watched.warnings).toEqual([]);
    expect([...watched.responses].filter(([, s]) => s >= 400)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
