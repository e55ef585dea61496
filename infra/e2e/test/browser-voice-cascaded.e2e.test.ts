import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WidgetConfigResponse } from '@vocalia/contracts';
import { FakeSpeechApi } from '@vocalia/realtime/testing';
import type { Browser, BrowserContext } from 'playwright-core';
import { customerPage, eventually, launchChromium, onboardIntegrator, screenshot, startFleet, startStaticSite, writeSpokenWav, type Fleet, type Integrator, type StaticSite } from './support';

const SHOP = '<h1>Cabinet Dentaire Atlas</h1><p>Soins dentaires à Casablanca, sur rendez-vous.</p>';
const QUESTION = 'Est-ce que vous êtes ouverts le samedi ?';

describe('browser voice, cascaded path: no realtime model, the visitor speech is detected, transcribed, answered by the engine and spoken (issue #17)', () => {
  let speech: FakeSpeechApi;
  let spoken: { path: string; speechMs: number };
  let fleet: Fleet;
  let site: StaticSite;
  let paid: Integrator;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    speech = await new FakeSpeechApi().start();
    speech.transcript = QUESTION;
    speech.speechMs = 1500;
    spoken = await writeSpokenWav(join(tmpdir(), `vocalia-spoken-cascaded-${process.pid}.wav`), QUESTION, 'fr');
    fleet = await startFleet({ name: 'browser-voice-cascaded', realtimeSpeechUrl: speech.url });
    [site, browser] = await Promise.all([
      startStaticSite(),
      launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${spoken.path}`, '--autoplay-policy=no-user-gesture-required']),
    ]);
    paid = await onboardIntegrator(fleet.edgeUrl, { origins: [site.origin], languages: ['fr'] });
    expect((await paid.client.plans.change('ecommerce')).features).toContain('cloud_voice');
    site.pages['/voice.html'] = customerPage('fr', 'Cabinet Dentaire Atlas', SHOP, (await paid.client.widget.snippet()).snippets.html.code);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
    await fleet?.close();
    await speech?.stop();
  });

  it('when a visitor speaks into the mic, then the utterance found in the browser audio is transcribed, the engine answers aloud, and the turn is in the conversation', async () => {
    context = await browser.newContext({ locale: 'fr-FR', permissions: ['microphone'] });
    const page = await context.newPage();
    const sent: Array<Record<string, unknown>> = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => typeof f.payload === 'string' && sent.push(JSON.parse(f.payload) as Record<string, unknown>)));
    const config = page.waitForResponse((r) => r.url().includes('/config?'));
    await page.goto(`${site.origin}/voice.html`);
    expect(((await (await config).json()) as WidgetConfigResponse).voice.realtime).toBe(true);
    await page.locator('.launcher').click();
    await page.locator('.panel').waitFor({ state: 'visible' });
    await page.locator('.mic').click();

    // Chromium loops the fake capture file, so a slow run may hear (and transcribe) the question twice.
    await page.locator('.msg.user .text', { hasText: QUESTION }).first().waitFor({ timeout: 20_000 });
    await page.locator('.msg.assistant .text').first().waitFor({ timeout: 20_000 });
    // WebRTC VAD cut one utterance out of what Chromium's microphone captured: about as long as the spoken question.
    const [heard] = speech.transcriptions;
    expect(heard).toMatchObject({ language: 'fr', sampleRate: 24000 });
    expect(heard!.ms).toBeGreaterThan(spoken.speechMs * 0.6);
    expect(heard!.ms).toBeLessThan(spoken.speechMs + 1500);
    expect(speech.speeches.length).toBeGreaterThan(0);
    await screenshot(page, 'browser-voice-cascaded-answer');

    await page.locator('.mic').click();
    const sessionId = String(sent.find((frame) => frame.type === 'start')?.sessionId);
    const conversation = await eventually(async () => {
      const { items } = await paid.client.conversations.list();
      const found = items.find((c) => c.sessionId === sessionId);
      expect(found).toMatchObject({ channel: 'voice', origin: site.origin });
      return found!;
    });
    const detail = await paid.client.conversations.get(conversation.id);
    expect(detail.messages.map((m) => [m.role, m.text])).toContainEqual(['user', QUESTION]);
    expect(detail.messages.some((m) => m.role === 'assistant' && m.text.length > 0)).toBe(true);
  });
});
