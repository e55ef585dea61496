import { randomBytes } from 'node:crypto';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '@vocalia/launcher';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CATALOGUES } from '@vocalia/dashboard/catalogues';
import { startFakeTwilio, type FakeTwilio } from '@vocalia/db-api/test/support/fake-twilio';
import { eventually, launchChromium, registerOwner, signInToDashboard, startFleet, type Fleet } from './support';

const en = CATALOGUES.en;
/** An Idempotency-Key as db-api takes it: 8-255 printable ASCII characters. */
const KEY = /^[\x21-\x7e]{8,255}$/;

describe('the dashboard when an answer is lost: a create or send button clicked again does it once (Idempotency-Key)', () => {
  let fleet: Fleet;
  let twilio: FakeTwilio;
  let mail: MailCatcher;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [twilio, mail, browser] = await Promise.all([startFakeTwilio(), startMailCatcher({ smtpPort: 0, httpPort: 0 }), launchChromium()]);
    fleet = await startFleet({ name: 'dashboard-retries', smtpUrl: mail.smtpUrl, dbApiEnv: twilio.env });
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await fleet?.close();
    await twilio?.close();
    await mail?.stop();
  });

  /** A business on the Telephony plan (every feature), its owner signed in on the dashboard and on its page `next`. */
  async function signedIn(company: string, next: string) {
    const owner = await registerOwner(fleet.edgeUrl, 'telephony', company);
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await signInToDashboard(page, fleet.edgeUrl, owner.email, next);
    await page.waitForURL(`**#${next}`);
    await page.locator('main h1').waitFor();
    return { ...owner, page };
  }

  interface LostFirstAnswer {
    /** The Idempotency-Key of every POST, in order. */
    keys: (string | undefined)[];
    /** db-api's answers to the POSTs after the lost one: `201`, or `201 replayed` when it sent its first answer again and ran nothing. */
    answers: string[];
  }

  /** POSTs to `url`: the first reaches db-api, which serves it, and its answer never reaches the page. */
  async function loseFirstAnswer(page: Page, url: string): Promise<LostFirstAnswer> {
    const lost: LostFirstAnswer = { keys: [], answers: [] };
    await page.route(url, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      lost.keys.push(route.request().headers()['idempotency-key']);
      const response = await route.fetch();
      if (lost.keys.length === 1) return route.abort('failed');
      lost.answers.push(`${response.status()}${response.headers()['idempotent-replayed'] === 'true' ? ' replayed' : ''}`);
      await route.fulfill({ response });
    });
    return lost;
  }

  /** Clicks, then again (the button is disabled until the lost answer fails the first); resolves once db-api answered the second. */
  async function clickTwice(button: Locator, lost: LostFirstAnswer): Promise<void> {
    await button.click();
    await eventually(async () => expect(lost.keys).toHaveLength(1));
    await button.click();
    await eventually(async () => expect(lost.answers).toHaveLength(1));
  }

  it('when the answer to creating an agent is lost and the owner clicks Next again, then the agent is created once', async () => {
    const { page, client } = await signedIn('Atlas Agents', '/agents');
    const lost = await loseFirstAnswer(page, '**/api/v1/agents');
    await page.getByRole('button', { name: en.create, exact: true }).click();
    await page.locator('select[name="personaId"] option').first().waitFor({ state: 'attached' });
    await page.locator('input[name="agentName"]').fill('Nadia');
    await clickTwice(page.locator('form button[type="submit"]'), lost);
    expect(lost.answers).toEqual(['201 replayed']);
    await page.locator('[data-test="agents"] tbody tr', { hasText: 'Nadia' }).waitFor();
    expect((await client.agents.list()).items.map((a) => a.name)).toEqual(['Nadia']);
    expect(lost.keys).toEqual([expect.stringMatching(KEY), lost.keys[0]]);
  }, 60_000);

  it('when the answer to adding a knowledge document is lost and the owner clicks Add again, then the document is added once and listed', async () => {
    const { page, client } = await signedIn('Atlas Knowledge', '/knowledge');
    const lost = await loseFirstAnswer(page, '**/api/v1/knowledge/documents');
    await page.locator('input[name="title"]').fill('Opening hours');
    await page.locator('textarea[name="content"]').fill('Open Monday to Friday, 9am to 6pm.');
    await clickTwice(page.locator('form:has(textarea[name="content"]) button[type="submit"]'), lost);
    expect(lost.answers).toEqual(['201 replayed']);
    await page.locator('[data-test="documents"] li', { hasText: 'Opening hours' }).waitFor();
    expect((await client.knowledge.list()).items.map((d) => d.title)).toEqual(['Opening hours']);
    expect(lost.keys).toEqual([expect.stringMatching(KEY), lost.keys[0]]);
  }, 60_000);

  it('when the answers to a test event and to a replay are lost and the owner clicks again, then each is sent once, and the next click is a new one', async () => {
    const { page, client } = await signedIn('Atlas Hooks', '/integrations');
    const endpoint = await client.webhooks.endpoints.create({ url: 'https://93.184.215.14/vocalia' });
    const deliveries = async () => (await client.webhooks.endpoints.deliveries(endpoint.id)).items;
    const lostTest = await loseFirstAnswer(page, '**/api/v1/webhooks/endpoints/*/test');
    const lostReplay = await loseFirstAnswer(page, '**/api/v1/webhooks/deliveries/*/replay');
    await page.reload();
    const sendTest = page.getByRole('button', { name: en.sendTest, exact: true });
    await clickTwice(sendTest, lostTest);
    expect(lostTest.answers).toEqual(['202 replayed']);
    expect(await deliveries()).toHaveLength(1);

    // No webhook-router runs here: the delivery is marked failed as its attempts would leave it, so it can be replayed.
    await fleet.prisma.webhookDelivery.updateMany({ where: { endpointId: endpoint.id }, data: { status: 'failed', attempts: 1 } });
    await page.reload();
    await clickTwice(page.getByRole('button', { name: en.replay, exact: true }), lostReplay);
    expect(lostReplay.answers).toEqual(['202 replayed']);
    expect((await client.audit.list()).items.filter((a) => a.action === 'webhook_delivery.replayed')).toHaveLength(1);
    expect(lostReplay.keys).toEqual([expect.stringMatching(KEY), lostReplay.keys[0]]);

    // Sent: the next click is another test event, under a new key.
    await sendTest.click();
    await eventually(async () => expect(lostTest.answers).toHaveLength(2));
    expect(lostTest.answers[1]).toBe('202');
    expect(await deliveries()).toHaveLength(2);
    expect(lostTest.keys).toEqual([expect.stringMatching(KEY), lostTest.keys[0], expect.stringMatching(KEY)]);
    expect(lostTest.keys[2]).not.toBe(lostTest.keys[0]);
  }, 60_000);

  it('when the answer to an invitation is lost and the owner clicks Invite again, then one invitation is mailed and stays pending', async () => {
    const { page, client } = await signedIn('Atlas Team', '/settings');
    const invitee = `member.${randomBytes(5).toString('hex')}@atlas-team.example`;
    const lost = await loseFirstAnswer(page, '**/api/v1/invitations');
    await page.locator('input[name="invite-email"]').fill(invitee);
    await clickTwice(page.getByRole('button', { name: en.invite, exact: true }), lost);
    expect(lost.answers).toEqual(['201 replayed']);
    await page.locator('[data-test="members"] li', { hasText: invitee }).waitFor();
    expect((await client.invitations.list()).items.map((i) => [i.email, i.status])).toEqual([[invitee, 'pending']]);
    const mails = (await (await fetch(mail.inboxUrl)).json()) as CaughtMail[];
    expect(mails.filter((m) => m.to.includes(invitee))).toHaveLength(1);
    expect(lost.keys).toEqual([expect.stringMatching(KEY), lost.keys[0]]);
  }, 60_000);

  it('when the answer to Buy is lost and the owner clicks Buy again, then the number is bought once and shows as owned', async () => {
    const { page, client } = await signedIn('Atlas Numbers', '/settings');
    const number = `+2125229${randomBytes(3).readUIntBE(0, 3).toString().padStart(5, '0').slice(-5)}`;
    twilio.forSale.set('MA', [number]);
    const lost = await loseFirstAnswer(page, '**/api/v1/phone-numbers');
    await page.locator('input[name="phone-contains"]').fill(number.slice(-5));
    await page.locator('input[name="phone-contains"]').press('Enter');
    await clickTwice(page.locator('[data-test="phone-offers"] button'), lost);
    expect(lost.answers).toEqual(['201 replayed']);
    await page.locator('[data-test="phone-numbers"] li', { hasText: number }).waitFor();
    expect([...twilio.owned.values()].filter((n) => n === number)).toHaveLength(1);
    expect((await client.phoneNumbers.list()).items.map((n) => n.number)).toEqual([number]);
    expect(lost.keys).toEqual([expect.stringMatching(KEY), lost.keys[0]]);
  }, 60_000);
});
