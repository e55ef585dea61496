import { PLANS } from '@vocalia/contracts';
import { fetchSocialProof, fetchWidgetConfig, type FetchLike } from '../src/browser/api-client';
import { mergeContext } from '../src/browser/context-values';
import { floatToPcm16, pcm16ToFloat, realtimeUrl } from '../src/browser/pcm16';
import { chooseVoiceMode } from '../src/browser/voice-mode';

const every = { speechRecognition: true, webSocket: true, microphone: true, audioContext: true };
const none = { speechRecognition: false, webSocket: false, microphone: false, audioContext: false };

describe('voice mode', () => {
  it('when realtime is configured and the plan has cloud_voice, then streaming voice is used', () => {
    expect(chooseVoiceMode({ voice: { browser: true, realtime: true }, features: PLANS.pro.features }, every)).toEqual({ mode: 'realtime', offered: true, browserFallback: true });
  });

  it('when realtime is configured but the plan lacks cloud_voice, then browser speech is used', () => {
    expect(chooseVoiceMode({ voice: { browser: true, realtime: true }, features: PLANS.starter.features }, every).mode).toBe('browser');
  });

  it('when the browser has no speech APIs, then voice is off but marked offered (the visitor is told)', () => {
    expect(chooseVoiceMode({ voice: { browser: true, realtime: false }, features: PLANS.starter.features }, none)).toEqual({ mode: 'none', offered: true, browserFallback: false });
    expect(chooseVoiceMode({ voice: { browser: false, realtime: false }, features: PLANS.pro.features }, every)).toEqual({ mode: 'none', offered: false, browserFallback: false });
  });
});

describe('setContext values', () => {
  it('when given mixed values, then strings are cut to 500, numbers and booleans kept, null removes and the rest is dropped', () => {
    const merged = mergeContext({ plan: 'gold', cart: 3 }, { plan: null, long: 'x'.repeat(900), vip: true, nan: Number.NaN, obj: { a: 1 }, channel: 'api', 'bad key': 1 });
    expect(merged).toEqual({ cart: 3, long: 'x'.repeat(500), vip: true });
  });
});

describe('realtime audio', () => {
  it('when float samples round-trip through PCM16, then they come back within one step', () => {
    const samples = Float32Array.from([0, 0.5, -0.5, 1, -1, 2]);
    const back = pcm16ToFloat(floatToPcm16(samples));
    expect(Array.from(back).map((v) => Math.round(v * 100) / 100)).toEqual([0, 0.5, -0.5, 1, -1, 1]);
  });

  it('when the API base is https, then the socket is wss on /realtime with the session token in the query', () => {
    expect(realtimeUrl('https://api.vocalia.ai', 'wt_a.b+c')).toBe('wss://api.vocalia.ai/realtime?token=wt_a.b%2Bc');
    expect(realtimeUrl('http://127.0.0.1:3004', 't')).toBe('ws://127.0.0.1:3004/realtime?token=t');
  });
});

describe("the dashboard's live preview", () => {
  it('when the widget runs with a preview grant, then /social-proof is asked with it as /config is (no 403 in the dashboard)', async () => {
    const sent: Record<string, Record<string, string>> = {};
    const fetchFn: FetchLike = async (url, init) => {
      sent[new URL(url).pathname] = init?.headers as Record<string, string>;
      return new Response(JSON.stringify({ items: [] }), { headers: { 'Content-Type': 'application/json' } });
    };
    const target = { apiBase: 'https://edge.example', tenantId: 'riad', previewGrant: 'grant-1', fetch: fetchFn };
    await fetchWidgetConfig(target).catch(() => undefined);
    await fetchSocialProof(target);
    expect(sent['/config']?.['X-Vocalia-Preview']).toBe('grant-1');
    expect(sent['/social-proof']?.['X-Vocalia-Preview']).toBe('grant-1');
  });
});
