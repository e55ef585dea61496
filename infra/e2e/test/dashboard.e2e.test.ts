import { randomBytes, randomUUID } from 'node:crypto';
import { createProducer, createRedis } from '@vocalia/service-kit';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '@vocalia/launcher';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CATALOGUES, VALUE_LABELS, type UiLanguage } from '@vocalia/dashboard/catalogues';
import { startFakeTwilio, type FakeTwilio } from '@vocalia/db-api/test/support/fake-twilio';
import { REDIS_URL } from './support/test-env';
import { apiCallsSettled, customerPage, eventually, seriousA11yViolations, launchChromium, PASSWORD, registerOwner, screenshot, signInToDashboard, startFleet, startStaticSite, trackApiCalls, watchPage, type Fleet, type StaticSite } from './support';

const PAGES = ['', 'onboarding', 'install', 'conversations', 'calls', 'leads', 'bookings', 'analytics', 'knowledge', 'catalog', 'agents', 'integrations', 'billing', 'settings'];

interface Journey {
  lang: 'en' | 'ar';
  company: string;
  sector: string;
  question: string;
  /** Asked in the install page's live preview (no contact in it: the journey's lead stays the only one). */
  previewQuestion: string;
  shop: string;
}

const JOURNEYS: Journey[] = [
  { lang: 'en', company: 'Riad Atlas', sector: 'hospitality', question: 'Hello, I would like to book a room for Saturday. I am Nadia, nadia@riad-atlas.example', previewQuestion: 'What are your opening hours?', shop: '<h1>Riad Atlas</h1><p>Guest house in Marrakech.</p>' },
  { lang: 'ar', company: 'مطعم الأطلس', sector: 'مطعم', question: 'مرحبا، أريد حجز طاولة يوم السبت. أنا سلمى، salma@atlas-resto.example', previewQuestion: 'ما هي ساعات العمل؟', shop: '<h1>مطعم الأطلس</h1><p>مطعم مغربي في الرباط.</p>' },
];

describe('the dashboard at /app/: a business signs up, onboards, installs the widget and finds its first conversation (issue #21)', () => {
  let fleet: Fleet;
  let mail: MailCatcher;
  let site: StaticSite;
  let browser: Browser;
  let twilio: FakeTwilio;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    // The platform's Twilio account, for call recordings fetched through db-api.
    twilio = await startFakeTwilio();
    fleet = await startFleet({ name: 'dashboard', smtpUrl: mail.smtpUrl, dbApiEnv: { SITE_CHECK_ALLOW_PRIVATE_TARGETS: 'true', ...twilio.env } });
    [site, browser] = await Promise.all([startStaticSite(), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
    await fleet?.close();
    await twilio?.close();
    await mail?.stop();
  });

  async function newPage(locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 860 }, permissions: ['clipboard-read', 'clipboard-write'] });
    contexts.push(context);
    return trackApiCalls(await context.newPage());
  }

  async function verificationLink(email: string): Promise<string> {
    return eventually(async () => {
      const mails = (await (await fetch(mail.inboxUrl)).json()) as CaughtMail[];
      const text = mails.find((m) => m.to.includes(email) && m.text.includes('/app/#/verify-email?token='))?.text ?? '';
      const link = /(https?:\/\/\S+\/app\/#\/verify-email\?token=[^\s>)\]]+)/.exec(text)?.[1];
      if (!link) throw new Error(`no verification mail for ${email} yet`);
      return link;
    }, 15_000);
  }

  /** Reloads the page (a fresh silent refresh from the cookie each time) until `locator` shows up. */
  async function reloadUntil(page: Page, url: string, selector: string): Promise<void> {
    await eventually(async () => {
      await page.goto(url);
      await page.reload();
      await page.locator(selector).first().waitFor({ timeout: 1_500 });
    }, 20_000, 200);
  }

  /** A finished inbound call of 75 s, as telephony-bridge would report it on `call-events` (with its recording's SID when given). */
  async function reportCall(tenantId: string, recordingSid?: string): Promise<void> {
    const connection = createRedis(REDIS_URL, 'producer');
    const calls = createProducer('call-events', { connection, prefix: fleet.queuePrefix });
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    const envelope = { v: 1 as const, tenantId, requestId: randomUUID(), at: new Date().toISOString() };
    await calls.add({ ...envelope, eventId: `${callSid}-0`, type: 'call.started', callSid, direction: 'inbound', from: '+212600000001', to: '+212522000002', sequence: 0 });
    await calls.add({ ...envelope, eventId: `${callSid}-1`, type: 'call.completed', callSid, status: 'completed', durationSec: 75, sequence: 1 });
    if (recordingSid) await calls.add({ ...envelope, eventId: `${callSid}-2`, type: 'call.recording', callSid, recordingSid, recordingDurationSec: 70, sequence: 2 });
    await calls.close();
    await connection.quit();
  }

  async function askOnCustomerSite(journey: Journey, snippet: string, path: string): Promise<void> {
    site.pages[path] = customerPage(journey.lang, journey.company, journey.shop, snippet);
    const visitor = await newPage();
    const watched = await watchPage(visitor);
    await visitor.goto(`${site.origin}${path}`);
    expect(await watched.settled()).toBe('vocalia:ready');
    await visitor.locator('.launcher').click();
    await visitor.locator('.panel').waitFor({ state: 'visible' });
    const answered = visitor.waitForResponse((res) => res.url().endsWith('/respond') && res.request().method() === 'POST');
    await visitor.locator('.input').fill(journey.question);
    await visitor.keyboard.press('Enter');
    expect((await answered).status()).toBe(200);
    await visitor.locator('.msg.assistant:not([aria-busy]) .text').last().waitFor();
    expect((await visitor.locator('.msg.assistant .text').last().textContent())?.trim()).not.toBe('');
    await screenshot(visitor, `dashboard-${journey.lang}-customer-site`);
  }

  it.each(JOURNEYS)('when a new business signs up in $lang, then onboarding, the copied snippet, a visitor question, the conversation, its lead and the day count all work, axe-core finds no serious violation on any page, and an ended session comes back to its page after sign-in', async (journey) => {
    const app = `${fleet.edgeUrl}/app/`;
    const email = `owner.${randomBytes(5).toString('hex')}@${journey.lang}.dashboard.example`;
    const page = await newPage();
    const shot = (name: string) => screenshot(page, `dashboard-${journey.lang}-${name}`);

    await page.goto(`${app}#/sign-up`);
    await page.locator('select[name="ui-language"]').selectOption(journey.lang);
    expect(await page.locator('html').getAttribute('dir')).toBe(journey.lang === 'ar' ? 'rtl' : 'ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe(journey.lang);
    await page.locator('input[name="company"]').fill(journey.company);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await shot('sign-up');
    const a11y: string[] = (await seriousA11yViolations(page)).map((v) => `sign-up: ${v}`);
    await page.locator('form button[type="submit"]').click();

    // Step 1: the business.
    await page.locator('input[name="sector"]').waitFor();
    await shot('onboarding-1-business');
    await page.locator('input[name="sector"]').fill(journey.sector);
    await page.locator('form button[type="submit"]').click();

    // Step 2: the agent, from the persona catalogue.
    await page.locator('select[name="personaId"]').waitFor();
    await page.locator('select[name="personaId"] option').nth(1).waitFor({ state: 'attached' });
    await page.locator('input[name="agentName"]').fill('Salma');
    await shot('onboarding-2-agent');
    await page.locator('form button[type="submit"]').click();

    // Step 3: the site allowed to use the widget.
    await page.locator('input[name="origin"]').fill(site.origin);
    await page.locator('form.inline button[type="submit"]').click();
    await page.locator('[data-test="origins"] li', { hasText: site.origin }).waitFor();
    await shot('onboarding-3-origins');
    await page.locator('button[name="origins-next"]').click();

    // Step 4: the snippet, copied with its button.
    await page.locator('[data-test="snippet-html"]').waitFor();
    await page.locator('button[name="copy-html"]').click();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toContain('data-vocalia-tenant=');
    await shot('onboarding-4-install');

    // The verification mail, from the mail catcher, opened in the same browser.
    await page.goto(await verificationLink(email));
    await page.locator('[data-test="verify-result"]').waitFor();
    await eventually(async () => expect(await page.locator('[data-test="verify-result"]').textContent()).toBe(journey.lang === 'ar' ? 'تم تأكيد بريدك الإلكتروني.' : 'Your email address is verified.'));
    await shot('verify-email');

    await askOnCustomerSite(journey, snippet, `/${journey.lang}.html`);

    // "Check my site": db-api fetches the page and finds the snippet on an allowed origin.
    await page.goto(`${app}#/install`);
    await page.locator('input[name="check-url"]').fill(`${site.origin}/${journey.lang}.html`);
    await page.locator('button[name="check-site"]').click();
    await page.locator('[data-test="check-site-result"] [data-found="true"]').waitFor();
    await page.locator('[data-test="check-site-result"] [data-allowed="true"]').waitFor();
    await shot('install-check-site');

    await reloadUntil(page, `${app}#/conversations`, '[data-test="conversations"] tbody tr');
    await shot('conversations');
    await page.locator('[data-test="conversations"] tbody tr a').first().click();
    await page.locator('[data-test="transcript"] .msg.user', { hasText: journey.question }).waitFor();
    await shot('transcript');

    const contact = /\S+@\S+\.example/.exec(journey.question)?.[0] as string;
    await reloadUntil(page, `${app}#/leads`, `[data-test="leads"] tbody tr:has-text("${contact}")`);
    await shot('leads');

    // A phone call reported on call-events: the calls list links to its page, with status and duration.
    await reportCall(/data-vocalia-tenant="([^"]+)"/.exec(snippet)?.[1] as string);
    await reloadUntil(page, `${app}#/calls`, '[data-test="calls"] tbody tr a');
    await page.locator('[data-test="calls"] tbody tr a').first().click();
    await page.locator('[data-test="call-facts"]').waitFor();
    expect(await page.locator('[data-test="call-status"]').textContent()).toBe(VALUE_LABELS[journey.lang].callStatus.completed);
    expect(await page.locator('[data-test="call-duration"]').textContent()).toBe('1:15');
    a11y.push(...(await seriousA11yViolations(page)).map((v) => `call: ${v}`));
    await shot('call');

    await page.goto(`${app}#/analytics`);
    const today = new Date().toISOString().slice(0, 10);
    await page.locator('details summary').click();
    const todayRow = page.locator(`[data-test="analytics-days"] tr[data-date="${today}"] .day-total`);
    await todayRow.waitFor();
    expect(Number(await todayRow.textContent())).toBe(1);
    expect(await page.locator('.chart canvas').count()).toBe(1);
    await shot('analytics');

    // The live preview: the real widget on the dashboard's own origin (not one the tenant allows), in the colour being edited, answers.
    await page.goto(`${app}#/install`);
    const preview = page.frameLocator('iframe[name="widget-preview"]');
    await preview.locator('.launcher').waitFor();
    await page.locator('input[name="primaryColor"]').fill('#0f766e');
    await eventually(async () => expect(await page.locator('iframe[name="widget-preview"]').getAttribute('src')).toContain('primaryColor=%230f766e'), 10_000);
    await eventually(async () => expect(await preview.locator('.launcher').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 118, 110)'), 10_000);
    // From the keyboard: the frame sits in an RTL page in Arabic, where pointer hit-testing inside frames is unreliable in headless Chromium.
    await preview.locator('.launcher').press('Enter');
    await preview.locator('.panel').waitFor({ state: 'visible' });
    const previewAnswered = page.waitForResponse((res) => res.url().endsWith('/respond') && res.request().method() === 'POST');
    await preview.locator('.input').fill(journey.previewQuestion);
    await preview.locator('.input').press('Enter');
    expect((await previewAnswered).status()).toBe(200);
    await preview.locator('.msg.assistant:not([aria-busy]) .text').last().waitFor();
    expect((await preview.locator('.msg.assistant .text').last().textContent())?.trim()).not.toBe('');
    await shot('install-live-preview');

    // Nothing in the new tenant's knowledge base answers it: analytics lists it among the questions without an answer.
    await reloadUntil(page, `${app}#/analytics`, `[data-test="unanswered"] td:has-text("${journey.previewQuestion}")`);
    await page.locator('[data-test="answer-rate"]').waitFor();
    await shot('analytics-unanswered');

    // The Starter plan has no product catalog: the page offers the upgrade instead of calling the API.
    await page.goto(`${app}#/catalog`);
    await page.locator('[data-test="upgrade"]').waitFor();

    for (const name of PAGES) {
      await page.goto(`${app}#/${name}`);
      await page.locator('main h1').waitFor();
      await apiCallsSettled(page);
      // Usage this period, then what runs now: live voice sessions and calls beside the concurrency allowed.
      if (name === 'billing') expect((await page.locator('[data-test="live"] li').allTextContents()).map((row) => row.replace(/^\D+/, ''))).toEqual(['0 / 0', '0 / 5']);
      await shot(`page-${name || 'home'}`);
      a11y.push(...(await seriousA11yViolations(page)).map((v) => `${name || 'home'}: ${v}`));
    }
    expect(a11y).toEqual([]);

    // On a phone: one column, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflowing: string[] = [];
    for (const name of ['', 'install', 'conversations', 'leads', 'analytics', 'settings']) {
      await page.goto(`${app}#/${name}`);
      await page.locator('main h1').waitFor();
      await apiCallsSettled(page);
      // Names the widest elements that stick out, so a failure says what to fix.
      const culprits = await page.evaluate(() =>
        document.documentElement.scrollWidth <= window.innerWidth
          ? []
          : [...document.querySelectorAll('main *, nav, header')]
              .filter((el) => el.getBoundingClientRect().width > window.innerWidth)
              .slice(-3)
              .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().width)}px`),
      );
      if (culprits.length) overflowing.push(`${name || 'home'}: ${culprits.join(', ')}`);
      await shot(`phone-${name || 'home'}`);
    }
    expect(overflowing).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 860 });

    // The session is gone (cookie cleared, page reloaded): sign-in, then back to the page that was open.
    await page.context().clearCookies();
    await page.goto(`${app}#/leads`);
    await page.reload();
    await page.locator('input[name="password"]').waitFor();
    expect(page.url()).toContain('expired=1');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await shot('sign-in-expired');
    await page.locator('form button[type="submit"]').click();
    await page.locator(`[data-test="leads"] tbody tr:has-text("${contact}")`).waitFor();
    expect(new URL(page.url()).hash).toBe('#/leads');
    expect(await page.locator('html').getAttribute('dir')).toBe(journey.lang === 'ar' ? 'rtl' : 'ltr');
  }, 180_000);

  /** A language's interface strings by a unique name: the catalogue's keys, and `<kind>.<value>` for the labels of API values. */
  function interfaceStrings(lang: UiLanguage): Record<string, string> {
    const values = Object.entries(VALUE_LABELS[lang]).flatMap(([kind, names]) => Object.entries(names as Record<string, string>).map(([value, text]) => [`${kind}.${value}`, text]));
    return { ...CATALOGUES[lang], ...Object.fromEntries(values) };
  }

  /** English interface strings that this language translates differently: none of them may show on its pages. */
  function englishLeftovers(lang: UiLanguage): string[] {
    const own = interfaceStrings(lang);
    return Object.entries(interfaceStrings('en'))
      .filter(([key, text]) => own[key] !== text && !text.includes('{') && text.length >= 4)
      .map(([, text]) => text);
  }

  it.each(['fr', 'es', 'ary'] as const)('when the interface is in %s, then every page opens with every string translated (no English left, no missing key) and axe-core finds no serious violation', async (lang) => {
    const app = `${fleet.edgeUrl}/app/`;
    const page = await newPage();
    await page.goto(`${app}#/sign-up`);
    await page.locator('select[name="ui-language"]').selectOption(lang);
    await page.locator('input[name="company"]').fill(`Atlas ${lang}`);
    await page.locator('input[name="email"]').fill(`owner.${randomBytes(5).toString('hex')}@${lang}.dashboard.example`);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.locator('input[name="sector"]').waitFor();
    const english = englishLeftovers(lang);
    const problems: string[] = [];
    for (const name of PAGES) {
      await page.goto(`${app}#/${name}`);
      await page.locator('main h1').waitFor();
      await apiCallsSettled(page);
      // Text marked as written in another language (the persona catalogue is English) is not an interface string.
      const text = await page.evaluate(
        (uiLang) => [...document.body.querySelectorAll<HTMLElement>(`[lang]:not([lang="${uiLang}"])`)].reduce((all, other) => all.replace(other.innerText, ''), document.body.innerText),
        lang,
      );
      // A whole word or phrase ("Install", not the "Install" of "Installation"; not the "Next" of "Next.js").
      const shown = (s: string) => new RegExp(`(?<!\\p{L})${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}.])`, 'u').test(text);
      for (const leftover of english.filter(shown)) problems.push(`${name || 'home'}: English "${leftover}"`);
      if (/\bundefined\b/.test(text)) problems.push(`${name || 'home'}: a missing string shows as "undefined"`);
      problems.push(...(await seriousA11yViolations(page)).map((v) => `${name || 'home'}: ${v}`));
      await screenshot(page, `dashboard-${lang}-page-${name || 'home'}`);
    }
    expect([...new Set(problems)]).toEqual([]);
  }, 120_000);

  it('when the owner edits a webhook endpoint and rotates its secret, then a URL that is not https is refused next to its field in the interface language, the change shows, and the new secret is shown once', async () => {
    const { email, client } = await registerOwner(fleet.edgeUrl, 'ecommerce', 'Atlas Hooks');
    const created = await client.webhooks.endpoints.create({ url: 'https://93.184.215.14/vocalia' });
    const refusedIn = async (page: Page, lang: UiLanguage) => {
      await signInToDashboard(page, fleet.edgeUrl, email, '/integrations');
      await page.locator('button[name="edit-webhook"]').click();
      await page.locator('input[name="edit-webhook-url"]').fill('ftp://files.example');
      await page.locator('button[name="save-webhook"]').click();
      // The API's rule (https_required) in the page's words, not its English "must use https".
      await eventually(async () => expect(await page.locator('[data-test="webhook-editor"] .field .error').first().innerText()).toBe(VALUE_LABELS[lang].fieldRule.https_required));
    };
    await refusedIn(await newPage('fr-FR'), 'fr');
    const page = await newPage();
    await refusedIn(page, 'en');
    await page.locator('input[name="edit-webhook-url"]').fill('https://93.184.215.14/vocalia/v2');
    await page.locator('input[name="edit-webhook-description"]').fill('CRM');
    await page.locator('input[name="edit-webhook-enabled"]').uncheck();
    // The owner reads the event's name; the integrator still finds the type to subscribe by.
    const leadQualified = page.locator('label', { has: page.locator('input[name="event-types"][value="lead.qualified"]') });
    expect((await leadQualified.textContent())?.trim()).toBe('Lead qualified lead.qualified');
    await page.locator('input[name="event-types"][value="lead.qualified"]').check();
    await screenshot(page, 'dashboard-en-webhook-edit');
    await page.locator('button[name="save-webhook"]').click();
    await eventually(async () => expect(await page.locator('[data-test="webhook-state"]').textContent()).toBe('Disabled'));
    expect(await page.locator('[data-test="webhook-events"]').textContent()).toBe('Lead qualified');
    expect((await client.webhooks.endpoints.list()).items).toEqual([expect.objectContaining({ id: created.id, url: 'https://93.184.215.14/vocalia/v2', description: 'CRM', enabled: false, eventTypes: ['lead.qualified'] })]);

    await page.locator('button[name="rotate-webhook-secret"]').click();
    const secret = (await page.locator('[data-test="webhook-secret"]').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(created.secret);
    expect((await client.webhooks.endpoints.list()).items[0]?.previousSecretExpiresAt).not.toBeNull();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-en-webhook-rotated');
  }, 90_000);

  it('when a recorded call is opened on a plan with call_recording, then its recording plays in the page, fetched through db-api with the access token', async () => {
    const { email, client, session } = await registerOwner(fleet.edgeUrl, 'telephony', 'Atlas Calls');
    const recordingSid = `RE${randomBytes(16).toString('hex')}`;
    twilio.recordings.set(recordingSid, Buffer.from('ID3 fake mp3 bytes'));
    await reportCall(session.tenant.id, recordingSid);
    await eventually(async () => expect((await client.calls.list()).items[0]?.recordingUrl).toEqual(expect.stringContaining('/recording')), 15_000);
    const page = await newPage();
    await signInToDashboard(page, fleet.edgeUrl, email, '/calls');
    await page.locator('[data-test="calls"] tbody tr a').first().click();
    const fetched = page.waitForResponse((res) => /\/api\/v1\/calls\/[^/]+\/recording$/.test(res.url()));
    await page.locator('button[name="load-recording"]').click();
    expect((await fetched).status()).toBe(200);
    expect(await page.locator('[data-test="recording-player"]').getAttribute('src')).toMatch(/^blob:/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-en-call-recording');
  }, 90_000);
});
