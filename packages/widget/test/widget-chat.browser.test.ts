import type { Page } from 'playwright-core';
import { focusedInWidget, screenshot, watchPage } from './support/browser';
import { startFleet, type Fleet } from './support/fleet-fixture';

jest.setTimeout(60_000);

describe('widget in Chromium, on a customer page of another origin', () => {
  let fleet: Fleet;
  let page: Page;
  let warnings: string[];

  beforeAll(async () => {
    fleet = await startFleet();
    const context = await fleet.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    ({ warnings } = await watchPage(page));
    await page.goto(`${fleet.site.origin}/fr.html`);
  });
  afterAll(() => fleet.stop());

  it('when the pinned (SRI) snippet loads, then the launcher appears and the panel opens on click with focus in the input', async () => {
    await page.locator('.launcher').waitFor({ state: 'visible' });
    await page.locator('.launcher').click();
    await page.locator('.panel').waitFor({ state: 'visible' });
    expect(await page.locator('.panel').getAttribute('role')).toBe('dialog');
    expect(await page.locator('.panel').getAttribute('aria-modal')).toBe('true');
    expect(await page.locator('.panel').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('.log').getAttribute('aria-live')).toBe('polite');
    expect(await focusedInWidget(page)).toBe('input.input#vc-input');
    expect(await page.locator('.msg.assistant').first().textContent()).toContain('Atlas Boutique');
  });

  it('when a French question is sent with Enter, then the answer streams in token by token and ends complete', async () => {
    await page.locator('.input').fill('Quels sont vos horaires ?');
    await page.keyboard.press('Enter');
    expect(await page.locator('.input').inputValue()).toBe('');
    const streaming = page.locator('.msg.assistant[aria-busy="true"] .text');
    await streaming.waitFor();
    const partial = (await streaming.textContent()) ?? '';
    const final = 'Nous sommes ouverts du lundi au samedi, de 9 h à 19 h.';
    await page.locator('.msg.assistant:not([aria-busy]) .text', { hasText: final }).waitFor();
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(final.length);
    expect(final.startsWith(partial)).toBe(true);
    const call = fleet.api.log.filter((entry) => entry.path === '/respond').at(-1);
    expect(call).toMatchObject({ origin: fleet.site.origin, accept: 'text/event-stream', body: { tenantId: 'shop-atlas', context: { channel: 'widget' } } });
    // The page's language sets the interface only; the agent answers in the language the visitor writes.
    expect(call?.body).not.toHaveProperty('language');
    expect(call?.authorization).toMatch(/^Bearer wt_/);
  });

  it('when products are suggested, then cards render as text (no markup, no javascript: link) with localized prices', async () => {
    await page.locator('.input').fill('Montrez-moi vos sacs');
    await page.locator('.input').press('Enter');
    await page.locator('.card').nth(1).waitFor();
    const cards = await page.locator('.card').allTextContents();
    expect(cards[0]).toContain('129,00');
    expect(cards[1]).toContain('Pochette <b>brodée</b>');
    expect(await page.locator('.card a').count()).toBe(1);
    expect(await page.locator('.card b').count()).toBe(0);
    await page.locator('.card img').first().evaluate((img: HTMLImageElement) => img.decode());
    await screenshot(page, 'widget-fr-streamed-answer');
  });

  it('when Tab is pressed repeatedly, then focus stays in the panel; when Escape is pressed, then it closes and focus returns to the launcher', async () => {
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.querySelector('vocalia-widget')?.shadowRoot?.activeElement?.closest('.panel'))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.locator('.panel').waitFor({ state: 'hidden' });
    expect(await focusedInWidget(page)).toBe('button.launcher');
    expect(await page.locator('.launcher').getAttribute('aria-expanded')).toBe('false');
  });

  it('when the page reloads, then the conversation comes back from sessionStorage; data-vocalia-action opens the panel', async () => {
    await page.reload();
    await page.locator('#help').click();
    await page.locator('.panel').waitFor({ state: 'visible' });
    expect(await page.locator('.msg.user').allTextContents()).toEqual(['Vous: Quels sont vos horaires ?', 'Vous: Montrez-moi vos sacs']);
    expect(await page.locator('.card').count()).toBe(2);
  });

  it('when /respond is unreachable, then a retry message appears and the typed text is back in the input; retry then works', async () => {
    fleet.api.respondMode = 'network-error';
    await page.locator('.input').fill('Livrez-vous à Rabat ?');
    await page.locator('.input').press('Enter');
    await page.locator('.msg.error').waitFor();
    expect(await page.locator('.msg.error').textContent()).toContain('Impossible de joindre');
    expect(await page.locator('.input').inputValue()).toBe('Livrez-vous à Rabat ?');
    expect(await page.locator('.msg.user', { hasText: 'Rabat' }).count()).toBe(0);
    fleet.api.respondMode = 'ok';
    await page.locator('.msg.error button').click();
    await page.locator('.msg.user', { hasText: 'Rabat' }).waitFor();
    // The automatic retry and the visitor's retry (Chromium may also resend a POST whose pooled connection
    // dropped) all carry the first attempt's key: answered once at most.
    const keys = fleet.api.log.filter((e) => e.path === '/respond' && e.body?.message === 'Livrez-vous à Rabat ?').map((e) => e.idempotencyKey);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^wk_[0-9a-f]{32}$/);
    await page.locator('.msg.assistant:not([aria-busy]) .text', { hasText: 'lundi' }).nth(1).waitFor();
    expect(await page.locator('.msg.error').count()).toBe(0);
  });

  it('when the tenant is over its monthly conversation quota, then the visitor reads that the assistant is unavailable, with no retry and no technical detail', async () => {
    fleet.api.respondMode = 'quota-exceeded';
    await page.locator('.input').fill('Avez-vous des tajines ?');
    await page.locator('.input').press('Enter');
    const notice = page.locator('.msg.error', { hasText: "L'assistant n'est pas disponible" });
    await notice.waitFor();
    expect(await notice.locator('button').count()).toBe(0);
    expect(await notice.textContent()).not.toContain('Dashboard');
    expect(await notice.getAttribute('role')).toBe('status');
    fleet.api.respondMode = 'ok';
  });

  it('when the widget works, then it emitted ready, message, lead and error events and printed no warning', async () => {
    const types = await page.evaluate(() => (window as unknown as { vocaliaEvents: Array<{ type: string }> }).vocaliaEvents.map((e) => e.type));
    expect(types).toEqual(expect.arrayContaining(['vocalia:ready', 'vocalia:message', 'vocalia:lead', 'vocalia:error']));
    expect(warnings).toEqual([]);
  });
});
