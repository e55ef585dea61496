import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WidgetConfigResponse } from '@vocalia/contracts';
import { FakeRealtimeModel } from '@vocalia/realtime/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { customerPage, eventually, launchChromium, onboardIntegrator, screenshot, startFleet, startStaticSite, writeSpokenWav, type Fleet, type Integrator, type StaticSite } from './support';

const SHOP = '<h1>Cabinet Dentaire Atlas</h1><p>Soins dentaires à Casablanca, sur rendez-vous.</p>';

interface Playback {
  started: number;
  stopped: number;
}

interface VoicePage {
  page: Page;
  /** WebSocket URLs the page opened. */
  sockets: string[];
  /** Text frames the page sent and received on them, parsed. */
  sent: Array<Record<string, unknown>>;
  received: Array<Record<string, unknown>>;
  config(): Promise<WidgetConfigResponse>;
  playback(): Promise<Playback>;
}

describe('browser voice: the widget streams the visitor speech through the edge to /realtime (issue #17)', () => {
  let model: FakeRealtimeModel;
  let spoken: { path: string; speechMs: number };
  let fleet: Fleet;
  let shopSite: StaticSite;
  let secondSite: StaticSite;
  let paid: Integrator;
  let starter: Integrator;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** The page on the tenant's second allowed origin, each audio source the widget plays counted (started, stopped early). */
  async function open(path: string): Promise<VoicePage> {
    const context = await browser.newContext({ locale: 'fr-FR', permissions: ['microphone'] });
    contexts.push(context);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const counts = { started: 0, stopped: 0 };
      (window as unknown as { playback: typeof counts }).playback = counts;
      const proto = AudioBufferSourceNode.prototype;
      const { start, stop } = proto;
      proto.start = function (...args: Parameters<typeof start>) {
        counts.started++;
        return start.apply(this, args);
      };
      proto.stop = function (...args: Parameters<typeof stop>) {
        counts.stopped++;
        return stop.apply(this, args);
      };
    });
    const watched: VoicePage = {
      page,
      sockets: [],
      sent: [],
      received: [],
      config: async () => (await (await page.waitForResponse((r) => r.url().includes('/config?'))).json()) as WidgetConfigResponse,
      playback: () => page.evaluate(() => ({ ...(window as unknown as { playback: Playback }).playback })),
    };
    page.on('websocket', (ws) => {
      watched.sockets.push(ws.url());
      ws.on('framesent', (f) => typeof f.payload === 'string' && watched.sent.push(JSON.parse(f.payload) as Record<string, unknown>));
      ws.on('framereceived', (f) => typeof f.payload === 'string' && watched.received.push(JSON.parse(f.payload) as Record<string, unknown>));
    });
    const config = watched.config();
    await page.goto(`${secondSite.origin}${path}`);
    const answered = await config;
    watched.config = () => Promise.resolve(answered);
    await page.locator('.launcher').click();
    await page.locator('.panel').waitFor({ state: 'visible' });
    return watched;
  }

  beforeAll(async () => {
    model = await new FakeRealtimeModel().start();
    // The fake hears the visitor after 6 microphone frames (~0.5 s) and answers once, for 20 s: long enough to barge in on.
    model.answerAfterAppends = 6;
    model.maxAnswers = 1;
    model.answerMs = 20_000;
    model.userSays = 'Est-ce que vous êtes ouverts le samedi ?';
    model.modelSays = 'Oui, nous sommes ouverts le samedi matin de 9h à 13h.';
    // Real speech on Chromium's fake microphone: the visitor's question said by espeak-ng.
    spoken = await writeSpokenWav(join(tmpdir(), `vocalia-spoken-${process.pid}.wav`), model.userSays, 'fr');
    const wav = spoken.path;
    fleet = await startFleet({ name: 'browser-voice', realtimeModelUrl: model.url });
    [shopSite, secondSite, browser] = await Promise.all([
      startStaticSite(),
      startStaticSite(),
      launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`, '--autoplay-policy=no-user-gesture-required']),
    ]);
    [paid, starter] = await Promise.all([
      onboardIntegrator(fleet.edgeUrl, { origins: [shopSite.origin, secondSite.origin], languages: ['fr'] }),
      onboardIntegrator(fleet.edgeUrl, { origins: [secondSite.origin], languages: ['fr'], company: 'Cabinet Starter' }),
    ]);
    expect((await paid.client.plans.change('ecommerce')).features).toContain('cloud_voice');
    expect((await starter.client.plans.current()).features).not.toContain('cloud_voice');
    secondSite.pages['/voice.html'] = customerPage('fr', 'Cabinet Dentaire Atlas', SHOP, (await paid.client.widget.snippet()).snippets.html.code);
    secondSite.pages['/starter.html'] = customerPage('fr', 'Cabinet Starter', SHOP, (await starter.client.widget.snippet()).snippets.html.code);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await Promise.all([shopSite?.close(), secondSite?.close()]);
    await fleet?.close();
    await model?.stop();
  });

  it('when a visitor on a cloud_voice plan clicks the mic, then the transcript shows, speech_started stops playback and the turn and seconds are recorded', async () => {
    const voice = await open('/voice.html');
    expect((await voice.config()).voice.realtime).toBe(true);
    const { page } = voice;
    await page.locator('.mic').click();

    await page.locator('.msg.user .text', { hasText: model.userSays }).waitFor({ timeout: 15_000 });
    await page.locator('.msg.assistant .text', { hasText: model.modelSays }).waitFor({ timeout: 15_000 });
    expect(voice.sockets).toHaveLength(1);
    expect(voice.sockets[0]).toMatch(new RegExp(`^${fleet.edgeUrl.replace('http', 'ws')}/realtime\\?token=[^&]+$`));
    const start = voice.sent.find((frame) => frame.type === 'start');
    expect(start).toMatchObject({ tenantId: paid.tenantId, language: 'fr', audio: { format: 'pcm16', sampleRate: 24000 } });
    expect(voice.received.map((frame) => frame.type)).toContain('ready');
    // The spoken WAV on Chromium's fake microphone reached the model: loud frames (the speech) and quiet ones (its pause).
    const appended = model.of('input_audio_buffer.append').map((e) => Buffer.from(String(e.audio), 'base64'));
    expect(appended.length).toBeGreaterThanOrEqual(6);
    const rms = (pcm: Buffer) => Math.sqrt(Array.from({ length: pcm.length >> 1 }, (_, i) => pcm.readInt16LE(i * 2) ** 2).reduce((a, b) => a + b, 0) / Math.max(1, pcm.length >> 1));
    expect(appended.some((pcm) => rms(pcm) > 1000)).toBe(true);
    expect(spoken.speechMs).toBeGreaterThan(1000);
    await eventually(async () => expect((await voice.playback()).started).toBeGreaterThan(0));
    expect((await voice.playback()).stopped).toBe(0);
    await screenshot(page, 'browser-voice-live-answer');
    // The session's place, taken by realtime in Redis, shows in the tenant's usage from db-api.
    expect((await paid.client.usage.get()).live.voiceSessions).toEqual({ used: 1, quota: 10 });

    model.speechStarted();
    await eventually(async () => expect((await voice.playback()).stopped).toBeGreaterThan(0));
    const [truncate] = model.of('conversation.item.truncate');
    expect(truncate).toMatchObject({ item_id: 'item-assistant-1', content_index: 0 });
    expect(truncate?.audio_end_ms).toBeLessThan(model.answerMs);

    await page.locator('.mic').click();
    expect(voice.sent.at(-1)).toEqual({ type: 'stop' });

    const sessionId = String(start?.sessionId);
    const conversation = await eventually(async () => {
      const { items } = await paid.client.conversations.list();
      const found = items.find((c) => c.sessionId === sessionId);
      expect(found).toMatchObject({ channel: 'voice', origin: secondSite.origin });
      return found!;
    });
    const detail = await paid.client.conversations.get(conversation.id);
    expect(detail.messages.map((m) => [m.role, m.text])).toEqual(expect.arrayContaining([['user', model.userSays], ['assistant', model.modelSays]]));
    await eventually(async () => expect((await paid.client.usage.get()).voiceMinutes.used).toBeGreaterThan(0));
    await eventually(async () => expect((await paid.client.usage.get()).live.voiceSessions?.used).toBe(0));
  });

  it('when the realtime model drops the session, then the widget says once that browser speech takes over and the mic becomes browser speech', async () => {
    const voice = await open('/voice.html');
    const { page } = voice;
    const mic = page.locator('.mic');
    expect(await mic.getAttribute('aria-label')).toBe('Démarrer la conversation vocale');
    await mic.click();
    await eventually(() => expect(voice.received.map((frame) => frame.type)).toContain('ready'));
    model.dropAll();
    await page.locator('.notice', { hasText: 'la reconnaissance vocale du navigateur' }).waitFor({ timeout: 10_000 });
    expect(voice.received.at(-1)).toMatchObject({ type: 'error', status: 502 });
    expect(await mic.getAttribute('aria-label')).toBe('Parler');
    expect(await mic.getAttribute('aria-pressed')).toBe('false');
    await screenshot(page, 'browser-voice-fallback');
  });

  it('when the same page carries a Starter tenant (no cloud_voice), then the mic is browser speech and no socket opens', async () => {
    const voice = await open('/starter.html');
    expect((await voice.config()).voice.realtime).toBe(false);
    const mic = voice.page.locator('.mic');
    expect(await mic.getAttribute('aria-label')).toBe('Parler');
    await mic.click();
    await voice.page.waitForLoadState('networkidle');
    expect(voice.sockets).toEqual([]);
  });
});
