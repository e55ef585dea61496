import type { Page } from 'playwright-core';
import { eventually, focusedInWidget, screenshot, watchPage } from './support/browser';
import { startFleet, type Fleet } from './support/fleet-fixture';

jest.setTimeout(60_000);

describe('widget in Chromium: what a booking and a hand-off leave in the chat', () => {
  let fleet: Fleet;
  let page: Page;
  let warnings: string[];

  /** Sends `text` and resolves once its answer is drawn (the last assistant bubble, no longer streaming). */
  async function ask(text: string): Promise<ReturnType<Page['locator']>> {
    const before = await page.locator('.msg.assistant').count();
    await page.locator('.input').fill(text);
    await page.keyboard.press('Enter');
    await page.locator('.msg.assistant:not([aria-busy])').nth(before).waitFor();
    return page.locator('.msg.assistant').nth(before);
  }

  beforeAll(async () => {
    fleet = await startFleet();
    fleet.api.tokenDelayMs = 5;
    const context = await fleet.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    ({ warnings } = await watchPage(page));
    await page.goto(`${fleet.site.origin}/fr.html`);
    await page.locator('.launcher').click();
    await page.locator('.panel').waitFor({ state: 'visible' });
  });
  afterAll(() => fleet.stop());

  it('when the agent has recorded a booking, then the card recaps it in words, with the contact given, and offers nothing that would send it again', async () => {
    const answer = await ask('Je voudrais réserver une table samedi à 20h pour 4');
    const card = answer.locator('.booking');
    expect(await card.locator('strong').textContent()).toBe('Demande envoyée');
    expect(await card.locator('li').allTextContents()).toEqual(['table', 'samedi 5 décembre à 20:00', 'Karim', '4 personnes', '0612345678']);
    expect(await answer.locator('button, a').count()).toBe(0);
    await screenshot(page, 'widget-fr-booking-recap');
  });

  it('when the agent has already handed the visitor over, then no button asks for a person again', async () => {
    const answer = await ask("Je veux parler à quelqu'un");
    expect(await answer.locator('.text').textContent()).toBe("Je vous mets en relation avec l'équipe.");
    expect(await answer.locator('button, a').count()).toBe(0);
  });

  it('when a hand-off is only offered, then its button accepts it by sending the request in the visitor’s language', async () => {
    const answer = await ask('Vos plats contiennent-ils des allergènes ?');
    const accept = answer.locator('button');
    expect(await accept.textContent()).toBe('Parler à un conseiller');
    await accept.click();
    await page.locator('.msg.user', { hasText: 'Je souhaite parler à un conseiller.' }).waitFor();
    await page.locator('.msg.assistant:not([aria-busy]) .text', { hasText: 'Je vous mets en relation avec un conseiller.' }).waitFor();
  });

  it('when the visitor reads the booking recap in Darija, then the slot is in Darija words, Latin digits and right to left', async () => {
    await page.evaluate(() => (window as unknown as { VocalIA: { setLanguage(l: string): void } }).VocalIA.setLanguage('ary'));
    const card = (await ask('بغيت نحجز طابلة نهار السبت')).locator('.booking');
    expect(await card.locator('strong').textContent()).toBe('الطلب تصيفط');
    const slot = card.locator('li').nth(1);
    expect(await slot.textContent()).toBe('السبت، 5 دجنبر في 20:00');
    expect(await slot.evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
    await screenshot(page, 'widget-ary-booking-recap');
    expect(warnings).toEqual([]);
  });

  it('when the conversation outgrows the panel, then a keyboard user reaches the log with Shift+Tab and scrolls it back with Page Up', async () => {
    const log = page.locator('.log');
    const scrollTop = () => log.evaluate((node) => node.scrollTop);
    expect(await log.evaluate((node) => node.scrollHeight > node.clientHeight)).toBe(true);
    await page.locator('.input').focus();
    for (let i = 0; i < 6 && (await focusedInWidget(page)) !== 'div.log'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedInWidget(page)).toBe('div.log');
    const bottom = await scrollTop();
    await page.keyboard.press('PageUp');
    await eventually(async () => (await scrollTop()) < bottom, true);
  });
});
