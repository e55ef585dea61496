import type { Browser } from 'playwright-core';
import { CATALOGUES } from '@vocalia/dashboard/catalogues';
import { apiCallsSettled, launchChromium, PASSWORD, registerOwner, screenshot, signInToDashboard, startFleet, trackApiCalls, type Fleet } from './support';

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

  it('when the owner signs out, then the sign-in page opens without saying the session expired, and signing in again lands on the overview', async () => {
    const { email } = await registerOwner(fleet.edgeUrl, 'starter', 'Boulangerie Amal');
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await signInToDashboard(page, fleet.edgeUrl, email, '/knowledge');
    await page.locator('[data-test="documents"]').waitFor({ state: 'attached' });
    await page.locator('header button.secondary').click();
    await page.locator('input[name="password"]').waitFor();
    await page.waitForTimeout(300);
    expect(new URL(page.url()).hash).toBe('#/sign-in');
    expect(await page.locator('.notice').count()).toBe(0);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.locator('nav.sidenav a[aria-current="page"][href="#/"]').waitFor();
    await context.close();
  }, 60_000);

  it('when the owner adds a knowledge document with nothing typed, then each empty field says so and the form says to check them, without repeating the fields by their API paths', async () => {
    const { email } = await registerOwner(fleet.edgeUrl, 'starter', 'Boulangerie Amal');
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await signInToDashboard(page, fleet.edgeUrl, email, '/knowledge');
    await page.locator('textarea[name="content"]').waitFor();
    await page.locator('main form:has(textarea[name="content"]) button[type="submit"]').click();
    await page.locator('main .field .error').nth(1).waitFor();
    expect(await page.locator('main form:has(textarea[name="content"]) .form-error').innerText()).toBe(CATALOGUES.fr.checkFields);
    expect(await page.locator('main').innerText()).not.toContain('body.');
    await context.close();
  }, 60_000);

  it('when the plan has no API access, then Settings offers the upgrade where the API key form was (its Create button could only be refused)', async () => {
    const { email } = await registerOwner(fleet.edgeUrl, 'starter', 'Boulangerie Amal');
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await signInToDashboard(page, fleet.edgeUrl, email, '/settings');
    const keys = page.locator('main section:has(h2:text-is("Clés API"))');
    await keys.locator('[data-test="upgrade"]').waitFor();
    expect(await keys.locator('input[name="key-name"]').count()).toBe(0);
    await context.close();
  }, 60_000);
});
