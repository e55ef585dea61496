import type { Browser } from 'playwright-core';
import { LATEST_PATH, snippetHtml, widgetBundle, type WidgetBundle } from '../../src';
import { launchChromium } from './browser';
import { startFakeVoiceApi, type FakeVoiceApi } from './fake-voice-api';
import { shopAnswer, shopTenant, voiceTenant } from './fixtures';
import { page, startStaticSite, type StaticSite } from './static-site';

export const TENANT = 'shop-atlas';

export interface Fleet {
  bundle: WidgetBundle;
  api: FakeVoiceApi;
  /** The customer's site, an allowed origin. */
  site: StaticSite;
  /** Another site whose origin the tenant has not allowed. */
  stranger: StaticSite;
  browser: Browser;
  stop(): Promise<void>;
}

/** Fake voice-api + two customer origins + Chromium; pages embed the snippet snippetHtml() produces. */
export async function startFleet(): Promise<Fleet> {
  const bundle = widgetBundle();
  const sitePages: Record<string, string> = {};
  const strangerPages: Record<string, string> = {};
  const site = await startStaticSite(sitePages);
  const stranger = await startStaticSite(strangerPages);
  const api = await startFakeVoiceApi([shopTenant([site.origin]), voiceTenant([site.origin])], bundle, shopAnswer(site.origin));
  api.tokenDelayMs = 120;
  const pinned = snippetHtml({ scriptUrl: `${api.url}${bundle.immutablePath}`, tenantId: TENANT, sri: bundle.sri });
  const latest = (tenantId: string) => snippetHtml({ scriptUrl: `${api.url}${LATEST_PATH}`, tenantId });
  const shopBody = (heading: string, help: string) =>
    `<h1>${heading}</h1><p>Maroquinerie artisanale, Casablanca &amp; Paris.</p><button id="help" data-vocalia-action="open">${help}</button>`;

  sitePages['/fr.html'] = page('fr', 'Atlas Boutique', shopBody('Atlas Boutique', 'Besoin d’aide ?') + pinned);
  sitePages['/ar.html'] = page('ar', 'أطلس بوتيك', shopBody('أطلس بوتيك', 'مساعدة') + latest(TENANT));
  sitePages['/voice.html'] = page('fr', 'Studio Voix', shopBody('Studio Voix', 'Parler') + latest('voice-studio'));
  const csp = `default-src 'none'; script-src ${api.url}; connect-src ${api.url}; img-src ${site.origin}; style-src 'none'`;
  sitePages['/csp.html'] = page('en', 'Strict CSP', `<meta http-equiv="Content-Security-Policy" content="${csp}">` + shopBody('Strict CSP', 'Help') + latest(TENANT));
  sitePages['/themed.html'] = page('en', 'Themed', '<style>:root{--vocalia-primary:#fde047;--vocalia-z-index:77}</style>' + shopBody('Themed', 'Help') + latest(TENANT));
  sitePages['/unknown.html'] = page('fr', 'Mauvais tenant', shopBody('Mauvais tenant', 'Aide') + latest('no-such-tenant'));
  strangerPages['/index.html'] = page('fr', 'Site non autorisé', shopBody('Copie du snippet', 'Aide') + pinned);

  const browser = await launchChromium();
  return {
    bundle,
    api,
    site,
    stranger,
    browser,
    stop: async () => {
      await browser.close();
      await Promise.all([api.close(), site.close(), stranger.close()]);
    },
  };
}
