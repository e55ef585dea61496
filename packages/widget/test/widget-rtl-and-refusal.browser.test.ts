import type { Page } from 'playwright-core';
import { screenshot, watchPage } from './support/browser';
import { startFleet, type Fleet } from './support/fleet-fixture';

jest.setTimeout(60_000);

async function openPage(fleet: Fleet, url: string, locale = 'fr-FR'): Promise<{ page: Page; warnings: string[] }> {
  const context = await fleet.browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const { warnings } = await watchPage(page);
  await page.goto(url);
  return { page, warnings };
}

/** Waits until the widget has given up (its vocalia:error event), then a little more for any late output. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { vocaliaEvents: Array<{ type: string }> }).vocaliaEvents.some((e) => e.type === 'vocalia:error'));
  await page.waitForTimeout(500);
}

describe('widget in Chromium: Arabic pages and refused embeds', () => {
  let fleet: Fleet;

  beforeAll(async () => {
    fleet = await startFleet();
  });
  afterAll(() => fleet.stop());

  it('when the page is <html lang="ar">, then the panel is dir=rtl, mirrored, in Arabic, and the Arabic answer streams', async () => {
    const { page, warnings } = await openPage(fleet, `${fleet.site.origin}/ar.html`, 'en-US');
    await page.locator('.launcher').click();
    const panel = page.locator('.panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getAttribute('dir')).toBe('rtl');
    expect(await panel.getAttribute('lang')).toBe('ar');
    expect(await page.locator('.send').getAttribute('aria-label')).toBe('إرسال');
    await page.locator('.input').fill('ما هي ساعات العمل؟');
    await page.keyboard.press('Enter');
    await page.locator('.msg.assistant:not([aria-busy]) .text', { hasText: 'نحن مفتوحون' }).waitFor();
    expect(fleet.api.log.filter((e) => e.path === '/respond').at(-1)?.body).not.toHaveProperty('language');
    const user = await page.locator('.msg.user').boundingBox();
    const answer = await page.locator('.msg.assistant').last().boundingBox();
    const title = await page.locator('.title').boundingBox();
    const close = await page.locator('.close').boundingBox();
    expect(user!.x).toBeLessThan(answer!.x);
    expect(close!.x).toBeLessThan(title!.x);
    await screenshot(page, 'widget-ar-rtl');
    expect(warnings).toEqual([]);
    await page.context().close();
  });

  it('when ?vocalia_lang=ary is in the URL, then Darija wins over <html lang="fr"> and the panel is rtl', async () => {
    const { page } = await openPage(fleet, `${fleet.site.origin}/fr.html?vocalia_lang=ary`);
    await page.locator('.launcher').click();
    expect(await page.locator('.panel').getAttribute('lang')).toBe('ary');
    expect(await page.locator('.panel').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.send').getAttribute('aria-label')).toBe('صيفطو');
    await page.evaluate(() => (window as unknown as { VocalIA: { setLanguage(l: string): void } }).VocalIA.setLanguage('es'));
    expect(await page.locator('.panel').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('.send').getAttribute('aria-label')).toBe('Enviar');
    await page.locator('.input').fill('¿Cuál es el horario?');
    await page.keyboard.press('Enter');
    const sent = () => fleet.api.log.find((e) => e.path === '/respond' && e.body?.message === '¿Cuál es el horario?');
    for (let i = 0; i < 100 && !sent(); i++) await new Promise((r) => setTimeout(r, 50));
    // A language the visitor picked pins the reply language.
    expect(sent()?.body?.language).toBe('es');
    await page.context().close();
  });

  it('when the panel stays closed and the plan has social_proof, then one recent activity line shows beside the launcher', async () => {
    const { page } = await openPage(fleet, `${fleet.site.origin}/fr.html`);
    const proof = page.locator('.proof');
    await proof.waitFor({ timeout: 10_000 });
    expect(await proof.textContent()).toBe('Sofia a réservé un essayage il y a 5 minutes');
    expect(await proof.getAttribute('role')).toBe('status');
    await screenshot(page, 'widget-social-proof');
    await page.locator('.launcher').click();
    expect(await proof.count()).toBe(0);
    await page.context().close();
  });

  it('when the snippet is pasted on an origin the tenant has not allowed, then nothing renders and exactly one warning names the origin to add', async () => {
    const { page, warnings } = await openPage(fleet, `${fleet.stranger.origin}/index.html`);
    await settled(page);
    expect(await page.locator('vocalia-widget').count()).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`Add ${fleet.stranger.origin} to the tenant's allowed origins`);
    expect(warnings[0]).toContain(`Server said: "The origin ${fleet.stranger.origin} is not allowed for tenant shop-atlas`);
    await page.evaluate(() => (window as unknown as { VocalIA: { open(): void } }).VocalIA.open());
    await page.locator('#help').click();
    expect(await page.locator('vocalia-widget').count()).toBe(0);
    await page.context().close();
  });

  it('when the tenant id is unknown, then nothing renders and exactly one warning points at data-vocalia-tenant', async () => {
    const { page, warnings } = await openPage(fleet, `${fleet.site.origin}/unknown.html`);
    await settled(page);
    expect(await page.locator('vocalia-widget').count()).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('tenant "no-such-tenant" is unknown');
    expect(warnings[0]).toContain('data-vocalia-tenant');
    await page.context().close();
  });
});
