import type { Browser } from 'playwright-core';
import { CATALOGUES } from '@vocalia/dashboard/catalogues';
import { apiCallsSettled, launchChromium, registerOwner, screenshot, signInToDashboard, startFleet, trackApiCalls, type Fleet } from './support';

describe('the dashboard as a business owner finds it on the first day (no Stripe, no model key)', () => {
  let fleet: Fleet;
  let browser: Browser;

  beforeAll(async () => {
    fleet = await startFleet({ name: 'dashboard-first-run' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await fleet?.close();
  });

  it('when a new owner reads Plan and usage in Arabic on a platform without payments, then the state, status, meters and credits are in Arabic and the page says how to change plan', async () => {
    const { email } = await registerOwner(fleet.edgeUrl, 'starter', 'مخبزة أمل');
    const context = await browser.newContext({ locale: 'ar', viewport: { width: 1280, height: 860 } });
    const page = trackApiCalls(await context.newPage());
    await signInToDashboard(page, fleet.edgeUrl, email, '/billing');
    await page.locator('[data-test="credits"]').waitFor();
    await apiCallsSettled(page);
    await screenshot(page, 'dashboard-first-run-ar-billing');
    const ar = CATALOGUES.ar;
    expect(await page.locator('[data-test="billing-state"]').innerText()).toBe(ar.billingTrial);
    expect(await page.locator('[data-test="payments-not-configured"]').innerText()).toBe(ar.paymentsNotConfigured);
    const text = await page.locator('main').innerText();
    expect(text).toContain(ar.stateTrial);
    expect(text).toContain(ar.creditTrialGrant);
    expect(await page.locator('.meters li > span').allInnerTexts()).toEqual([ar.conversations, ar.minutes, ar.phoneMinutes, ar.apiCalls, ar.navAgents, ar.liveVoiceSessions, ar.liveCalls]);
    // What the page showed before: db-api's English sentence and raw values.
    expect(text.match(/Your free trial|trialing|trial_grant|usage:/g)).toBeNull();
    await context.close();
  }, 60_000);
});
