import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support';
import { startFakeOidc, type FakeOidc } from './support/fake-oidc';
import { deleteKeys } from './support/redis-keys';
import { reserveServer } from './support/reserved-server';
import { startDbApi } from './support/start-db-api';
import { startEdge } from './support/start-edge';
import { startOAuthGateway } from './support/start-oauth-gateway';
import { Teardown } from './support/teardown';
import { uniquePrefix } from './support/test-env';

const unique = () => randomBytes(5).toString('hex');

describe('the dashboard signs in with single sign-on: the button, the one-time code, the cookie session', () => {
  const teardown = new Teardown();
  let edge: string;
  let oidc: FakeOidc;
  let browser: Browser;

  beforeAll(async () => {
    const prefix = uniquePrefix('dash-sso');
    teardown.add('storage', { close: () => deleteKeys(prefix) });
    const dbServer = teardown.add('servers', await reserveServer());
    const gatewayServer = teardown.add('servers', await reserveServer());
    edge = teardown.add('edges', await startEdge({ 'db-api': dbServer.port, 'oauth-gateway': gatewayServer.port })).url;
    const google = { name: 'google', clientId: 'google-client', clientSecret: `google-secret-${unique()}`, redirectUri: `${edge}/oauth/google/callback` };
    oidc = teardown.add('services', await startFakeOidc([google]));
    const dbApi = teardown.add('services', await startDbApi({ publicBaseUrl: edge, queuePrefix: prefix }));
    dbServer.serve(dbApi.handler);
    const gateway = teardown.add(
      'services',
      await startOAuthGateway({
        publicBaseUrl: edge,
        dbApiUrl: dbServer.url,
        queuePrefix: prefix,
        providerEnv: { GOOGLE_ISSUER: oidc.issuers.google!, GOOGLE_CLIENT_ID: google.clientId, GOOGLE_CLIENT_SECRET: google.clientSecret },
      }),
    );
    gatewayServer.serve(gateway.handler);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await teardown.run();
  });

  it('when a visitor clicks "Google" on sign-in, then they land signed in, the code is gone from the URL, a reload keeps the session, and the used code is refused', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${edge}/app/#/sign-in`);
    const buttons = page.locator('[data-test="sso"] a');
    await buttons.first().waitFor();
    expect(await buttons.allTextContents()).toEqual([expect.stringContaining('Google')]);
    await oidc.nextUser('google', { sub: `sub-${unique()}`, email: `sso.${unique()}@example.test`, email_verified: true, name: 'Amina Idrissi' });
    const landed = page.waitForResponse((res) => res.url().endsWith('/oauth/session'));
    await buttons.first().click();
    const redeemed = await landed;
    expect(redeemed.status()).toBe(200);
    await page.locator('nav').first().waitFor();
    expect(page.url()).toBe(`${edge}/app/#/`);
    await page.reload();
    await page.locator('nav').first().waitFor();
    expect(page.url()).toBe(`${edge}/app/#/`);

    const code = JSON.parse(redeemed.request().postData() ?? '{}').code as string;
    await context.close();
    const stranger = await browser.newContext();
    const again = await stranger.newPage();
    await again.goto(`${edge}/app/#oauth_code=${code}`);
    await again.locator('[role="alert"]', { hasText: 'Sign-in did not complete' }).waitFor();
    expect(again.url()).not.toContain(code);
    await stranger.close();
  });
});
