import type { Page } from 'playwright-core';
import { eventually, watchPage } from './support/browser';
import { startFleet, type Fleet } from './support/fleet-fixture';

jest.setTimeout(60_000);

/** Replaces the Web Speech APIs with a recognizer that "hears" one sentence and a synthesizer that records what it says. */
function fakeWebSpeech(heard: string): void {
  const spoken: Array<{ text: string; lang: string }> = [];
  class FakeRecognition {
    lang = '';
    onresult: ((event: unknown) => void) | null = null;
    onend: (() => void) | null = null;
    start() {
      setTimeout(() => {
        this.onresult?.({ resultIndex: 0, results: [{ isFinal: true, 0: { transcript: heard } }] });
        this.onend?.();
      }, 50);
    }
    stop() {}
  }
  Object.assign(window, { SpeechRecognition: FakeRecognition, webkitSpeechRecognition: FakeRecognition, spoken });
  speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => void spoken.push({ text: utterance.text, lang: utterance.lang });
}

describe('widget voice in Chromium', () => {
  let fleet: Fleet;

  beforeAll(async () => {
    fleet = await startFleet();
  });
  afterAll(() => fleet.stop());

  async function open(path: string, init?: { script: (heard: string) => void; arg: string } | (() => void)): Promise<Page> {
    const page = await (await fleet.browser.newContext({ locale: 'fr-FR' })).newPage();
    await watchPage(page);
    if (typeof init === 'function') await page.addInitScript(init);
    else if (init) await page.addInitScript(init.script, init.arg);
    await page.goto(`${fleet.site.origin}${path}`);
    await page.locator('.launcher').click();
    return page;
  }

  it('when the plan has cloud_voice and realtime is on, then the mic streams PCM16 over /realtime with the token and shows both transcripts', async () => {
    const page = await open('/voice.html');
    const mic = page.locator('.mic');
    expect(await mic.getAttribute('aria-label')).toBe('Démarrer la conversation vocale');
    await mic.click();
    await page.locator('.msg.user', { hasText: 'Vous êtes ouverts demain ?' }).waitFor();
    await page.locator('.msg.assistant', { hasText: 'Oui, demain de 9 h à 19 h.' }).waitFor();
    expect(await mic.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.notice').textContent()).toBe('Je vous écoute…');
    const start = fleet.api.realtime.starts[0];
    expect(start).toMatchObject({ type: 'start', tenantId: 'voice-studio', language: 'fr', locale: 'fr-FR', audio: { format: 'pcm16', sampleRate: 24000 } });
    expect(String(start?.token)).toMatch(/^wt_/);
    expect(String(start?.sessionId)).toMatch(/^vs_/);
    expect(fleet.api.realtime.audioFrames).toBeGreaterThanOrEqual(5);
    expect(fleet.api.realtime.oddFrames).toBe(0);
    expect(fleet.api.realtime.refused).toEqual([]);
    await mic.click();
    await page.waitForFunction(() => document.querySelector('vocalia-widget')?.shadowRoot?.querySelector('.mic')?.getAttribute('aria-pressed') === 'false');
    await eventually(() => fleet.api.realtime.stops, 1);
    await page.context().close();
  });

  it.each([
    ['the realtime server restarts mid-session (1012: a replica leaving a deploy)', 'restarts'],
    ['a live session is cut without a close frame (1006: the network changed, or the replica died)', 'drops'],
  ] as const)('when %s, then the widget reconnects with the same session and the conversation goes on by voice', async (_how, cut) => {
    fleet.api.realtime[cut] = 1;
    const before = fleet.api.realtime.starts.length;
    try {
      const page = await open('/voice.html');
      const mic = page.locator('.mic');
      await mic.click();
      await eventually(() => fleet.api.realtime.starts.length - before, 2);
      await eventually(() => page.locator('.msg.assistant', { hasText: 'Oui, demain de 9 h à 19 h.' }).count(), 2);
      const [first, second] = fleet.api.realtime.starts.slice(before);
      expect(second?.sessionId).toBe(first?.sessionId);
      expect(await mic.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('.notice').textContent()).toBe('Je vous écoute…');
      expect(fleet.api.realtime[cut]).toBe(0);
      await mic.click();
      await page.context().close();
    } finally {
      fleet.api.realtime[cut] = undefined;
    }
  });

  it('when the realtime replica is full (1013), then the widget tries once more after a moment and the conversation goes on by voice', async () => {
    fleet.api.realtime.overloaded = 1;
    const closedBefore = fleet.api.realtime.overloadedClosed;
    try {
      const page = await open('/voice.html');
      const mic = page.locator('.mic');
      await mic.click();
      await page.locator('.msg.assistant', { hasText: 'Oui, demain de 9 h à 19 h.' }).waitFor();
      expect(fleet.api.realtime.overloadedClosed - closedBefore).toBe(1);
      expect(await mic.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('.notice').textContent()).toBe('Je vous écoute…');
      await mic.click();
      await page.context().close();
    } finally {
      fleet.api.realtime.overloaded = undefined;
    }
  });

  it('when the replica is still full on the second try, then browser speech takes over: one retry, no storm', async () => {
    fleet.api.realtime.overloaded = 5;
    const closedBefore = fleet.api.realtime.overloadedClosed;
    try {
      const page = await open('/voice.html', { script: fakeWebSpeech, arg: 'Quels sont vos horaires ?' });
      await page.locator('.mic').click();
      await page.waitForFunction(() => document.querySelector('vocalia-widget')?.shadowRoot?.querySelector('.notice')?.textContent?.includes('reconnaissance vocale du navigateur'));
      await new Promise((r) => setTimeout(r, 3500));
      expect(fleet.api.realtime.overloadedClosed - closedBefore).toBe(2);
      await page.context().close();
    } finally {
      fleet.api.realtime.overloaded = undefined;
    }
  });

  it('when /realtime refuses the socket, then the widget says once that browser speech takes over, and the next press talks through it', async () => {
    fleet.api.realtime.refuseWith = 503;
    try {
      const page = await open('/voice.html', { script: fakeWebSpeech, arg: 'Quels sont vos horaires ?' });
      const mic = page.locator('.mic');
      await mic.click();
      await eventually(() => fleet.api.realtime.refused, [503]);
      await page.waitForFunction(() => document.querySelector('vocalia-widget')?.shadowRoot?.querySelector('.notice')?.textContent?.includes('reconnaissance vocale du navigateur'));
      expect(await mic.getAttribute('aria-label')).toBe('Parler');
      await mic.click();
      await page.locator('.msg.assistant:not([aria-busy]) .text', { hasText: 'lundi' }).waitFor();
      expect(fleet.api.log.filter((e) => e.path === '/respond').at(-1)?.body?.context?.channel).toBe('voice');
      expect(fleet.api.realtime.refused).toEqual([503]);
      await page.context().close();
    } finally {
      fleet.api.realtime.refuseWith = undefined;
      fleet.api.realtime.refused.length = 0;
    }
  });

  it('when only browser speech is available, then push-to-talk sends the transcript on the voice channel and reads the answer aloud in fr-FR', async () => {
    const page = await open('/fr.html', { script: fakeWebSpeech, arg: 'Quels sont vos horaires ?' });
    await page.locator('.mic').click();
    await page.locator('.msg.assistant:not([aria-busy]) .text', { hasText: 'lundi' }).waitFor();
    expect(fleet.api.log.filter((e) => e.path === '/respond').at(-1)?.body?.context?.channel).toBe('voice');
    await eventually(() => page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken), [{ text: 'Nous sommes ouverts du lundi au samedi, de 9 h à 19 h.', lang: 'fr-FR' }]);
    await page.context().close();
  });

  it('when the browser has no speech recognition, then the mic is hidden and the visitor is told to type instead', async () => {
    const page = await open('/fr.html', () => {
      Object.assign(window, { SpeechRecognition: undefined, webkitSpeechRecognition: undefined });
    });
    expect(await page.locator('.mic').isHidden()).toBe(true);
    expect(await page.locator('.notice').textContent()).toBe("La voix n'est pas disponible dans ce navigateur. Vous pouvez écrire votre message.");
    await page.context().close();
  });
});
