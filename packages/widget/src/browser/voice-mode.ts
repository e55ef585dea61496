import type { Feature, WidgetConfigResponse } from '@vocalia/contracts';

export type VoiceMode = 'realtime' | 'browser' | 'none';

export interface VoiceCapabilities {
  speechRecognition: boolean;
  webSocket: boolean;
  microphone: boolean;
  audioContext: boolean;
}

export interface VoiceChoice {
  mode: VoiceMode;
  /** The tenant offers voice at all: when true and mode is "none", the visitor is told why the mic is missing. */
  offered: boolean;
  /** Browser speech works here too: streaming voice that is refused, errors or drops falls back to it. */
  browserFallback: boolean;
}

/** Streaming voice when the tenant has it (config + plan) and the browser can; else browser speech; else text only. */
export function chooseVoiceMode(config: Pick<WidgetConfigResponse, 'voice' | 'features'>, caps: VoiceCapabilities): VoiceChoice {
  const has = (feature: Feature) => config.features.includes(feature);
  const realtimeOffered = config.voice.realtime && has('cloud_voice');
  const browserOffered = config.voice.browser && has('widget_voice');
  const offered = realtimeOffered || browserOffered;
  const browserFallback = browserOffered && caps.speechRecognition;
  if (realtimeOffered && caps.webSocket && caps.microphone && caps.audioContext) return { mode: 'realtime', offered, browserFallback };
  if (browserFallback) return { mode: 'browser', offered, browserFallback };
  return { mode: 'none', offered, browserFallback };
}

export function detectVoiceCapabilities(win: Window): VoiceCapabilities {
  const w = win as unknown as { SpeechRecognition?: unknown; webkitSpeechRecognition?: unknown; WebSocket?: unknown; AudioContext?: unknown; webkitAudioContext?: unknown; navigator: Navigator };
  return {
    speechRecognition: typeof (w.SpeechRecognition ?? w.webkitSpeechRecognition) === 'function',
    webSocket: typeof w.WebSocket === 'function',
    microphone: !!w.navigator.mediaDevices && typeof w.navigator.mediaDevices.getUserMedia === 'function',
    audioContext: typeof (w.AudioContext ?? w.webkitAudioContext) === 'function',
  };
}
